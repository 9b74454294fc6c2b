import ConcModel

/// A detector that needs the whole package: a query over the joined summaries of its files
/// (``ConcModel/PackageModel``) and the package-wide lock facts.
///
/// Each rule lives in its own file named after its id; its metadata comes from
/// `Rules/<id>.yml` via ``RuleCatalog``, as for per-file rules.
public protocol PackageRule: Sendable {
    /// The kebab-case id, equal to the `Rules/<id>.yml` file name.
    static var id: String { get }
    init()
    /// Appends the rule's findings for `package` to `findings`, built with `context`.
    func check(_ package: PackageAnalysis, context: PackageRuleContext, into findings: inout [Finding])
}

/// Products computed once per package and shared by every package rule.
public final class PackageAnalysis: Sendable {
    public let model: PackageModel
    public let locks: LockFacts
    /// Languages by file path, for each finding's suggestion.
    let languages: [String: Language]

    public init(_ model: PackageModel) {
        self.model = model
        self.locks = LockFacts(model)
        self.languages = Dictionary(model.units.map { ($0.path, $0.language) }, uniquingKeysWith: { first, _ in first })
    }

    /// The language of a file of the package.
    public func language(of path: String) -> Language { languages[path] ?? .go }
}

/// What a package rule needs to build findings: its metadata and the severity in force.
public struct PackageRuleContext: Sendable {
    public let description: RuleDescription
    public let severity: Severity

    public init(description: RuleDescription, severity: Severity) {
        self.description = description
        self.severity = severity
    }

    /// A finding of this rule in `path`, with the rule's suggestion for `language` unless
    /// `suggestion` overrides it.
    public func finding(
        _ message: String, path: String, language: Language, at range: SourceRange,
        related: [RelatedLocation] = [], suggestion: String? = nil
    ) -> Finding {
        Finding(
            ruleID: description.id, severity: severity, message: message, path: path, range: range,
            related: related, suggestion: suggestion ?? description.suggestion(for: language))
    }
}
