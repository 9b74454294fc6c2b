/// What one function or closure does that matters across calls, in terms of its receiver,
/// parameters and package variables (``StateRef``): locks taken and released, field accesses
/// with the locks held at each, calls, blocking operations and spawns, in source order.
///
/// Built once per function from its unit (``SummaryBuilder``); a ``PackageModel`` joins the
/// summaries of every file of a package at call sites, as RacerD and Infer's starvation analysis
/// do with per-method summaries.
public struct FunctionSummary: Sendable {
    /// `Type.method`, `function`, or the enclosing key with `#n` for a closure (`T.run#2`).
    public var key: String
    public var name: String
    /// The receiver's (or enclosing) type for methods.
    public var ownerType: String?
    /// The file the function is in, as given to conclint.
    public var path: String
    public var range: SourceRange
    public var kind: Function.Kind
    public var entry: Function.Entry
    public var isolation: Isolation
    /// Callable from outside the package (Go: capitalised; Swift: `public` / `open`).
    public var isExported: Bool
    /// An initializer, deinitializer or constructor: the object is not shared yet.
    public var isInitializer: Bool
    /// Its name or doc comment says the caller holds the lock (`flushLocked`, "mu must be held").
    public var requiresHeldLock: Bool
    /// For a closure: how it runs relative to its creator.
    public var closureRole: ClosureRole
    /// The key of the declared function the closure is written in (itself for declared ones).
    public var enclosingKey: String
    /// Declared types of the parameters, by position (receivers not counted).
    public var parameterTypes: [String?]
    /// The positions of its results declared `error` (``Function/errorResults``).
    public var errorResults: [Int] = []
    public var events: [SummaryEvent]
    /// Locks held where the body ends or returns (a function that returns with a lock held).
    public var heldOnExit: [HeldLock]
    /// Written in test code (``Unit/isTestCode``).
    public var isTestCode = false
    /// For an escaping closure: the locks its creator held where it wrote the closure. Code
    /// that runs the closure before returning (`systemstack(func() { … })`, a callback invoked
    /// in place) runs it under them.
    public var heldAtCreation: [HeldLock] = []
    /// The receiving cases of its `select` statements: the channel, and the positions in
    /// ``events`` of the case's body, which runs after the receive.
    public var selectReceives: [SelectReceive] = []
    /// The channels it closes (`close(s.done)`), which wakes every receiver.
    public var closedChannels: [StateRef] = []
    /// The locks its `defer`s release when it returns (`defer mu.Unlock()`).
    public var deferredReleases: [StateRef] = []
    /// Locks it releases again on a path where it already released them (a double unlock,
    /// unless a call in between takes the lock again).
    public var repeatedReleases: [RepeatedRelease] = []

    /// A `select` case that receives (`case <-s.shutdownCh:`), and what its body does.
    public struct SelectReceive: Sendable {
        public var channel: StateRef
        /// Indices into ``FunctionSummary/events`` of the case body's events.
        public var events: Range<Int>

        public init(channel: StateRef, events: Range<Int>) {
            self.channel = channel
            self.events = events
        }
    }

    /// How a closure's body runs.
    public enum ClosureRole: String, Sendable {
        /// A declared function, not a closure.
        case none
        /// Spawned: runs concurrently with its creator.
        case spawned
        /// Stored or handed on: runs later, on a thread we do not know.
        case escaping
    }

    public init(
        key: String, name: String, ownerType: String?, path: String, range: SourceRange, kind: Function.Kind,
        entry: Function.Entry, isolation: Isolation, isExported: Bool, isInitializer: Bool,
        requiresHeldLock: Bool, closureRole: ClosureRole, enclosingKey: String, parameterTypes: [String?],
        events: [SummaryEvent] = [], heldOnExit: [HeldLock] = []
    ) {
        self.key = key
        self.name = name
        self.ownerType = ownerType
        self.path = path
        self.range = range
        self.kind = kind
        self.entry = entry
        self.isolation = isolation
        self.isExported = isExported
        self.isInitializer = isInitializer
        self.requiresHeldLock = requiresHeldLock
        self.closureRole = closureRole
        self.enclosingKey = enclosingKey
        self.parameterTypes = parameterTypes
        self.events = events
        self.heldOnExit = heldOnExit
    }
}

