import ConcModel

/// One reported hazard: what, where, why, and the replacement.
///
/// Messages start lower-case, end without a full stop, and name the entity
/// ("goroutine increments captured variable `counter` without synchronization").
public struct Finding: Sendable {
    public var ruleID: String
    public var severity: Severity
    public var message: String
    /// The file's path as given to conclint.
    public var path: String
    /// The primary range (positions in UTF-8 byte columns; see ``ConcModel/SourcePosition``).
    public var range: SourceRange
    /// Secondary places: the declaration, the spawn site, the lock.
    public var related: [RelatedLocation]
    /// What to do instead, naming the replacement API.
    public var suggestion: String
    /// Ways to apply the suggestion, when the rule knows the edits; each fix's edits do not
    /// overlap, different fixes may.
    public var fixes: [Fix]

    public init(
        ruleID: String, severity: Severity, message: String, path: String, range: SourceRange,
        related: [RelatedLocation] = [], suggestion: String, fixes: [Fix] = []
    ) {
        self.ruleID = ruleID
        self.severity = severity
        self.message = message
        self.path = path
        self.range = range
        self.related = related
        self.suggestion = suggestion
        self.fixes = fixes
    }

    /// The deterministic report order: path, line, column, rule id.
    public static func reportOrder(_ lhs: Finding, _ rhs: Finding) -> Bool {
        if lhs.path != rhs.path { return lhs.path < rhs.path }
        if lhs.range.start.line != rhs.range.start.line {
            return lhs.range.start.line < rhs.range.start.line
        }
        if lhs.range.start.column != rhs.range.start.column {
            return lhs.range.start.column < rhs.range.start.column
        }
        if lhs.ruleID != rhs.ruleID { return lhs.ruleID < rhs.ruleID }
        return lhs.message < rhs.message
    }
}

/// A secondary location of a finding, with what it is ("declared here").
public struct RelatedLocation: Sendable {
    public var range: SourceRange
    public var message: String
    /// The file, when it is not the finding's own (a package rule's witness in another file).
    public var path: String?

    public init(range: SourceRange, message: String, path: String? = nil) {
        self.range = range
        self.message = message
        self.path = path
    }
}

/// Replace the bytes of `range` with `replacement`.
public struct TextEdit: Sendable {
    public var range: SourceRange
    public var replacement: String

    public init(range: SourceRange, replacement: String) {
        self.range = range
        self.replacement = replacement
    }
}
