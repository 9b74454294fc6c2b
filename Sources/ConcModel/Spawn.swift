/// Concurrent work started by a `go` statement or a spawn API.
public struct Spawn: Sendable {
    public enum Kind: String, Sendable {
        case goroutine
        /// `Thread { }`, `Thread(block:)`, `Thread.detachNewThread`, `pthread_create`.
        case thread
        /// `Task { }` — inherits the creator's actor isolation.
        case task
        /// `Task.detached { }`.
        case detachedTask
        /// `queue.async { }`, `asyncAfter`.
        case dispatchAsync
        /// `DispatchQueue.concurrentPerform` — the caller waits; iterations run concurrently.
        case concurrentPerform
        /// `group.addTask { }` (task group), `errgroup.Group.Go`, `WaitGroup.Go`.
        case groupChild
        /// `OperationQueue.addOperation { }`.
        case operation
        /// A spawn API declared in the configuration.
        case userDeclared
    }

    /// What the spawned work runs on, which decides what it can race with.
    public enum Executor: Hashable, Sendable {
        /// Runs in parallel with its creator and its siblings.
        case concurrent
        /// A serial queue: items on it never overlap each other (they still overlap the creator).
        case serial(String)
        /// The creator's actor (an unstructured `Task` made in isolated code).
        case isolated(Isolation)
        /// The creator blocks until every instance has finished; siblings overlap each other.
        case blockingCaller
    }

    /// What became of the handle to the work.
    public enum Handle: Hashable, Sendable {
        /// Dropped on the floor.
        case discarded
        /// Bound to a local variable.
        case bound(BindingID)
        /// Stored in a property or field (`self.listener = Task { … }`), named as written.
        case stored(String)
        /// Returned, passed as an argument or otherwise handed on.
        case handedOn
        /// There is no handle (a goroutine, a dispatch work item).
        case none
    }

    public var kind: Kind
    /// The closure or function literal run concurrently; `nil` when the spawned callee is a named
    /// function (`go worker(jobs)`), recorded in ``callee``.
    public var body: FunctionID?
    /// The spawned function's name when ``body`` is `nil`.
    public var callee: String?
    /// Steps evaluated by the creator at the spawn (arguments of `go f(x)`).
    public var arguments: [Step]
    /// The places of the arguments of `go f(x, y)` that are bindings or paths from one, by
    /// position (`nil` for other expressions): which parameter of `f` gets what.
    public var argumentPlaces: [Place?] = []
    /// The receiver of `go s.worker()` as a structured path, when a binding roots it: what the
    /// started method's receiver stands for.
    public var receiverPlace: Place?
    public var executor: Executor
    public var handle: Handle
    /// The group the work is counted in (`async(group:)`, `errgroup`, `wg.Go`), when known.
    public var group: BindingID?
    /// The spawn API as written (`go`, `Task`, `DispatchQueue.global().async`).
    public var api: String
    /// Whether the spawn is the last statement of a loop body (where `go vet`'s loopclosure
    /// looks).
    public var endsLoopBody = false
    /// Arguments that are addresses of the creator's storage (`go bump(&n)`): the spawned body's
    /// parameter points into that binding, so writes through it write the creator's variable.
    public var addressArguments: [AddressArgument] = []
    /// The spawned call serves until the process ends (`go http.ListenAndServe(…)`): a daemon,
    /// not work anyone waits for.
    public var servesForever = false
    /// The work starts when a timer fires (`time.AfterFunc`): until then it holds no thread.
    public var startsOnTimer = false
    /// A timer stopped where it is made (`defer time.AfterFunc(d, f).Stop()`): the work runs only
    /// if the creator is still running when the timer comes due, as a watchdog.
    public var isStopped = false
    /// The executor caps how many items run at once (an `OperationQueue` with
    /// `maxConcurrentOperationCount` set): work added per item queues instead of piling up.
    public var executorIsLimited = false
    public var range: SourceRange

    public init(
        kind: Kind, body: FunctionID?, callee: String? = nil, arguments: [Step] = [],
        executor: Executor, handle: Handle, group: BindingID? = nil, api: String, range: SourceRange
    ) {
        self.kind = kind
        self.body = body
        self.callee = callee
        self.arguments = arguments
        self.executor = executor
        self.handle = handle
        self.group = group
        self.api = api
        self.range = range
    }
}

/// A loop and what it iterates over.
public struct Loop: Sendable {
    public enum Domain: Hashable, Sendable {
        /// Elements of a collection or synchronous sequence (`for x in items`, `range slice`).
        case collection
        /// A counted range whose bound is a constant (`0..<8`, `i < 4`), with the trip count.
        case constantCount(Int)
        /// A counted range with a bound known only at run time.
        case count
        /// Values received from a channel (Go `range ch`).
        case channel(BindingID?)
        /// Elements of an async sequence (`for await x in stream`).
        case asyncSequence(BindingID?)
        /// A loop that reads input until it ends (`for scanner.Scan()`, `while let line = readLine()`).
        case input
        /// `for { }`, `while true`.
        case forever
        /// Any other condition.
        case condition
    }

