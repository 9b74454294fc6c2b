import ConcModel

/// A detector: a query over one unit's concurrency model.
///
/// Each rule lives in its own file named after its id (`shared-mutable-capture` →
/// `SharedMutableCapture.swift`); its metadata comes from `Rules/<id>.yml` via ``RuleCatalog``.
public protocol Rule: Sendable {
    /// The kebab-case id, equal to the `Rules/<id>.yml` file name.
    static var id: String { get }
    init()
    /// Appends the rule's findings for `analysis` to `findings`, built with `context`.
    func check(_ analysis: UnitAnalysis, context: RuleContext, into findings: inout [Finding])
}

/// What a rule needs to build findings: its metadata and the severity in force.
public struct RuleContext: Sendable {
    public let description: RuleDescription
    public let severity: Severity
    public let language: Language
    public let path: String

    public init(description: RuleDescription, severity: Severity, language: Language, path: String) {
        self.description = description
        self.severity = severity
        self.language = language
        self.path = path
    }

    /// A finding of this rule at `range`, with the rule's suggestion for the unit's language
    /// unless `suggestion` overrides it.
    public func finding(
        _ message: String, at range: SourceRange, related: [RelatedLocation] = [],
        suggestion: String? = nil
    ) -> Finding {
        Finding(
            ruleID: description.id, severity: severity, message: message, path: path, range: range,
            related: related, suggestion: suggestion ?? description.suggestion(for: language))
    }
}
