import Foundation
import ConcModel
import ConcRules

extension Configuration {
    /// The effective configuration as `.conclint.yml` text, for `conclint config`: where it came
    /// from, every key with the value in force (defaults included), and every rule of `catalog`
    /// with its severity after the file's overrides. Feeding the text back gives the same settings.
    public func effectiveText(catalog: [RuleDescription] = RuleCatalog.all, failOnOverride: FailureThreshold? = nil) -> String {
        func list(_ items: [String]) -> String {
            "[" + items.map { "\"" + $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"" }
                .joined(separator: ", ") + "]"
        }
        var lines = ["# conclint effective configuration"]
        lines.append("# source: " + (path ?? "defaults (no \(ConfigurationLocator.fileName) found)"))
        lines.append("# globs are relative to: " + baseDirectory)
        lines.append("include: " + list(include) + (include.isEmpty ? "  # every file" : ""))
        lines.append("exclude: " + list(exclude))
        let optIn = catalog.filter { $0.tier == .optIn }.map(\.id).sorted()
        lines.append("enable: " + list(enabledRules) + "  # opt-in rules: " + (optIn.isEmpty ? "none" : optIn.joined(separator: ", ")))
        lines.append("rules:")
        for rule in catalog.sorted(by: { $0.id < $1.id }) {
            let setting = rules[rule.id]
            let value = setting?.name ?? rule.defaultSeverity.rawValue
            var comment = setting == nil ? "default" : ""
            if rule.tier == .optIn, setting != .off, !enabledRules.contains(rule.id) {
                comment += (comment.isEmpty ? "" : "; ") + "opt-in, not enabled"
            }
            lines.append("  \(rule.id): { severity: \(value) }" + (comment.isEmpty ? "" : "  # " + comment))
        }
        if let goVersion {
            lines.append("go:")
            lines.append("  version: \"\(goVersion.major).\(goVersion.minor)\"")
        } else {
            // `go:` with only a comment under it would read back as null, not as a mapping.
            lines.append("go: {}  # version: read from the nearest go.mod")
        }
        lines.append("apis:")
        for language in Language.allCases.sorted(by: { $0.rawValue < $1.rawValue }) {
            let apis = extensions(for: language)
            lines.append("  \(language.rawValue):")
            // Every role, declared or not, so the output shows what can be declared.
            for role in APIExtensions.Role.allCases {
                lines.append("    \(role.rawValue): " + list(apis[role]) + "  # " + role.summary)
            }
        }
        let threshold = failOnOverride ?? failOn ?? .warning
        lines.append("fail-on: \(threshold.rawValue)" + (failOnOverride == nil && failOn == nil ? "  # default" : ""))
        return lines.joined(separator: "\n") + "\n"
    }
}
