/// One step of a function body, in evaluation order. Compound steps (loops, branches, critical
/// sections, selects) hold their own step lists, so a body is a tree that mirrors the source's
/// control structure without its syntax.
public indirect enum Step: Sendable {
    /// A binding comes into scope.
    case declare(BindingID)
    /// A read or write of a binding.
    case access(Access)
    /// Concurrent work starts.
    case spawn(Spawn)
    /// A closure that is not spawned: run in place (`forEach`, `withLock`) or stored for later.
    case closure(ClosureUse)
    case loop(Loop)
    /// Alternatives (`if`/`else`, `switch`, `guard`); an arm may be empty.
    case branch(Branch)
    /// Runs when the function exits (`defer`).
    case deferred(Deferred)
    /// The function (or process) ends here.
    case exit(Exit)
    /// Blocks until spawned work or a signal arrives.
    case wait(Wait)
    /// Blocks for a duration: not a wait for anything.
    case sleep(Sleep)
    /// Lock, unlock, semaphore, group counting.
    case sync(Sync)
    /// Channel or stream making, sending, receiving, closing.
    case channel(ChannelStep)
    /// Waits on several channel operations at once.
    case select(Select)
    /// Steps run while a lock is held or on a serial executor (`withLock { }`, `queue.sync { }`).
    case critical(Critical)
    /// A call of anything the front end did not recognise, kept so rules can match names.
    case call(Call)
}

/// A read or write of a binding.
public struct Access: Sendable {
    public enum Kind: Hashable, Sendable {
        case read
        case write(WriteKind)

        public var isWrite: Bool { if case .write = self { return true } else { return false } }
    }

    /// How a write changes the binding.
    public enum WriteKind: String, Sendable {
        /// `x = …`
        case assign
        /// `x += …`, `x -= …`, …
        case compound
        /// `x++`, `x--`
        case increment
        /// `s = append(s, …)`, `array.append(…)`
        case append
        /// `insert`
        case insertRemove
        /// `delete(m, k)`, `removeValue(forKey:)`, `removeAll`, `popLast`: takes entries out.
        case remove
        /// `a[i] = …`
        case indexStore
        /// `m[k] = …`, `dict[k] = …`
        case mapStore
        /// A call of a mutating method on a value (Swift) or a method known to mutate.
        case mutatingCall
        /// `p.field = …` through a reference (a class instance, a Go pointer, a struct variable).
        case fieldStore
    }

    public var binding: BindingID
    public var kind: Kind
    /// Performed with an atomic API (`atomic.AddInt64(&x, 1)`, `counter.add(1)` on an atomic).
    public var isAtomic: Bool
    /// The expression as written, for messages (`counter`, `self.count`, `book.entries`).
    public var path: String
    public var range: SourceRange
    /// For index stores: whether the index is a value private to the accessing closure (its
    /// parameter or a variable declared in it), so distinct closures write distinct elements.
    public var indexIsPrivate: Bool
    /// For index stores: the bindings the index expression reads, so a rule can tell whether
    /// each concurrent instance indexes its own element.
    public var indexBindings: [BindingID] = []
    /// The elements of a slice or array the access can reach, when constant indices bound them:
    /// `2..<3` for `a[2]`, `0..<5` for the `a[:5]` that `copy` fills, `5..<Int.max` for any
    /// other `a[5:]` (the alias reaches up to the capacity). A rule can tell `a[0]` from `a[1]`.
    public var constantElements: Range<Int>?
    /// A read of a slice's header only (`len(a)`, `cap(a)`, `for range a {}`, a discarded
    /// `a[i:j]`): it touches no element, so it does not race with an element store.
    public var readsHeaderOnly = false
    /// `&s.field`: the field's address is taken, its value is not read (a pointer handed to a
    /// function that locks before it dereferences). Kept in the flow, where a lock handed by
    /// address matters; left out of summaries, which record what is read and written.
    public var takesAddressOnly = false
    /// The location accessed, as a structured path from ``binding``.
    public var place: Place?

    public init(
        binding: BindingID, kind: Kind, isAtomic: Bool = false, path: String, range: SourceRange,
        indexIsPrivate: Bool = false
    ) {
        self.binding = binding
        self.kind = kind
        self.isAtomic = isAtomic
        self.path = path
        self.range = range
        self.indexIsPrivate = indexIsPrivate
    }
}

