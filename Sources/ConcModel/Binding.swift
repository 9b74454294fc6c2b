/// A named storage location introduced by a declaration: a variable, constant, parameter, loop
/// variable, package-level variable or stored property.
public struct Binding: Sendable {
    /// Where the binding lives, which decides who can see it.
    public enum Kind: String, Sendable {
        /// A local variable or constant of a function or closure.
        case local
        /// A function or closure parameter (Swift `inout` parameters are marked by ``isInOut``).
        case parameter
        /// A variable introduced by a loop header.
        case loopVariable
        /// A package-level (Go) or global / top-level (Swift) variable.
        case global
        /// A stored property of a type, or a struct field (Go).
        case property
        /// A capture-list entry (`[x]`): a copy taken when the closure is created.
        case captureCopy
        /// A named result (Go).
        case result
        /// The receiver (`self` in Swift, the named receiver in Go).
        case receiver
    }

    public let id: BindingID
    public let name: String
    public let kind: Kind
    /// `var` (Swift), any Go variable; `false` for `let` and immutable parameters.
    public let isMutable: Bool
    /// For loop variables: whether each iteration gets its own copy (Go ≥ 1.22, Swift always).
    public let isPerIteration: Bool
    /// The function whose body declares it; `nil` for globals and properties.
    public let function: FunctionID?
    /// The declaring name's range.
    public let range: SourceRange
    /// What the front end knows of the binding's type.
    public var type: TypeFacts
    /// A Swift `inout` parameter.
    public var isInOut: Bool
    /// State isolated to an actor or global actor: accesses are serialized by the language.
    public var isIsolated: Bool
    /// The bindings its initializer read (`cr := NewChunkedReader(pr)` derives `cr` from `pr`),
    /// so rules can tell that work using one coordinates with code using the other.
    public var derivedFrom: [BindingID] = []
    /// For a stored property: the type that declares it.
    public var ownerType: String?
    /// A local initialised with a closure (`unlock := func() { mu.Unlock() }`): the closure, so a
    /// call through the local (``Call/functionValue``) is known to run it.
    public var closure: FunctionID?

    public init(
        id: BindingID, name: String, kind: Kind, isMutable: Bool, isPerIteration: Bool = true,
        function: FunctionID?, range: SourceRange, type: TypeFacts = .unknown,
        isInOut: Bool = false, isIsolated: Bool = false
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.isMutable = isMutable
        self.isPerIteration = isPerIteration
        self.function = function
        self.range = range
        self.type = type
        self.isInOut = isInOut
        self.isIsolated = isIsolated
    }
}

/// What a front end learned about a binding's type from its declaration or initializer.
public struct TypeFacts: Hashable, Sendable {
    /// The coarse category the rules care about.
    public enum Category: String, Sendable {
        case unknown
        /// A mutual-exclusion lock (`sync.Mutex`, `NSLock`, `Mutex`, `os_unfair_lock`, …).
        case lock
        /// A reader–writer lock (`sync.RWMutex`, `pthread_rwlock_t`).
        case readWriteLock
        /// An atomic value (`atomic.Int64`, `ManagedAtomic`, `Atomic`).
        case atomic
        /// A counting group (`sync.WaitGroup`, `DispatchGroup`, `errgroup.Group`).
        case group
        /// A counting semaphore (`DispatchSemaphore`, a Go semaphore channel).
        case semaphore
        /// A channel or stream (Go `chan`, `AsyncStream`, a ConcRuntime channel end).
        case channel
        /// The producing side of an `AsyncStream` (its continuation).
        case continuation
        /// A serial dispatch queue: work on it runs one item at a time.
        case serialQueue
        /// A concurrent dispatch queue.
        case concurrentQueue
        /// A handle to spawned work (`Task`, `Thread`, a ConcRuntime scope handle).
        case taskHandle
        /// A value of reference type (class instance, Go pointer).
        case reference
        /// A slice, array, map or other collection value.
        case collection
        /// A number or other plain value.
        case value
    }

    public var category: Category
    /// The spelled type name, when known (`sync.Mutex`, `NSLock`, `[Int]`).
    public var name: String?
    /// A Go parameter declared with the synchronization type itself, not a pointer to it
    /// (`wg sync.WaitGroup`): the function works on a copy.
    public var isCopy = false

    public init(_ category: Category, name: String? = nil, isCopy: Bool = false) {
        self.category = category
        self.name = name
        self.isCopy = isCopy
    }

    public static let unknown = TypeFacts(.unknown)
}
