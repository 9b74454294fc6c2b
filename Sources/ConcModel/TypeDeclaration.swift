/// A type declared in a unit: a Go struct, a Swift class, struct, actor or enum (or an extension
/// of one, which adds methods but no stored fields), with what the package index needs.
public struct TypeDeclaration: Sendable {
    public enum Kind: String, Sendable {
        /// A value type (Go struct, Swift struct or enum): copies do not share fields.
        case valueType
        /// A reference type (Swift class): every reference shares the fields.
        case referenceType
        /// A Swift actor: its state is isolated.
        case actor
        /// A Swift extension: methods only.
        case `extension`
    }

    public var name: String
    public var kind: Kind
    public var fields: [FieldDeclaration]
    /// The isolation of the type's members (`@MainActor`, a custom global actor, an actor).
    public var isolation: Isolation
    /// Declared `Sendable` (conformance or inheritance), checked by the compiler.
    public var isSendable: Bool
    /// Declared `@unchecked Sendable`: its author claims thread safety the compiler cannot check.
    public var isUncheckedSendable: Bool
    /// The name as declared.
    public var range: SourceRange

    public init(
        name: String, kind: Kind, fields: [FieldDeclaration] = [], isolation: Isolation = .nonisolated,
        isSendable: Bool = false, isUncheckedSendable: Bool = false, range: SourceRange
    ) {
        self.name = name
        self.kind = kind
        self.fields = fields
        self.isolation = isolation
        self.isSendable = isSendable
        self.isUncheckedSendable = isUncheckedSendable
        self.range = range
    }
}

/// A field of a Go struct or a stored property of a Swift type.
public struct FieldDeclaration: Sendable {
    public var name: String
    /// What the declared type is (a lock, an atomic, a channel…) and its name.
    public var type: TypeFacts
    /// A Go embedded field (`sync.Mutex` written alone): its methods are promoted.
    public var isEmbedded: Bool
    /// Can change after initialisation (Swift `var`; every Go field).
    public var isMutable: Bool
    /// Isolated to an actor or global actor.
    public var isIsolated: Bool
    /// The lock a `// guarded by X` / `// protected by X` comment names (`mu`, `client.mu`).
    public var guardedBy: String?
    /// Go: declared as a pointer (`*T`). A write through it (`s.f.x = 1`) changes the object it
    /// points to, not the field; an atomic operation there (`atomic.AddInt64(&s.f.n, 1)`) is
    /// on that object's memory too.
    public var isPointer = false
    /// Swift: declared `private` or `fileprivate`, so only code of this file can use it; a
    /// field without it may be used by another file of the package (an extension's `stop()`).
    public var isFileScoped = false
    public var range: SourceRange

    public init(
        name: String, type: TypeFacts, isEmbedded: Bool = false, isMutable: Bool = true,
        isIsolated: Bool = false, guardedBy: String? = nil, range: SourceRange
    ) {
        self.name = name
        self.type = type
        self.isEmbedded = isEmbedded
        self.isMutable = isMutable
        self.isIsolated = isIsolated
        self.guardedBy = guardedBy
        self.range = range
    }
}

