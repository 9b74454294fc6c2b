extension APIExtensions {
    /// What a declared API does, and so which model step a call of it lowers to. The raw value is
    /// the key under `apis.<language>` in `.conclint.yml`.
    ///
    /// Every role maps onto a step the rules already read; none adds a kind of its own. A role that
    /// acts on something (a lock, a group, a semaphore, a task) acts on the call's receiver, or
    /// else on its first argument (`&mu` or `mu`).
    public enum Role: String, CaseIterable, Hashable, Sendable {
        /// Starts concurrent work running its last closure / function-literal argument (Go also: a
        /// named function): a ``Spawn`` of kind ``Spawn/Kind/userDeclared`` on a
        /// ``Spawn/Executor/concurrent`` executor. Like `go f()` or `Thread { }`.
        case spawn
        /// Hands its closure to an executor that runs items concurrently with the caller and with
        /// each other (a worker pool's `submit`, a concurrent queue's `async`); lowered as
        /// ``spawn``. A separate key so a configuration says which of its APIs are executors.
        case concurrentExecutor = "concurrent-executor"
        /// Runs its closure on a serial executor, one item at a time (a serial queue's `async`): a
        /// ``Spawn`` on ``Spawn/Executor/serial(_:)`` named by the target as written (or by the
        /// callee when there is none), so items on one executor do not race with each other.
        case serialExecutor = "serial-executor"
        /// Blocks until spawned work has finished: a ``Wait`` of kind ``Wait/Kind/join``.
        case wait
        /// Takes a lock: ``Sync/Kind/lock``.
        case lock
        /// Releases a lock: ``Sync/Kind/unlock``.
        case unlock
        /// Takes a read-write lock for reading: ``Sync/Kind/readLock``.
        case readLock = "read-lock"
        /// Releases a read hold: ``Sync/Kind/readUnlock``.
        case readUnlock = "read-unlock"
        /// Adds to a group's count (`wg.Add(n)`, `group.enter()`): ``Sync/Kind/groupAdd(_:)`` with
        /// the constant count argument, 1 when the call passes none.
        case groupAdd = "group-add"
        /// Marks one member of a group done (`wg.Done()`, `group.leave()`): ``Sync/Kind/groupDone``.
        case groupDone = "group-done"
        /// Blocks until a group's count reaches zero: a ``Wait`` of kind ``Wait/Kind/group``.
        case groupWait = "group-wait"
        /// Takes a semaphore permit, blocking while none is free: ``Wait/Kind/semaphore``.
        case semaphoreWait = "semaphore-wait"
        /// Returns a permit or signals a waiter: ``Sync/Kind/signal``.
        case semaphoreSignal = "semaphore-signal"
        /// Blocks (Swift: suspends when awaited) for a duration: a ``Sleep``.
        case sleep
        /// Cancels a task or other work through its handle: a ``Wait`` of kind ``Wait/Kind/cancel``.
        case cancel

        /// What the role means, in a few words, for `conclint config` and error hints.
        public var summary: String {
            switch self {
            case .spawn: "starts its closure argument concurrently"
            case .concurrentExecutor: "runs its closure on a concurrent executor"
            case .serialExecutor: "runs its closure on a serial executor, one at a time"
            case .wait: "waits for spawned work to finish"
            case .lock: "takes a lock"
            case .unlock: "releases a lock"
            case .readLock: "takes a read lock"
            case .readUnlock: "releases a read lock"
            case .groupAdd: "adds to a group's count"
            case .groupDone: "marks a group member done"
            case .groupWait: "waits for a group's count to reach zero"
            case .semaphoreWait: "takes a semaphore permit"
            case .semaphoreSignal: "returns a semaphore permit"
            case .sleep: "sleeps for a duration"
            case .cancel: "cancels work through its handle"
            }
        }

        /// Whether the call runs a closure argument as concurrent work (a ``Spawn``) rather than
        /// acting on a target.
        public var spawnsWork: Bool {
            switch self {
            case .spawn, .concurrentExecutor, .serialExecutor: true
            default: false
            }
        }
    }
}
