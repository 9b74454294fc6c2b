/// A project's own concurrency APIs, declared in `.conclint.yml`, that the front ends recognise
/// besides their built-in tables.
///
/// Each entry is a callee pattern: a bare name (`safeGo`) matches any call whose final name is
/// that (`safeGo(…)`, `util.safeGo(…)`, `pool.safeGo(…)`); a dotted name (`util.SafeGo`,
/// `Pool.spawn`) matches the callee as written, with a Go import's local name replaced by the last
/// element of its path. How each kind lowers:
///
/// - ``spawns``: a ``Spawn`` of kind ``Spawn/Kind/userDeclared`` running concurrently; its body is
///   the last closure / function-literal argument (a named function argument becomes
///   ``Spawn/callee``).
/// - ``waits``: a ``Wait`` of kind ``Wait/Kind/join`` on the receiver (or first argument) binding.
/// - ``locks`` / ``unlocks``: a ``Sync`` of kind ``Sync/Kind/lock`` / ``Sync/Kind/unlock`` on the
///   receiver (or first argument).
public struct APIExtensions: Hashable, Sendable {
    /// Callee patterns that start concurrent work running their closure argument.
    public var spawns: [String]
    /// Callee patterns that block until spawned work has finished.
    public var waits: [String]
    /// Callee patterns that take a lock.
    public var locks: [String]
    /// Callee patterns that release a lock.
    public var unlocks: [String]

    /// No extensions: only the built-in API tables apply.
    public static let none = APIExtensions()

    /// Extensions with these callee patterns (each list may be empty).
    public init(spawns: [String] = [], waits: [String] = [], locks: [String] = [], unlocks: [String] = []) {
        self.spawns = spawns
        self.waits = waits
        self.locks = locks
        self.unlocks = unlocks
    }

    /// Whether no pattern is declared.
    public var isEmpty: Bool { spawns.isEmpty && waits.isEmpty && locks.isEmpty && unlocks.isEmpty }

    /// What a declared API does.
    public enum Role: Sendable {
        case spawn
        case wait
        case lock
        case unlock
    }

    /// The role of a call whose callee is written `text` (`util.SafeGo`, `pool.run`) with final
    /// name `name`, or `nil` when no pattern matches. Spawns are looked up first, then waits,
    /// locks and unlocks.
    public func role(calleeText text: String, name: String) -> Role? {
        func matches(_ pattern: String) -> Bool {
            pattern.contains(".") ? text == pattern || text.hasSuffix("." + pattern) : name == pattern
        }
        if spawns.contains(where: matches) { return .spawn }
        if waits.contains(where: matches) { return .wait }
        if locks.contains(where: matches) { return .lock }
        if unlocks.contains(where: matches) { return .unlock }
        return nil
    }
}
