import ArgumentParser
import Foundation
import ConcRules

/// `conclint rules`: a table of every rule: id, severity, tier, languages, title.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules", abstract: "List the rules: id, default severity, tier (default or opt-in), languages, title.")

    @Flag(help: "Print a Markdown table (the README's rule table) instead of aligned text.")
    var markdown = false

    func run() {
        print(markdown ? Self.markdownTable(RuleCatalog.all) : Self.table(RuleCatalog.all), terminator: "")
    }

    /// The rules as a Markdown table linking each id to its `Rules/<id>.yml`, as in the README.
    static func markdownTable(_ rules: [RuleDescription]) -> String {
        let rows = rules.sorted { $0.id < $1.id }.map { rule in
            let languages = rule.languages.map(\.rawValue).sorted().joined(separator: ", ")
            return "| [`\(rule.id)`](Rules/\(rule.id).yml) | \(rule.defaultSeverity.rawValue) | \(rule.tier.rawValue) | \(languages) | \(rule.title) |"
        }
        return (["| id | severity | tier | languages | title |", "|---|---|---|---|---|"] + rows).joined(separator: "\n") + "\n"
    }

    /// The table text, one rule a line under a header, columns padded to the widest cell.
    static func table(_ rules: [RuleDescription]) -> String {
        let header = ["ID", "SEVERITY", "TIER", "LANGUAGES", "TITLE"]
        let rows = rules.sorted { $0.id < $1.id }.map { rule in
            [
                rule.id, rule.defaultSeverity.rawValue, rule.tier.rawValue,
                rule.languages.map(\.rawValue).sorted().joined(separator: ","), rule.title,
            ]
        }
        guard !rows.isEmpty else { return "no rules\n" }
        let padded = header.count - 1
        let widths = (0..<padded).map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        return ([header] + rows).map { row in
            (0..<padded).map { row[$0].padding(toLength: widths[$0], withPad: " ", startingAt: 0) }
                .joined(separator: "  ") + "  " + row[padded]
        }.joined(separator: "\n") + "\n"
    }
}
