import ConcRules

/// Which rules run, and at what severity, given `--rule` and `--disable`.
public struct RuleSelection: Sendable {
    /// The enabled rules' metadata, sorted by id.
    public let rules: [RuleDescription]
    /// Severity by rule id, the form ``ConcRules/RuleEngine/init(severities:)`` takes.
    public let severities: [String: Severity]

    /// Every rule of `catalog` in `only` (or all of them when `only` is empty) and not in `disabled`.
    ///
    /// - Throws: ``LintConfigurationError/unknownRules(_:)`` when an id is not in `catalog`;
    ///   ``LintConfigurationError/noRulesEnabled`` when `only` is given but nothing is left.
    public init(
        only: [String] = [], disabled: [String] = [], catalog: [RuleDescription] = RuleCatalog.all
    ) throws(LintConfigurationError) {
        let known = Set(catalog.map(\.id))
        let unknown = Set(only + disabled).subtracting(known)
        guard unknown.isEmpty else { throw .unknownRules(unknown.sorted()) }
        let wanted = only.isEmpty ? known : Set(only)
        let enabled = wanted.subtracting(disabled)
        if !only.isEmpty, enabled.isEmpty { throw .noRulesEnabled }
        rules = catalog.filter { enabled.contains($0.id) }.sorted { $0.id < $1.id }
        severities = Dictionary(rules.map { ($0.id, $0.defaultSeverity) }, uniquingKeysWith: { first, _ in first })
    }
}
