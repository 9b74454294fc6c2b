import ConcRules

/// Which rules run, and at what severity, given `--rule`, `--enable`, `--enable-all` and
/// `--disable`.
public struct RuleSelection: Sendable {
    /// The enabled rules' metadata, sorted by id.
    public let rules: [RuleDescription]
    /// Severity by rule id, the form ``ConcRules/RuleEngine/init(severities:)`` takes.
    public let severities: [String: Severity]

    /// The rules of `catalog` that run.
    ///
    /// With `only` (`--rule`), exactly those rules, whatever their tier. Otherwise every
    /// ``ConcRules/RuleTier/default`` rule, plus the opt-in rules in `enabled` (or all of them
    /// with `enableAll`). Rules in `disabled` never run: disabling wins over enabling.
    ///
    /// - Throws: ``LintConfigurationError/unknownRules(_:)`` when an id is not in `catalog`;
    ///   ``LintConfigurationError/noRulesEnabled`` when `only` is given but nothing is left.
    public init(
        only: [String] = [], disabled: [String] = [], enabled: [String] = [], enableAll: Bool = false,
        catalog: [RuleDescription] = RuleCatalog.all
    ) throws(LintConfigurationError) {
        let known = Set(catalog.map(\.id))
        let unknown = Set(only + disabled + enabled).subtracting(known)
        guard unknown.isEmpty else { throw .unknownRules(unknown.sorted()) }
        let byDefault = Set(catalog.filter { enableAll || $0.tier == .default }.map(\.id))
        let wanted = only.isEmpty ? byDefault.union(enabled) : Set(only)
        let selected = wanted.subtracting(disabled)
        if !only.isEmpty, selected.isEmpty { throw .noRulesEnabled }
        rules = catalog.filter { selected.contains($0.id) }.sorted { $0.id < $1.id }
        severities = Dictionary(rules.map { ($0.id, $0.defaultSeverity) }, uniquingKeysWith: { first, _ in first })
    }
}
