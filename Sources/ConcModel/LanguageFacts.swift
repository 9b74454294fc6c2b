/// What differs between the languages, stated by the front end so that rules never ask which
/// language a unit is in: semantics (where a `defer` runs, which end of a stream closes it) and
/// how the APIs rules name in messages are spelled.
public struct LanguageFacts: Sendable {
    /// A `defer` runs when its enclosing block ends (Swift), not when the function returns (Go).
    public var deferRunsAtBlockEnd: Bool
    /// A stream is closed through its producing end (Swift `AsyncStream.Continuation.finish()`),
    /// not through the channel itself (Go `close(ch)`).
    public var streamsCloseThroughContinuation: Bool
    /// Spawned work is cheap enough that starting one per item is the language's normal idiom
    /// (goroutines), so only an unbounded number per item is a hazard worth reporting.
    public var spawnIsCheap: Bool
    /// Locks are released by a mismatched call (`RUnlock` for `Lock`) that the runtime does not
    /// catch (Go), so a mismatch is worth reporting.
    public var lockReleaseMustMatchMode: Bool
    /// A `let` binding can never be assigned again (Swift): a write through it is a mutating
    /// call on a value, not a store.
    public var immutableBindingsExist: Bool
    /// The analyses follow this language's happens-before edges — channel sends and closes,
    /// atomics beside the data, locks handed on by address, tokens — to tell ordered accesses
    /// from racing ones (Go). Where they do not (Swift), state that many calls can reach counts as
    /// shared whenever the creator may run more than once.
    public var orderingIsTracked: Bool
    /// Distinct elements of a collection are distinct storage (Go slices): concurrent stores to
    /// different indices do not race. Swift collections are values: any subscript store mutates
    /// the whole variable.
    public var elementStoresAreIndependent: Bool
    /// A group's children (`errgroup.Go`) are threads of their own (goroutines), not tasks on a
    /// pool that bounds them by its width.
    public var groupChildrenAreThreads: Bool
    /// A lock used other than by its own methods (its address taken, `gopark(…, &l)`) is handed
    /// to whoever receives it, who may release it.
    public var locksAreHandedByAddress: Bool
    /// Spelling of APIs and storage in messages.
    public var spelling: Spelling
    /// A property may be computed, its accessors doing anything (taking a lock, hopping to a
    /// queue): a write through one is a plain store only where its declaration shows it is stored.
    public var propertiesMayBeComputed = false

    /// How messages spell what differs by language.
    public struct Spelling: Sendable {
        /// `Add` / `enter()`: counting a group up.
        public var groupAdd: String
        /// `Done()` / `leave()`.
        public var groupDone: String
        /// `Wait()` / `wait()`.
        public var groupWait: String
        /// `package variable` / `global variable`.
        public var globalVariable: String
        /// What one spawned unit of work is called (`goroutine` / `task`).
        public var spawnedWork: String
        /// `for range ch` / `for await … in stream`.
        public var channelLoop: String

        public init(
            groupAdd: String, groupDone: String, groupWait: String, globalVariable: String, spawnedWork: String,
            channelLoop: String
        ) {
            self.groupAdd = groupAdd
            self.groupDone = groupDone
            self.groupWait = groupWait
            self.globalVariable = globalVariable
            self.spawnedWork = spawnedWork
            self.channelLoop = channelLoop
        }
    }

    public init(
        deferRunsAtBlockEnd: Bool, streamsCloseThroughContinuation: Bool, spawnIsCheap: Bool,
        lockReleaseMustMatchMode: Bool, immutableBindingsExist: Bool, orderingIsTracked: Bool,
        elementStoresAreIndependent: Bool, groupChildrenAreThreads: Bool, locksAreHandedByAddress: Bool, spelling: Spelling
    ) {
        self.deferRunsAtBlockEnd = deferRunsAtBlockEnd
        self.streamsCloseThroughContinuation = streamsCloseThroughContinuation
        self.spawnIsCheap = spawnIsCheap
        self.lockReleaseMustMatchMode = lockReleaseMustMatchMode
        self.immutableBindingsExist = immutableBindingsExist
        self.orderingIsTracked = orderingIsTracked
        self.elementStoresAreIndependent = elementStoresAreIndependent
        self.groupChildrenAreThreads = groupChildrenAreThreads
        self.locksAreHandedByAddress = locksAreHandedByAddress
        self.spelling = spelling
    }

    /// Go's facts (the Go front end states them for every unit).
    public static let go = LanguageFacts(
        deferRunsAtBlockEnd: false, streamsCloseThroughContinuation: false, spawnIsCheap: true,
        lockReleaseMustMatchMode: true, immutableBindingsExist: false, orderingIsTracked: true,
        elementStoresAreIndependent: true, groupChildrenAreThreads: true, locksAreHandedByAddress: true,
        spelling: Spelling(
            groupAdd: "Add", groupDone: "Done()", groupWait: "Wait()", globalVariable: "package variable",
            spawnedWork: "goroutine", channelLoop: "for range"))

    /// Swift's facts (the Swift front end states them for every unit).
    public static let swift = LanguageFacts(
        deferRunsAtBlockEnd: true, streamsCloseThroughContinuation: true, spawnIsCheap: false,
        lockReleaseMustMatchMode: false, immutableBindingsExist: true, orderingIsTracked: false,
        elementStoresAreIndependent: false, groupChildrenAreThreads: false, locksAreHandedByAddress: false,
        spelling: Spelling(
            groupAdd: "enter()", groupDone: "leave()", groupWait: "wait()", globalVariable: "global variable",
            spawnedWork: "task", channelLoop: "for await"))
        .with(\.propertiesMayBeComputed, true)

    /// A copy with one fact changed.
    func with<Value>(_ fact: WritableKeyPath<LanguageFacts, Value>, _ value: Value) -> LanguageFacts {
        var copy = self
        copy[keyPath: fact] = value
        return copy
    }
}