/// The lock conventions written in comments and names, which tell what a caller must hold.
public enum LockConvention {
    /// The lock a `// guarded by X` / `// protected by X` comment names, or `nil`.
    ///
    /// - Parameter comment: the comment's text, with or without its `//` or `/* */`.
    public static func guardedLock(inComment comment: String) -> String? {
        let markers = ["guarded by ", "protected by ", "guarded_by(", "guarded by: "]
        // Most comments name no lock: an exact byte test says so without the Unicode reading.
        if let ascii = LowercasedASCII(comment), !markers.contains(where: ascii.contains) { return nil }
        let lowered = comment.lowercased()
        for marker in markers {
            guard let range = lowered.firstRange(of: marker) else { continue }
            // Lower-casing keeps ASCII offsets; read the name from the original spelling.
            let offset = lowered.utf8.distance(from: lowered.startIndex, to: range.upperBound)
            let source = lowered.utf8.count == comment.utf8.count ? comment : lowered
            let start = source.utf8.index(source.startIndex, offsetBy: offset)
            let rest = source[start...].drop { $0 == " " || $0 == "`" }
            let name = rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }
            if !name.isEmpty { return String(name) }
        }
        return nil
    }

    /// A doc comment that names none of these says nothing about a lock.
    static let lockWords = ["lock", "mutex", "mu ", "mu.", "mu)", "mu,", "held"]
    /// Phrases about the caller only: "while holding X" describes what the function does.
    static let heldLockPhrases = [
        "caller must hold", "callers must hold", "caller holds", "callers hold", "caller should hold",
        "caller must have locked", "caller must lock", "must be called with", "must be called while holding",
        "must be called under", "should be called with", "should only be called with", "to be held",
        "must be held", "must hold", "must already hold", "held by the caller", "locked by the caller",
        "requires the lock", "requires that the lock", "assumes the lock is held", "assumes that the lock",
        "expects the lock", "must be called while", "should be called while", "only be called while",
        "must not be called without", "should not be called without", "already have acquired",
        "should already hold", "must already be held", "should already be held",
    ]
    /// "No locks need to be held": the phrase in a sentence that denies it does not count.
    static let heldLockDenials = ["no lock", "not need", "need not", "needn't", "not be held", "not hold", "not have to", "without"]
    /// Words after which ``needsLockHeld(_:)`` looks for `locked` or `held`.
    static let needsTriggers = ["needs ", "call with ", "called with ", "calls with "]

    /// Whether a function's doc comment says its caller must hold a lock ("must be called with
    /// mu held", "caller must hold", "lock must be held", "requires the lock").
    public static func requiresHeldLock(docComment: String) -> Bool {
        // Doc comments are nearly always ASCII: read on bytes (the same answer, for far less).
        if let ascii = LowercasedASCII(docComment) { return requiresHeldLock(ascii: ascii) }
        return requiresHeldLock(lowered: docComment.lowercased())
    }

    /// ``requiresHeldLock(docComment:)`` on the lower-cased comment, read by `Character`.
    static func requiresHeldLock(lowered: String) -> Bool {
        guard lockWords.contains(where: { lowered.contains($0) }) else { return false }
        let sentences = lowered.split(whereSeparator: { $0 == "." || $0 == ";" || $0 == "!" })
        return sentences.contains { sentence in
            // "flushColdBuf needs mtx locked", "needs mu held".
            let needsHeld = needsLockHeld(String(sentence))
            // "Should not be called without the lock" denies the opposite: it is the convention.
            let denied = heldLockDenials.contains { sentence.contains($0) } && !sentence.contains("not be called without")
            return (needsHeld || heldLockPhrases.contains { sentence.contains($0) }) && !denied
        }
    }

    /// "flushColdBuf needs mtx locked", "needs mu and bufMu held", "Call with lock held":
    /// `locked` or `held` within the five words after a "needs" or a "call(ed) with".
    static func needsLockHeld(_ lowered: String) -> Bool {
        needsTriggers.contains { trigger in
            var rest = lowered[...]
            while let range = rest.firstRange(of: trigger) {
                let words = rest[range.upperBound...].split(whereSeparator: { $0 == " " || $0 == "\n" }).prefix(5)
                if words.contains(where: { (word: Substring) in
                    let bare = String(word.filter { $0.isLetter })
                    return bare == "locked" || bare == "held"
                }) { return true }
                rest = rest[range.upperBound...]
            }
            return false
        }
    }

    /// Whether a function's name says its caller holds the lock (`flushLocked`, `addLockHeld`,
    /// `evict_locked`). Not `…WithLock`, which as often names a function that takes the lock.
    public static func nameRequiresHeldLock(_ name: String) -> Bool {
        guard name.hasSuffix("Locked") || name.hasSuffix("LockHeld") || name.hasSuffix("_locked") else { return false }
        // `assertLockHeld`, `isLocked`, `mustBeLocked` test the lock; they do not need it held.
        // `isUsableLocked` asks something else, with the lock held.
        let lowered = name.lowercased()
        let asks = ["is", "was", "has", "assert", "check", "must", "ensure", "expect", "verify", "require", "test"]
        guard let ask = asks.first(where: { lowered.hasPrefix($0) }) else { return true }
        var rest = lowered.dropFirst(ask.count).drop { $0 == "_" }
        if rest.hasPrefix("be") { rest = rest.dropFirst(2).drop { $0 == "_" } }
        let lockStates = ["locked", "lockheld", "rlocked", "wlocked", "rlockheld", "wlockheld", "rwlockheld", "mutexlocked"]
        return !lockStates.contains(String(rest))
    }
}