/// A closure that is not a spawn.
public struct ClosureUse: Sendable {
    public enum Invocation: String, Sendable {
        /// Run before the call returns, on the caller's thread (`forEach`, `map`, `withLock`).
        case inPlace
        /// Stored or passed on; runs later, we do not know where.
        case escaping
    }

    public var function: FunctionID
    public var invocation: Invocation
    /// An escaping closure the callee runs at most once (a `with…` function's handler such as
    /// `onCancel:`): not a callback that may fire again and again.
    public var runsAtMostOnce = false
    /// An escaping closure handed to a callback API that runs it later on another thread (an
    /// event loop's `execute` or `scheduleTask`, a future's `whenComplete`), from the front
    /// end's API table: it runs concurrently with the code that handed it over.
    public var runsConcurrently = false
    /// The name of the function or method the closure is handed to (`scheduleRepeatedTask`),
    /// when it is a call's argument.
    public var calleeName: String?
    /// The declared type of that call's receiver (`EventLoop` for `loop.schedule…` with
    /// `loop: EventLoop`), when the file says it: a rule can look the type up among the file's
    /// declarations.
    public var receiverType: String?

    public init(function: FunctionID, invocation: Invocation) {
        self.function = function
        self.invocation = invocation
    }
}

public struct Branch: Sendable {
    public var arms: [[Step]]
    /// Whether some arm always runs (`if`/`else`, exhaustive `switch`); otherwise control may skip
    /// every arm.
    public var isExhaustive: Bool
    /// A Swift `guard`: the single arm runs when the condition fails and must leave the scope.
    public var isGuard: Bool
    public var range: SourceRange
    /// The condition lets only one goroutine through, after the others' atomic operations
    /// (Go); it orders the first arm.
    public var turn: AtomicTurn?
    /// A `switch`: a `break` in an arm ends that arm (``Exit/endsSwitchArm``).
    public var isSwitch = false
    /// The statement label of a labeled `switch` (Go: `break label` leaves it).
    public var label: String?
    /// The calls whose results the condition tests: a call written in the condition or its Go
    /// init statement (`if c.Has(k)`, `if let t = r.find(k)`, `guard r.get(k) == nil`), and a
    /// call whose result a local holds that the condition reads (`v, ok := c.Get(k)` … `if !ok`).
    /// Which arm runs — and, when an arm leaves, whether the code after the branch runs —
    /// depends on those results.
    public var testedCalls: [TestedCall] = []

    public init(arms: [[Step]], isExhaustive: Bool, isGuard: Bool = false, range: SourceRange, turn: AtomicTurn? = nil) {
        self.arms = arms
        self.isExhaustive = isExhaustive
        self.isGuard = isGuard
        self.range = range
        self.turn = turn
    }
}

/// A call whose result a branch condition tests (``Branch/testedCalls``).
public struct TestedCall: Hashable, Sendable {
    /// The call (``Call/range``).
    public var range: SourceRange
    /// The positions of the call's results the condition reads (`ok` in `v, ok := c.Get(k)` is
    /// 1); `nil` when it tests the call's value as a whole (`if c.Has(k)`, `if let t = r.find(k)`).
    public var results: [Int]?

    public init(range: SourceRange, results: [Int]? = nil) {
        self.range = range
        self.results = results
    }

    /// The same call tested through both: the positions of either, or the whole value.
    public func merged(with other: TestedCall) -> TestedCall {
        guard let results, let more = other.results else { return TestedCall(range: range) }
        return TestedCall(range: range, results: Array(Set(results + more)).sorted())
    }
}

public struct Deferred: Sendable {
    public var body: [Step]
    public var range: SourceRange

    public init(body: [Step], range: SourceRange) {
        self.body = body
        self.range = range
    }
}

public struct Exit: Sendable {
    public enum Kind: String, Sendable {
        case `return`
        case `throw`
        case panic
        /// `exit()`, `os.Exit`, `fatalError`, `log.Fatal`: the process ends.
        case processExit
        /// `break`/`continue`: out of the innermost loop, select or switch arm (see
        /// ``Exit/endsSwitchArm``), or the one ``Exit/label`` names.
        case loopExit
    }

