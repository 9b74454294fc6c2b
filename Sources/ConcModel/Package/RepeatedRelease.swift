/// Where a body releases a lock, and how the release is written.
public struct ReleaseSite: Sendable {
    /// How the release is written.
    public enum Kind: String, Sendable {
        /// An `unlock()` / `Unlock()` step in the body.
        case explicit
        /// An unlock in a `defer`, which runs where its scope ends.
        case deferred
        /// The end of a `withLock { }` section, which releases the lock its call took.
        case section
    }

    /// Whether an unlock step, a deferred unlock or a section's end.
    public var kind: Kind
    /// The unlock call, or the `withLock` call for a section.
    public var range: SourceRange
    /// The lock as written there.
    public var text: String

    public init(kind: Kind, range: SourceRange, text: String) {
        self.kind = kind
        self.range = range
        self.text = text
    }
}

/// A lock that a body took and then released on every path to a point, with no acquisition of it
/// since on any of those paths (``SummaryBuilder`` tracks it beside the locks held).
public struct ReleasedLock: Sendable {
    /// The lock, named as the summary names state (``StateRef``).
    public var lock: StateRef
    /// Whether it was held for reading (`RLock`).
    public var isRead: Bool
    /// The release that left it unlocked.
    public var site: ReleaseSite
    /// Where the body took it before that release.
    public var acquiredAt: SourceRange
    /// Calls that `defer` bodies made since the release: they are not events of the body, but
    /// may take the lock again.
    public var deferredCalls: [CallEvent] = []
}

/// A lock released again on a path where the body already released it and has not taken it
/// since: a double unlock, unless code the walk cannot see in between takes the lock again
/// (which a package rule judges from the calls in ``window`` and ``deferredCalls``).
public struct RepeatedRelease: Sendable {
    /// The lock, named as the summary names state (``StateRef``).
    public var lock: StateRef
    /// Whether both releases are of the read lock (`RUnlock`).
    public var isRead: Bool
    /// The release that left the lock unlocked.
    public var first: ReleaseSite
    /// The release that finds it unlocked.
    public var second: ReleaseSite
    /// Where the body took the lock before the first release.
    public var acquiredAt: SourceRange
    /// The source span the path runs through between the two releases: from the first release
    /// to the second, the exit that runs its `defer`, or the end of its `withLock` closure. An
    /// event of the body inside it may lie on that path.
    public var window: SourceRange
    /// Calls made by `defer` bodies that ran between the two releases.
    public var deferredCalls: [CallEvent]
    /// The category of the binding the lock is reached from (`mu` in `mu.Unlock()`, `s` in
    /// `s.mu.Unlock()`), which says what the lock is when it has no fields.
    public var rootCategory: TypeFacts.Category
}

/// A `defer` registered on a path and not run yet.
struct PendingDefer {
    var range: SourceRange
    var body: [Step]
    /// Registered on every path that reaches this point (a `defer` in one branch arm is not).
    var isDefinite: Bool
}
