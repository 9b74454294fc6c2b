/// A storage location named the way a function summary sees it: from the function's receiver,
/// one of its parameters, a package-level variable or a local, then through fields.
///
/// Unlike a ``Place`` (which names bindings of one unit), a state reference means the same in
/// every file of a package, so summaries can be joined at call sites (`s.mu` in a caller is the
/// callee's `recv.mu` when the call is `s.f()`).
public struct StateRef: Hashable, Sendable, CustomStringConvertible {
    public enum Root: Hashable, Sendable {
        /// The method's receiver (`self`).
        case receiver
        /// The function's own parameter at this position (receivers not counted), 0-based.
        case parameter(Int)
        /// A package-level (Go) or global (Swift) variable.
        case global(String)
        /// Any other binding: a local, a captured variable, a closure's parameter.
        case local(String)
    }

    public var root: Root
    /// The declared type of the root when the declarations say it (`mesh`, `FetchTask`).
    public var rootType: String?
    /// The fields from the root up to the first collection element (`["logState", "sink"]`).
    public var fields: [String]
    /// The path goes on into a collection element after ``fields``.
    public var reachesElement: Bool

    public init(root: Root, rootType: String?, fields: [String], reachesElement: Bool = false) {
        self.root = root
        self.rootType = rootType
        self.fields = fields
        self.reachesElement = reachesElement
    }

    /// The type-level name: the root's type and the fields (`mesh.mu`, `picker.updates`), or a
    /// package variable's name (`var:registryMu`); `nil` when the root's type is unknown.
    /// Two references with one type key may be different instances of the type.
    public var typeKey: String? {
        switch root {
        case .global(let name): return (["var:" + name] + fields).joined(separator: ".")
        default:
            guard let rootType, !fields.isEmpty else { return nil }
            return ([rootType] + fields).joined(separator: ".")
        }
    }

    /// `recv.mu`, `param0.updates`, `var:mu`, `local:p.mu`.
    public var description: String {
        let head: String
        switch root {
        case .receiver: head = "recv"
        case .parameter(let index): head = "param\(index)"
        case .global(let name): head = "var:" + name
        case .local(let name): head = "local:" + name
        }
        return ([head] + fields).joined(separator: ".") + (reachesElement ? "[]" : "")
    }

    /// The same location seen from a caller: the callee's receiver or parameter replaced by what
    /// the call passed for it (`recv.mu` with receiver `s.r` → `s.r.mu`); `nil` for the callee's
    /// locals, which the caller cannot see, or a parameter the call did not pass as a path.
    public func mapped(receiver: StateRef?, arguments: [StateRef?]) -> StateRef? {
        switch root {
        case .receiver:
            guard let receiver, !receiver.reachesElement else { return nil }
            return StateRef(root: receiver.root, rootType: receiver.rootType, fields: receiver.fields + fields, reachesElement: reachesElement)
        case .parameter(let index):
            guard index < arguments.count, let argument = arguments[index], !argument.reachesElement else { return nil }
            return StateRef(root: argument.root, rootType: argument.rootType, fields: argument.fields + fields, reachesElement: reachesElement)
        case .global:
            return self
        case .local:
            return nil
        }
    }

    /// Whether this is the method value that releases `lock` (`mu.Unlock`, `sem.release`),
    /// read to be called later by whoever holds it.
    public func isReleaseMethodValue(of lock: StateRef) -> Bool {
        guard let last = fields.last, SummaryBuilder.Walker.releaseNames.contains(last) else { return false }
        return root == lock.root && Array(fields.dropLast()) == lock.fields
    }
}
