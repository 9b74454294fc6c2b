import ConcModel
import ConcRules
import Foundation
import Testing

@testable import ConcLintKit

/// Every fix is proven on the fixtures: each rule's fixes, applied to its `bad_` fixtures, give
/// a file that parses, has no finding of that rule any more, and type-checks (`go vet` when
/// `go` is on `PATH`; `swiftc -typecheck` for Swift fixtures that need only Foundation).
@Suite("Fixes applied to the fixtures")
struct FixtureFixTests {
    /// A `bad_` fixture with its rule's fixes applied.
    struct Fixed {
        var fixture: URL
        var rule: String
        var language: Language
        var goVersion: (major: Int, minor: Int)?
        var original: String
        var text: String
        var fixes: [Fix]
    }

    /// The rule's fixes (both levels; of overlapping ones the later dropped) applied until none
    /// is left, at most four rounds, as repeated `--fix` runs would.
    static func fixed(_ url: URL, language: Language) throws -> Fixed? {
        guard url.lastPathComponent.hasPrefix("bad_") else { return nil }
        let rule = url.deletingLastPathComponent().lastPathComponent
        let original = try String(contentsOf: url, encoding: .utf8)
        var resolver = GoVersionResolver()
        let version = language == .go ? resolver.version(forFileAt: url.path).map { (major: $0.major, minor: $0.minor) } : nil
        var text = original
        var applied: [Fix] = []
        for _ in 0..<4 {
            let findings = Linter.lint(path: url.path, text: text, goVersion: version).findings.filter { $0.ruleID == rule }
            var accepted: [Fix] = []
            for fix in findings.flatMap(\.fixes) where !accepted.contains(where: { $0.overlaps(fix) }) {
                accepted.append(fix)
            }
            guard !accepted.isEmpty else { break }
            applied += accepted
            text = String(decoding: TextEdit.apply(accepted.flatMap(\.edits), to: Array(text.utf8)), as: UTF8.self)
        }
        guard !applied.isEmpty else { return nil }
        return Fixed(fixture: url, rule: rule, language: language, goVersion: version, original: original, text: text, fixes: applied)
    }

    static var allFixed: [Fixed] {
        [Language.go, .swift].flatMap { language in
            FixtureSupport.fixtures(language: language).compactMap { try? fixed($0, language: language) }
        }
    }

    @Test("a fixed fixture parses and has no finding of its rule")
    func fixedFixturesParseAndAreClean() throws {
        let all = Self.allFixed
        #expect(all.count >= 8, "fixes for the fixtures of several rules")
        for fixed in all {
            let report = Linter.lint(path: fixed.fixture.path, text: fixed.text, goVersion: fixed.goVersion)
            #expect(!report.problems.contains { $0.kind == .syntaxError }, "\(fixed.fixture.lastPathComponent) does not parse after its fixes:\n\(fixed.text)")
            let left = report.findings.filter { $0.ruleID == fixed.rule }
            #expect(left.isEmpty, "\(fixed.fixture.lastPathComponent) still has \(left.map(\.message)) after its fixes:\n\(fixed.text)")
        }
    }

    @Test("each rule with fix templates has a fixture its fixes clear")
    func rulesWithTemplatesHaveFixedFixtures() {
        let fixedRules = Set(Self.allFixed.map(\.rule))
        for rule in RuleCatalog.all where !rule.fixTemplates.isEmpty {
            #expect(fixedRules.contains(rule.id), "no bad_ fixture of \(rule.id) gets a fix")
        }
    }

    @Test("fixed Go fixtures pass go vet wherever the originals do")
    func fixedGoFixturesVet() throws {
        guard let go = GoVetAgreementTests.goExecutable else {
            print("skipped: no `go` on PATH")
            return
        }
        let fixed = Self.allFixed.filter { $0.language == .go }
        let module = FileManager.default.temporaryDirectory.appending(path: "conclint-fixvet-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: module, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: module) }
        try "module fixvet\n\ngo 1.25\n".write(to: module.appending(path: "go.mod"), atomically: true, encoding: .utf8)
        var names: [String: String] = [:]
        for (index, entry) in fixed.enumerated() where !entry.text.contains("\"golang.org/") && !entry.text.contains("\"github.com/") {
            for (prefix, text) in [("o", entry.original), ("f", entry.text)] {
                let directory = module.appending(path: "\(prefix)\(index)")
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                try text.write(to: directory.appending(path: entry.fixture.lastPathComponent), atomically: true, encoding: .utf8)
            }
            names["\(index)"] = entry.fixture.lastPathComponent
        }
        let output = try GoVetAgreementTests.run(go, ["vet", "./..."], in: module, allowFailure: true)
        // Each complaint (type errors and vet reports alike) names its file, `f3/bad_x.go:12:3:`
        // or `vet: f3/…`; compared without positions, a fix may add none.
        var sections: [String: Set<String>] = [:]
        for line in output.split(separator: "\n").map(String.init) {
            guard let match = line.firstMatch(of: #/^(?:vet: )?(?:\./)?([of]\d+)/\S+?\.go:\d+:\d+: (.*)$/#) else { continue }
            sections[String(match.1), default: []].insert(String(match.2))
        }
        for (index, name) in names {
            let added = sections["f\(index)", default: []].subtracting(sections["o\(index)", default: []])
            #expect(added.isEmpty, "go vet complains about fixed \(name): \(added)\n\(output)")
        }
    }

    @Test("fixed Swift fixtures type-check")
    func fixedSwiftFixturesTypeCheck() throws {
        guard let swiftc = ExecutableLocator().find("swiftc") else {
            print("skipped: no swiftc on PATH")
            return
        }
        let directory = FileManager.default.temporaryDirectory.appending(path: "conclint-fixtc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        // Fixtures that link ConcRuntime are proven by `fixtures run --apply-fixes` instead.
        for entry in Self.allFixed where entry.language == .swift && !entry.text.contains("import ConcRuntime") {
            let file = directory.appending(path: entry.fixture.lastPathComponent)
            try entry.text.write(to: file, atomically: true, encoding: .utf8)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: swiftc)
            process.arguments = ["-typecheck", "-swift-version", "5", "-suppress-warnings", file.path]
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = pipe
            try process.run()
            let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "fixed \(entry.fixture.lastPathComponent) does not type-check:\n\(output)\n\(entry.text)")
        }
    }
}
