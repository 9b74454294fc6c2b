import ConcModel
import ConcRules
import Foundation

@testable import ConcLintKit

/// Locations and helpers shared by the fixture and case tests.
enum FixtureSupport {
    /// The repository root, found from this file's path.
    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared` next to the repository, when present.
    static let sharedDirectory: URL = repositoryRoot.deletingLastPathComponent().appending(path: "shared")

    /// Lints one source text with every rule at its default severity. For Go, `goVersion` is the
    /// module's language version (from the fixture folder's `go.mod`, when it has one).
    static func findings(
        path: String, text: String, language: Language, goVersion: (major: Int, minor: Int)? = nil
    ) -> [Finding] {
        let name = language == .swift ? path + (path.hasSuffix(".swift") ? "" : ".swift") : path + (path.hasSuffix(".go") ? "" : ".go")
        return Linter.lint(path: name, text: text, goVersion: goVersion).findings
    }
    /// Expected findings from `// want "rule-id" ["rule-id" …]` comments: (line, rule id) pairs.
    static func expectations(in text: String) -> [(line: Int, rule: String)] {
        var result: [(Int, String)] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard let marker = line.range(of: "// want ") else { continue }
            let rest = line[marker.upperBound...]
            for part in rest.split(separator: "\"") where !part.trimmingCharacters(in: .whitespaces).isEmpty {
                result.append((index + 1, String(part)))
            }
        }
        return result
    }

    /// Every fixture file under `Fixtures/<language>/`, sorted.
    static func fixtures(language: Language) -> [URL] {
        let root = repositoryRoot.appending(path: "Fixtures/\(language.rawValue)")
        let suffix = language == .swift ? ".swift" : ".go"
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
        return walker.compactMap { $0 as? URL }.filter { $0.path.hasSuffix(suffix) }.sorted { $0.path < $1.path }
    }

    /// A fixture's mismatches: expected but missing, and reported but not expected.
    static func mismatches(of url: URL, language: Language) throws -> [String] {
        let text = try String(contentsOf: url, encoding: .utf8)
        let relative = String(url.path.dropFirst(repositoryRoot.path.count + 1))
        var resolver = GoVersionResolver()
        let version = language == .go ? resolver.version(forFileAt: url.path).map { (major: $0.major, minor: $0.minor) } : nil
        let found = findings(path: relative, text: text, language: language, goVersion: version)
        var expected = expectations(in: text).map { "\($0.line) \($0.rule)" }
        var problems: [String] = []
        for finding in found {
            let key = "\(finding.range.start.line) \(finding.ruleID)"
            if let index = expected.firstIndex(of: key) {
                expected.remove(at: index)
            } else {
                problems.append("\(relative):\(finding.range.start.line): unexpected \(finding.ruleID): \(finding.message)")
            }
        }
        for missing in expected { problems.append("\(relative): missing \(missing)") }
        return problems
    }
}
