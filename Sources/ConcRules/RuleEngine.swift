import ConcModel

/// Runs the enabled rules over a unit and returns their findings in report order.
public struct RuleEngine: Sendable {
    /// Every detector conclint has, one type per `Rules/<id>.yml`.
    public static let detectors: [any Rule.Type] = RuleRegistry.detectors

    /// Each rule's default severity, by id.
    public static var defaultSeverities: [String: Severity] {
        Dictionary(uniqueKeysWithValues: RuleCatalog.all.map { ($0.id, $0.defaultSeverity) })
    }

    /// Every package-level detector, one type per `Rules/<id>.yml`.
    public static let packageDetectors: [any PackageRule.Type] = RuleRegistry.packageDetectors

    /// The ids of every detector, per-file and package-level.
    public static var detectorIDs: [String] { detectors.map { $0.id } + packageDetectors.map { $0.id } }

    private let enabled: [(rule: any Rule, description: RuleDescription, severity: Severity)]
    private let enabledPackageRules: [(rule: any PackageRule, description: RuleDescription, severity: Severity)]

    /// - Parameter severities: the rules to run, by id, with the severity to report them at.
    ///   Ids with no detector are ignored (the caller validates ids against ``RuleCatalog``).
    public init(severities: [String: Severity] = RuleEngine.defaultSeverities) {
        enabled = Self.detectors.compactMap { type in
            guard let severity = severities[type.id], let description = RuleCatalog.description(for: type.id)
            else { return nil }
            return (type.init(), description, severity)
        }
        enabledPackageRules = Self.packageDetectors.compactMap { type in
            guard let severity = severities[type.id], let description = RuleCatalog.description(for: type.id)
            else { return nil }
            return (type.init(), description, severity)
        }
    }

    /// Whether any package-level rule is enabled: only then are packages assembled.
    public var hasPackageRules: Bool { !enabledPackageRules.isEmpty }

    /// The findings of every enabled package rule over `package`, sorted by
    /// ``Finding/reportOrder(_:_:)``. Findings in a file of a language the rule does not cover
    /// are dropped.
    public func check(_ package: PackageModel) -> [Finding] {
        guard !enabledPackageRules.isEmpty, package.summaries.contains(where: { !$0.events.isEmpty }) else { return [] }
        let analysis = PackageAnalysis(package)
        var findings: [Finding] = []
        for entry in enabledPackageRules {
            let context = PackageRuleContext(description: entry.description, severity: entry.severity)
            var found: [Finding] = []
            entry.rule.check(analysis, context: context, into: &found)
            findings += found.filter { entry.description.languages.contains(analysis.language(of: $0.path)) }
        }
        return findings.sorted(by: Finding.reportOrder)
    }

    /// The findings of every enabled rule that covers the unit's language, sorted by
    /// ``Finding/reportOrder(_:_:)``.
    public func check(_ unit: Unit) -> [Finding] {
        guard unit.mentionsConcurrency else { return [] }
        let applicable = enabled.filter { $0.description.languages.contains(unit.language) }
        guard !applicable.isEmpty else { return [] }
        let analysis = UnitAnalysis(unit)
        var findings: [Finding] = []
        for entry in applicable {
            let context = RuleContext(
                description: entry.description, severity: entry.severity, language: unit.language,
                path: unit.file.path)
            entry.rule.check(analysis, context: context, into: &findings)
        }
        return findings.sorted(by: Finding.reportOrder)
    }
}
