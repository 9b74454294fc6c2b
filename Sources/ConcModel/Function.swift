/// A body of code: a declared function or method, a closure / function literal, or top-level code.
public struct Function: Sendable {
    /// What kind of body this is.
    public enum Kind: Hashable, Sendable {
        /// A declared function or method (`func`), an initializer, or an accessor.
        case declared
        /// A closure or Go function literal.
        case closure
        /// Swift top-level code (a `main.swift` or script file), run as the program's entry.
        case topLevel
    }

    /// Whether the function is a program or test entry point, where spawned work that nobody
    /// waits for is lost when it returns.
    public enum Entry: String, Sendable {
        case none
        /// Go `func main()`, Swift `static func main()` of an `@main` type, or top-level code.
        case main
        /// Go `func init()`.
        case initializer
        /// Go `TestXxx`/`BenchmarkXxx`, Swift `@Test` or XCTest `testXxx`.
        case test
    }

    public let id: FunctionID
    /// The declared name, or `"closure"` / `"func literal"` for anonymous bodies.
    public var name: String
    public var kind: Kind
    public var entry: Entry
    /// `async` (Swift) — runs on the cooperative pool.
    public var isAsync: Bool
    /// The actor isolation the body runs under.
    public var isolation: Isolation
    /// The lexically enclosing function, for closures and nested functions.
    public var parent: FunctionID?
    /// The enclosing type's name for methods.
    public var ownerType: String?
    public var parameters: [BindingID]
    public var body: [Step]
    /// The whole declaration or literal.
    public var range: SourceRange
    /// Visible outside its package or type (Go: a capitalised name; Swift: not `private` /
    /// `fileprivate`): callers the package does not show may call it.
    public var isExported = true
    /// The doc comment says the caller must hold a lock ("must be called with mu held").
    public var documentedAsLockHeld = false
    /// An initializer (Swift `init`) or a Go constructor (`NewT` / `newT` returning the type):
    /// the object is not yet shared while it runs.
    public var isInitializer = false
    /// The positions of its results declared `error` (Go), which report a failure rather than
    /// what the function found: a branch on them handles the failure.
    public var errorResults: [Int] = []

    public init(
        id: FunctionID, name: String, kind: Kind, entry: Entry = .none, isAsync: Bool = false,
        isolation: Isolation = .nonisolated, parent: FunctionID? = nil, ownerType: String? = nil,
        parameters: [BindingID] = [], body: [Step] = [], range: SourceRange
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.entry = entry
        self.isAsync = isAsync
        self.isolation = isolation
        self.parent = parent
        self.ownerType = ownerType
        self.parameters = parameters
        self.body = body
        self.range = range
    }
}

/// The actor isolation of a body (Swift); Go code is always `nonisolated`.
public enum Isolation: Hashable, Sendable {
    case nonisolated
    /// Isolated to an actor instance (a method of an `actor` type).
    case actor(String)
    /// Isolated to a global actor (`@MainActor` or another).
    case globalActor(String)

    /// Whether the body's accesses are serialized by an actor.
    public var isIsolated: Bool {
        if case .nonisolated = self { return false }
        return true
    }
}