    public var domain: Domain
    public var variables: [BindingID]
    /// Steps of the header evaluated once per iteration (conditions, post statements).
    public var header: [Step]
    public var body: [Step]
    public var range: SourceRange
    /// The binding whose elements a collection loop visits (`s` in `range s.conns`), when known.
    public var source: BindingID?
    /// A Go range over the channel a function declared in the file returns (`range produce()`,
    /// or a local bound to `produce()`): that function's name.
    public var channelSource: String?
    /// A loop over the values of a channel registered for OS signals (Go `signal.Notify`): a
    /// person or the system sends them, rarely, and the OS merges what is pending.
    public var receivesSignals = false
    /// The most times the loop can run, when known: its trip count, or the most elements a
    /// collection built in counted loops can hold (`for i := 0; i < 4; i++ { xs = append(xs, x) }`).
    public var mostIterations: Int? {
        if case .constantCount(let count) = domain { return count }
        return mostElements
    }
    /// For a loop over a collection whose size only counted loops grew, the most it can hold.
    public var mostElements: Int?
    /// The statement label (`outer:`), for labeled `break` / `continue`.
    public var label: String?
    /// What a range loop ranges over, as a structured path (`range p.updates`), when a binding
    /// roots it: a summary can tell a receive loop on a channel field once the field's type is known.
    public var sourcePlace: Place?
    /// A ``Domain/collection`` loop whose elements come from outside the code's own choosing, so
    /// their number grows with the input: a declared function's parameter (work its callers hand
    /// in), what an input-reading call returns (`strings.Split`, `os.ReadDir`), or a local the
    /// function collects in a loop that is not constant. A field, a package variable or the
    /// result of some other call (a registry of connections, a cluster's members, a fixed table)
    /// is not: its size is the program's own state, not evidence of a flood.
    public var elementsFromInput = false

    public init(
        domain: Domain, variables: [BindingID] = [], header: [Step] = [], body: [Step],
        range: SourceRange
    ) {
        self.domain = domain
        self.variables = variables
        self.header = header
        self.body = body
        self.range = range
    }
}

/// A step that blocks until spawned work or a signal arrives.
public struct Wait: Sendable {
    public enum Kind: String, Sendable {
        /// `thread.join()`, a scope's end.
        case join
        /// `wg.Wait()`, `group.wait()`, `group.notify`, `errgroup.Wait`, task-group completion.
        case group
        /// `await task.value`, `await task.result`.
        case awaitTask
        /// A receive on a channel (done or result signal).
        case receive
        /// `semaphore.wait()`, `semaphore.acquire()`.
        case semaphore
        /// `dispatchMain()`, `RunLoop.main.run()`, `select {}`: the caller never returns.
        case forever
        /// `task.cancel()`: the holder ends the work's life.
        case cancel
        /// A condition variable or other signal wait.
        case signal
        /// An `await` of something other than a sleep: the caller suspends until some other
        /// work makes progress. Not a join, so only rules that ask "does the caller wait at all"
        /// count it.
        case suspension
    }

    public var kind: Kind
    /// The handle, group, channel or semaphore waited on, when it is a binding.
    public var target: BindingID?
    /// The waited-on expression as written.
    public var targetPath: String
    /// The waited-on location as a structured path, when its root is a binding.
    public var targetPlace: Place?
    public var range: SourceRange

    public init(kind: Kind, target: BindingID?, targetPath: String, range: SourceRange) {
        self.kind = kind
        self.target = target
        self.targetPath = targetPath
        self.range = range
    }
}

/// Locking, semaphores and group counting.
public struct Sync: Sendable {
    public enum Kind: Hashable, Sendable {
        case lock
        case unlock
        case readLock
        case readUnlock
        /// `TryLock`, `try()` — may fail, so it does not establish a held lock on every path.
        case tryLock
        /// `semaphore.signal()`, `release()`.
        case signal
        /// `wg.Add(n)`, `group.enter()`; `nil` count when not a constant.
        case groupAdd(Int?)
        /// `wg.Done()`, `group.leave()`.
        case groupDone
    }

    public var kind: Kind
    public var target: BindingID?
    /// The lock or group expression as written (`mu`, `self.lock`, `d`).
    public var targetPath: String
    /// The lock or group as a structured path (`s.mu` → root `s`, `.mu`), when its root is a binding.
    public var targetPlace: Place?
    public var range: SourceRange

    public init(kind: Kind, target: BindingID?, targetPath: String, range: SourceRange) {
        self.kind = kind
        self.target = target
        self.targetPath = targetPath
        self.range = range
    }
}

/// `&x` (or `&x.f`) passed as a spawned function's parameter.
public struct AddressArgument: Sendable, Hashable {
    /// The position among the function's parameters (receivers not counted), 0-based.
    public var parameterIndex: Int
    /// The creator's binding the address points into.
    public var binding: BindingID
    /// The storage as written after `&` (`n`, `st.hits`).
    public var path: String

    public init(parameterIndex: Int, binding: BindingID, path: String) {
        self.parameterIndex = parameterIndex
        self.binding = binding
        self.path = path
    }
}