/// A lock held at a point of a body.
public struct HeldLock: Hashable, Sendable {
    public var lock: StateRef
    /// Held as a reader (`RLock`).
    public var isRead: Bool
    /// Held on every path to this point (not only on some).
    public var isDefinite: Bool
    /// A serial executor the code runs on (`queue.sync { }`), not a lock object.
    public var isExecutor: Bool
    /// Where it was taken.
    public var acquiredAt: SourceRange

    public init(lock: StateRef, isRead: Bool, isDefinite: Bool, isExecutor: Bool = false, acquiredAt: SourceRange) {
        self.lock = lock
        self.isRead = isRead
        self.isDefinite = isDefinite
        self.isExecutor = isExecutor
        self.acquiredAt = acquiredAt
    }
}

/// One thing a body does, with the locks held when it does it.
public enum SummaryEvent: Sendable {
    case acquire(LockEvent)
    case release(LockEvent)
    case access(AccessEvent)
    case call(CallEvent)
    case blocking(BlockingEvent)
    case spawn(SpawnEvent)

    /// The locks held at the event.
    public var held: [HeldLock] {
        switch self {
        case .acquire(let event), .release(let event): event.held
        case .access(let event): event.held
        case .call(let event): event.held
        case .blocking(let event): event.held
        case .spawn(let event): event.held
        }
    }

    public var range: SourceRange {
        switch self {
        case .acquire(let event), .release(let event): event.range
        case .access(let event): event.range
        case .call(let event): event.range
        case .blocking(let event): event.range
        case .spawn(let event): event.range
        }
    }
}

/// Taking or releasing a lock (or entering a serial executor).
public struct LockEvent: Sendable {
    public var lock: StateRef
    public var isRead: Bool
    /// `TryLock`: may fail, so it cannot block.
    public var isTry: Bool
    public var isExecutor: Bool
    /// Taken only on a branch whose condition reads a parameter (`if !lockHeld { lock(&l) }`):
    /// the caller decides whether the lock is taken.
    public var isParameterGated = false
    /// Held before this event.
    public var held: [HeldLock]
    public var range: SourceRange
    /// The lock as written.
    public var text: String
}

/// A read or write of a location reached from a field.
public struct AccessEvent: Sendable {
    public var target: StateRef
    public var isWrite: Bool
    public var isAtomic: Bool
    public var held: [HeldLock]
    public var range: SourceRange
    /// The access as written (`m.links`, `self.handlers`).
    public var text: String
    /// A write that only takes entries out (``Access/WriteKind/remove``): doing it twice is
    /// doing it once.
    public var isRemoval = false
}

/// A call of a function or method.
public struct CallEvent: Sendable {
    public var name: String
    /// The callee as written.
    public var callee: String
    /// The receiver, when it is reached from a binding.
    public var receiver: StateRef?
    /// A call on the caller's own instance (`s.f()` with `s` the receiver, `self.f()`, `f()`).
    public var isOnSelf: Bool
    public var arguments: [StateRef?]
    public var held: [HeldLock]
    public var range: SourceRange
    /// Made only on a branch whose condition reads a parameter (``LockEvent/isParameterGated``).
    public var isParameterGated = false
    /// The variable whose function value is called (``Call/functionValue``): a closure, a method
    /// value such as `mu.Unlock`, or a function a call returned.
    public var functionValue: StateRef?
    /// The earlier calls of this summary whose results decide whether this call is made: a
    /// branch around it tests them (``Branch/testedCalls``), or a branch before it in the same
    /// block tests them and has an arm that leaves (`if ok { return }`, `guard … else`).
    public var decidedBy: [TestedCall] = []
}

/// An operation that can block until another thread acts.
public struct BlockingEvent: Sendable {
    public enum Kind: String, Sendable {
        case send
        case receive
        /// `wg.Wait()`, `group.wait()`.
        case groupWait
        case semaphoreWait
        /// A condition or other signal wait.
        case signalWait
        /// `thread.join()`, `await task.value`.
        case join
    }

    public var kind: Kind
    public var target: StateRef?
    public var held: [HeldLock]
    public var range: SourceRange
    public var text: String
    /// A `for … range` loop over the target: a receive on every iteration when the target is a
    /// channel, which ``isKnownChannel`` says or the target's declared field type tells.
    public var isRangeLoop = false
    public var isKnownChannel = false
}

/// Concurrent work started here.
public struct SpawnEvent: Sendable {
    /// The summary key of the spawned body (a closure's key, or the declared callee's name as
    /// written for `go s.run()`).
    public var bodyKey: String?
    public var callee: String?
    public var receiver: StateRef?
    public var held: [HeldLock]
    public var range: SourceRange
}
