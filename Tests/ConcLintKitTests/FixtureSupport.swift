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

    /// Every fixture under `Fixtures/<language>/`, sorted: each file directly in a rule's folder,
    /// and each folder below a rule's folder (a multi-file fixture: one package).
    static func fixtures(language: Language) -> [URL] {
        let root = repositoryRoot.appending(path: "Fixtures/\(language.rawValue)")
        let suffix = language == .swift ? ".swift" : ".go"
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
        var result = Set<URL>()
        for case let url as URL in walker where url.path.hasSuffix(suffix) {
            let depth = url.pathComponents.count - root.pathComponents.count
            result.insert(depth >= 3 ? URL(fileURLWithPath: root.path).appending(path: url.pathComponents[root.pathComponents.count..<root.pathComponents.count + 2].joined(separator: "/")) : url)
        }
        return result.sorted { $0.path < $1.path }
    }

    /// The source files of a fixture: the file itself, or every `.go` / `.swift` file of a
    /// folder fixture, sorted.
    static func files(of fixture: URL) -> [URL] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: fixture.path, isDirectory: &isDirectory), isDirectory.boolValue else { return [fixture] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: fixture.path)) ?? []
        return names.filter { $0.hasSuffix(".go") || $0.hasSuffix(".swift") }.sorted().map { fixture.appending(path: $0) }
    }

    /// A fixture's mismatches: expected but missing, and reported but not expected. A folder
    /// fixture is linted as one package; its expectations are per file.
    static func mismatches(of url: URL, language: Language) throws -> [String] {
        let suffix = language == .swift ? ".swift" : ".go"
        var isDirectory: ObjCBool = false
        _ = FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
        let files = isDirectory.boolValue
            ? try FileManager.default.contentsOfDirectory(atPath: url.path).filter { $0.hasSuffix(suffix) }.sorted().map { url.appending(path: $0) }
            : [url]
        var resolver = GoVersionResolver()
        let version = language == .go ? resolver.version(forFileAt: files.first?.path ?? url.path).map { (major: $0.major, minor: $0.minor) } : nil
        let sources = try files.map { file in
            (path: String(file.path.dropFirst(repositoryRoot.path.count + 1)), text: try String(contentsOf: file, encoding: .utf8))
        }
        let reports = Linter.lint(files: sources, goVersion: version)
        var problems: [String] = []
        for (source, report) in zip(sources, reports) {
            var expected = expectations(in: source.text).map { "\($0.line) \($0.rule)" }
            for finding in report.findings {
                let key = "\(finding.range.start.line) \(finding.ruleID)"
                if let index = expected.firstIndex(of: key) {
                    expected.remove(at: index)
                } else {
                    problems.append("\(source.path):\(finding.range.start.line): unexpected \(finding.ruleID): \(finding.message)")
                }
            }
            for missing in expected { problems.append("\(source.path): missing \(missing)") }
        }
        return problems
    }
}
