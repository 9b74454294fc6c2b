import ArgumentParser
import Foundation
import ConcRules

/// `conclint explain ID`: a rule's documentation: title, summary, rationale, limits, and per
/// language the bad example, the good one and the suggestion.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain", abstract: "Explain a rule, with a bad and a good example.")

    @Argument(help: "The rule id (see `conclint rules`).")
    var id: String

    func validate() throws {
        guard RuleCatalog.description(for: id) != nil else {
            throw ValidationError("unknown rule id '\(id)'; `conclint rules` lists them")
        }
    }

    func run() {
        guard let rule = RuleCatalog.description(for: id) else { return }
        print(Self.explanation(rule), terminator: "")
    }

    /// The explanation text of `rule`.
    static func explanation(_ rule: RuleDescription) -> String {
        var text = """
            \(rule.id): \(rule.title)
            severity: \(rule.defaultSeverity.rawValue)   languages: \(rule.languages.map(\.rawValue).joined(separator: ", "))   since: \(rule.since)

            \(rule.summary)

            Why: \(rule.rationale)

            Limits: \(rule.limits)

            """
        for language in rule.languages {
            let example = rule.examples.first { $0.language == language }
            text += "\n── \(language.rawValue) ──\n"
            if let example {
                text += "\nBad:\n\n\(indented(example.bad))\nGood:\n\n\(indented(example.good))"
            }
            text += "\nSuggestion: \(rule.suggestion(for: language))\n"
        }
        return text
    }

    private static func indented(_ code: String) -> String {
        code.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.isEmpty ? "" : "    " + $0 }.joined(separator: "\n")
            .trimmingCharacters(in: .newlines) + "\n"
    }
}
