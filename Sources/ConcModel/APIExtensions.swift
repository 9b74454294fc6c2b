/// A project's own concurrency APIs, declared in `.conclint.yml` `apis:`, that the front ends
/// recognise besides their built-in tables.
///
/// Each declared API is a callee pattern under a ``Role``: a bare name (`safeGo`) matches any call
/// whose final name is that (`safeGo(…)`, `util.safeGo(…)`, `pool.safeGo(…)`); a dotted name
/// (`util.SafeGo`, `Pool.spawn`) matches the callee as written, with a Go import's local name
/// replaced by the last element of its path. ``Role`` says which model step each role lowers to.
public struct APIExtensions: Hashable, Sendable {
    /// The callee patterns of each role; a role with no pattern has no entry, so two values that
    /// declare the same patterns are equal.
    public private(set) var patterns: [Role: [String]]

    /// No extensions: only the built-in API tables apply.
    public static let none = APIExtensions()

    /// Extensions with these callee patterns per role (empty lists are dropped).
    public init(_ patterns: [Role: [String]] = [:]) {
        self.patterns = patterns.filter { !$0.value.isEmpty }
    }

    /// The callee patterns declared for `role` (empty when none).
    public subscript(role: Role) -> [String] {
        get { patterns[role] ?? [] }
        set { patterns[role] = newValue.isEmpty ? nil : newValue }
    }

    /// Whether no pattern is declared.
    public var isEmpty: Bool { patterns.isEmpty }

    /// Every declared pattern, role by role in ``Role`` order.
    public var allPatterns: [String] { Role.allCases.flatMap { self[$0] } }

    /// The role of a call whose callee is written `text` (`util.SafeGo`, `pool.run`) with final
    /// name `name`, or `nil` when no pattern matches. A dotted pattern that matches wins over a
    /// bare one (`pool.run` over `run`): it says more about the call. Otherwise roles are tried in
    /// ``Role`` order; the configuration loader rejects a pattern declared under two roles.
    public func role(calleeText text: String, name: String) -> Role? {
        let dotted = Role.allCases.first { role in
            self[role].contains { $0.contains(".") && (text == $0 || text.hasSuffix("." + $0)) }
        }
        return dotted ?? Role.allCases.first { role in self[role].contains { !$0.contains(".") && $0 == name } }
    }
}