    public var kind: Kind
    public var range: SourceRange
    /// A `continue`: the path goes on to the next iteration of the innermost loop, or of the
    /// loop ``label`` names (``Kind/loopExit`` only).
    public var continuesLoop: Bool
    /// A ``Kind/throw`` that is a `try` failing, not a `throw` statement.
    public var isFailedTry: Bool
    /// A `break` without a label inside a `switch` arm: it ends the arm, not a loop.
    public var endsSwitchArm: Bool
    /// The label of a labeled `break` or `continue` (``Loop/label``, ``Branch/label``).
    public var label: String?
    /// A `return` of the literal `true` or `false` as the function's only result: a try or
    /// timeout acquire tells its success path from its failure path by it.
    public var returnsBool: Bool?

    public init(
        kind: Kind, range: SourceRange, continuesLoop: Bool = false, isFailedTry: Bool = false,
        endsSwitchArm: Bool = false, label: String? = nil
    ) {
        self.kind = kind
        self.range = range
        self.continuesLoop = continuesLoop
        self.isFailedTry = isFailedTry
        self.endsSwitchArm = endsSwitchArm
        self.label = label
    }
}

public struct Sleep: Sendable {
    /// The API as written (`time.Sleep`, `Thread.sleep`, `usleep`, `Task.sleep`).
    public var api: String
    public var range: SourceRange
    /// Whether the sleep suspends the task rather than blocking the thread (`await Task.sleep`,
    /// a clock's `sleep`): a lock held across it is held across a suspension point.
    public var suspends: Bool

    public init(api: String, range: SourceRange, suspends: Bool = false) {
        self.api = api
        self.range = range
        self.suspends = suspends
    }
}

public struct Critical: Sendable {
    public enum Kind: String, Sendable {
        /// `lock.withLock { }`, `mutex.withLock { }`.
        case lock
        /// `queue.sync { }` on a serial queue, or work on an actor.
        case serialExecutor
    }

    public var kind: Kind
    /// The lock or queue expression as written.
    public var guardPath: String
    /// The lock or queue as a structured path, when its root is a known binding.
    public var guardPlace: Place?
    public var body: [Step]
    public var range: SourceRange

    public init(kind: Kind, guardPath: String, body: [Step], range: SourceRange) {
        self.kind = kind
        self.guardPath = guardPath
        self.body = body
        self.range = range
    }
}

public struct Call: Sendable {
    /// The callee as written (`service.run`, `process`, `strings.ToUpper`).
    public var callee: String
    /// The final name (`run`).
    public var name: String
    /// The receiver binding, when the callee is `binding.method`.
    public var receiver: BindingID?
    /// The receiver as a structured path (`s.r` in `s.r.run()`), when its root is a binding.
    public var receiverPlace: Place?
    /// The places of arguments that are bindings or paths from one, by argument position
    /// (`nil` where the argument is another expression). Lets a summary map a callee's parameters.
    public var argumentPlaces: [Place?] = []
    /// A method call on the caller's own instance written without a receiver binding: Swift
    /// `self.f()` or an implicit-`self` `f()` inside a type.
    public var isOnSelf = false
    /// The variable whose function value is called (`unlock()` with `unlock` a closure, a
    /// method value such as `mu.Unlock`, or what a call returned): code the body chose at run
    /// time, not a declared function.
    public var functionValue: BindingID?
    public var range: SourceRange
    /// The call inspects the program's running goroutines or threads (`runtime.NumGoroutine`,
    /// a goroutine profile, a leak checker): code that makes it is watching the work it started,
    /// as a leak detector's test does with the goroutine it leaks on purpose.
    public var inspectsRunningWork = false
    /// The call arms a check that the goroutines or threads started afterwards have ended, made
    /// when the function it returns is called (`defer leaktest.Check(t)()`): the test watches
    /// all the work it starts.
    public var armsLeakCheck = false

    public init(callee: String, name: String, receiver: BindingID? = nil, range: SourceRange) {
        self.callee = callee
        self.name = name
        self.receiver = receiver
        self.range = range
    }
}
