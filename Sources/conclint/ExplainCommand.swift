import ArgumentParser
import ConcLintKit
import ConcRules
import Foundation

/// `conclint explain ID`: a rule's documentation: title, tier, summary, rationale, limits, and per
/// language the bad example, the good one and the suggestion.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain", abstract: "Explain a rule, with a bad and a good example.")

    @Argument(help: "The rule id (see `conclint rules`).")
    var id: String

    func validate() throws {
        guard RuleCatalog.description(for: id) != nil else {
            throw ValidationError(LintConfigurationError.unknownRules([id]).description)
        }
    }

    func run() {
        guard let rule = RuleCatalog.description(for: id) else { return }
        print(Self.explanation(rule), terminator: "")
    }

    /// The explanation text of `rule`; prose is wrapped at ``width`` columns.
    static func explanation(_ rule: RuleDescription) -> String {
        let languages = rule.languages.map(\.rawValue).joined(separator: ", ")
        var text = """
            \(rule.id): \(rule.title)
            severity: \(rule.defaultSeverity.rawValue)   tier: \(rule.tier.rawValue)   languages: \(languages)   since: \(rule.since)

            \(wrapped(tierNote(rule)))

            \(wrapped(rule.summary))

            \(wrapped("Why: " + rule.rationale))

            \(wrapped("Limits: " + rule.limits))

            """
        for language in rule.languages {
            let example = rule.examples.first { $0.language == language }
            text += "\n── \(language.rawValue) ──\n"
            if let example {
                text += "\nBad:\n\n\(indented(example.bad))\nGood:\n\n\(indented(example.good))"
            }
            text += "\n" + wrapped("Suggestion: " + rule.suggestion(for: language)) + "\n"
        }
        return text
    }

    /// What `rule`'s tier means for running it and, for an opt-in rule, how to enable it.
    static func tierNote(_ rule: RuleDescription) -> String {
        switch rule.tier {
        case .default:
            "Tier default: runs on every lint unless disabled (`--disable \(rule.id)`, or `severity: off` in .conclint.yml)."
        case .optIn:
            "Tier opt-in: does not run unless enabled: `--enable \(rule.id)`, `--enable-all`, `enable: [\(rule.id)]` "
                + "in .conclint.yml, or `--rule \(rule.id)`."
        }
    }

    /// The column prose is wrapped at.
    static let width = 100

    /// `paragraph` broken into lines of at most ``width`` columns at spaces (a longer word
    /// stays whole).
    static func wrapped(_ paragraph: String) -> String {
        var lines: [String] = []
        var line = ""
        for word in paragraph.split(separator: " ") {
            if !line.isEmpty, line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        lines.append(line)
        return lines.joined(separator: "\n")
    }

    /// A fixture's code indented by four spaces, without its `// run:` header line.
    private static func indented(_ code: String) -> String {
        var lines = code.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.first?.hasPrefix("// run:") == true { lines.removeFirst() }
        return lines
            .map { $0.isEmpty ? "" : "    " + $0 }.joined(separator: "\n")
            .trimmingCharacters(in: .newlines) + "\n"
    }
}
