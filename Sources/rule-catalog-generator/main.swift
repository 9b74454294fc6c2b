import Foundation
import Yams

// Usage: rule-catalog-generator PACKAGE_ROOT OUTPUT RULE.yml...
// Reads each rule's YAML, checks it, and writes Swift source defining `RuleCatalog.all`.
// Example fixtures are embedded with their `// want` markers removed.

struct GeneratorError: Error, CustomStringConvertible {
    let description: String
}

func stringLiteral(_ text: String) -> String {
    var escaped = ""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\\": escaped += "\\\\"
        case "\"": escaped += "\\\""
        case "\n": escaped += "\\n"
        case "\r": escaped += "\\r"
        case "\t": escaped += "\\t"
        default:
            if scalar.value < 0x20 {
                escaped += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                escaped.unicodeScalars.append(scalar)
            }
        }
    }
    return "\"" + escaped + "\""
}

func withoutWantMarkers(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
        guard let marker = line.range(of: "// want ") else { return String(line) }
        var kept = String(line[..<marker.lowerBound])
        while kept.hasSuffix(" ") || kept.hasSuffix("\t") { kept.removeLast() }
        return kept
    }.joined(separator: "\n")
}

func requireString(_ map: [String: Any], _ key: String, in file: String) throws -> String {
    guard let value = map[key] as? String, !value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
        throw GeneratorError(description: "\(file): missing or empty '\(key)'")
    }
    return value.trimmingCharacters(in: .whitespacesAndNewlines)
}

let languages = ["go", "swift"]
let severities = ["error", "warning", "note"]
/// YAML spelling → `RuleTier` case.
let tiers = ["default": "default", "opt-in": "optIn"]
let allowedKeys: Set<String> = [
    "id", "title", "severity", "tier", "languages", "since", "summary", "rationale", "limits", "suggestion", "examples",
    "fixes",
]

func describe(ruleFile: String, root: URL) throws -> String {
    let text = try String(contentsOfFile: ruleFile, encoding: .utf8)
    guard let map = try Yams.load(yaml: text) as? [String: Any] else {
        throw GeneratorError(description: "\(ruleFile): not a mapping")
    }
    for key in map.keys where !allowedKeys.contains(key) {
        throw GeneratorError(description: "\(ruleFile): unknown key '\(key)'")
    }
    let id = try requireString(map, "id", in: ruleFile)
    let expectedName = URL(fileURLWithPath: ruleFile).deletingPathExtension().lastPathComponent
    guard id == expectedName else {
        throw GeneratorError(description: "\(ruleFile): id '\(id)' does not match the file name")
    }
    let severity = try requireString(map, "severity", in: ruleFile)
    guard severities.contains(severity) else {
        throw GeneratorError(description: "\(ruleFile): severity must be one of \(severities)")
    }
    let tier = try requireString(map, "tier", in: ruleFile)
    guard let tierCase = tiers[tier] else {
        throw GeneratorError(description: "\(ruleFile): tier must be one of \(tiers.keys.sorted())")
    }
    guard let ruleLanguages = map["languages"] as? [String], !ruleLanguages.isEmpty,
        ruleLanguages.allSatisfy(languages.contains)
    else {
        throw GeneratorError(description: "\(ruleFile): languages must be a list of \(languages)")
    }
    guard let suggestions = map["suggestion"] as? [String: String],
        Set(suggestions.keys) == Set(ruleLanguages)
    else {
        throw GeneratorError(description: "\(ruleFile): suggestion needs exactly one entry per language")
    }
    guard let examples = map["examples"] as? [String: [String: String]] else {
        throw GeneratorError(description: "\(ruleFile): examples must map a language to {bad, good}")
    }
    // Optional: per language, named templates the rule spells its fixes' edits with.
    let fixes = map["fixes"] as? [String: [String: String]] ?? [:]
    if map["fixes"] != nil, map["fixes"] as? [String: [String: String]] == nil {
        throw GeneratorError(description: "\(ruleFile): fixes must map a language to {name: template}")
    }
    for language in fixes.keys where !ruleLanguages.contains(language) {
        throw GeneratorError(description: "\(ruleFile): fixes for '\(language)', which is not among the rule's languages")
    }
    let fixLiterals = ruleLanguages.compactMap { language -> String? in
        guard let templates = fixes[language] else { return nil }
        let entries = templates.keys.sorted().map { "\(stringLiteral($0)): \(stringLiteral(templates[$0]!))" }
        return "            .\(language): [\(entries.joined(separator: ", "))]"
    }
    var exampleLiterals: [String] = []
    for language in ruleLanguages {
        guard let pair = examples[language], let bad = pair["bad"], let good = pair["good"] else { continue }
        let badText = try String(contentsOf: root.appending(path: bad), encoding: .utf8)
        let goodText = try String(contentsOf: root.appending(path: good), encoding: .utf8)
        exampleLiterals.append(
            "            .init(language: .\(language), bad: \(stringLiteral(withoutWantMarkers(badText))), good: \(stringLiteral(withoutWantMarkers(goodText))))"
        )
    }
    let suggestionLiterals = ruleLanguages.map { "            .\($0): \(stringLiteral(suggestions[$0]!.trimmingCharacters(in: .whitespacesAndNewlines)))" }
    return """
            RuleDescription(
                id: \(stringLiteral(id)),
                title: \(stringLiteral(try requireString(map, "title", in: ruleFile))),
                summary: \(stringLiteral(try requireString(map, "summary", in: ruleFile))),
                rationale: \(stringLiteral(try requireString(map, "rationale", in: ruleFile))),
                limits: \(stringLiteral(try requireString(map, "limits", in: ruleFile))),
                defaultSeverity: .\(severity),
                languages: [\(ruleLanguages.map { ".\($0)" }.joined(separator: ", "))],
                suggestions: [
        \(suggestionLiterals.joined(separator: ",\n"))
                ],
                examples: [
        \(exampleLiterals.joined(separator: ",\n"))
                ],
                since: \(stringLiteral(try requireString(map, "since", in: ruleFile))),
                tier: .`\(tierCase)`,
                fixTemplates: [\(fixLiterals.isEmpty ? ":" : "\n" + fixLiterals.joined(separator: ",\n") + "\n        ")]
            )
        """
}

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    FileHandle.standardError.write(Data("usage: rule-catalog-generator PACKAGE_ROOT OUTPUT RULE.yml...\n".utf8))
    exit(2)
}
let root = URL(fileURLWithPath: arguments[1])
do {
    let entries = try arguments.dropFirst(3).sorted().map { try describe(ruleFile: $0, root: root) }
    let source = """
        // Generated by rule-catalog-generator from Rules/*.yml. Do not edit.
        import ConcModel

        /// Every rule's metadata, loaded from `Rules/<id>.yml` at build time, sorted by id.
        public enum RuleCatalog {
            /// All rule descriptions, sorted by id.
            public static let all: [RuleDescription] = [
        \(entries.joined(separator: ",\n"))
            ]

            /// The description of the rule with `id`, or `nil`.
            public static func description(for id: String) -> RuleDescription? {
                all.first { $0.id == id }
            }
        }

        """
    try source.write(toFile: arguments[2], atomically: true, encoding: .utf8)
} catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(1)
}
