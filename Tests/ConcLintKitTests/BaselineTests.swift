import ConcModel
import ConcReport
import ConcRules
import Foundation
import Testing

@testable import ConcLintKit

/// `--write-baseline` and `--baseline`: round trips, and fingerprints that survive edits above.
@Suite("Baseline")
struct BaselineTests {
    private let program = """
        package main

        import "time"

        func main() {
        \tgo func() {}()
        \ttime.Sleep(time.Second)
        }

        """

    private func run(_ root: String, baseline: Baseline? = nil) async throws -> LintRun {
        var options = LintOptions(paths: [root], jobs: 1)
        options.enabledRules = ["sleep-as-sync"]  // The program's findings are sleep-as-sync's (opt-in).
        options.baseline = baseline
        return try await Linter(options: options).run()
    }

    @Test("a written baseline read back accepts every finding it recorded")
    func roundTrip() async throws {
        try await withTemporaryDirectory { root in
            try write(program, to: root + "/src/main.go")
            let first = try await run(root + "/src")
            #expect(!first.findings.isEmpty)
            let baseline = Baseline(run: first, baseDirectory: root)
            try write(try baseline.text(), to: root + "/baseline.json")
            let loaded = try Baseline.load(path: root + "/baseline.json")
            #expect(loaded.findings == baseline.findings)
            #expect(loaded.findings.allSatisfy { $0.path == "src/main.go" })
            let second = try await run(root + "/src", baseline: loaded)
            #expect(second.findings.isEmpty)
            #expect(second.suppressed.count == first.findings.count)
            #expect(second.suppressed.allSatisfy { $0.kind == .external && $0.justification.hasSuffix("baseline.json") })
            #expect(ExitStatus(second, failOn: .note) == .success)
        }
    }

    @Test("an edit above a finding keeps it baselined; a new finding is reported and fails the run")
    func editsAboveKeepFindingsBaselined() async throws {
        try await withTemporaryDirectory { root in
            try write(program, to: root + "/main.go")
            let baseline = Baseline(run: try await run(root), baseDirectory: root)
            let edited = program.replacingOccurrences(
                of: "import \"time\"\n",
                with: "import \"time\"\n\n// A comment added above.\nvar unrelated = 1\n\nfunc other() {\n\tgo func() {}()\n\ttime.Sleep(2 * time.Second)\n}\n")
            try write(edited, to: root + "/main.go")
            let after = try await run(root, baseline: baseline)
            #expect(after.suppressed.count == baseline.findings.count)
            #expect(after.findings.map(\.ruleID) == ["sleep-as-sync"])
            #expect(after.findings.first?.range.start.line == 10)
            #expect(ExitStatus(after, failOn: .warning) == .findings)
        }
    }

    @Test("each entry accepts one finding: a second identical finding is new")
    func entriesAreAMultiset() async throws {
        try await withTemporaryDirectory { root in
            try write(program, to: root + "/a/main.go")
            let baseline = Baseline(run: try await run(root + "/a"), baseDirectory: root)
            try write(program, to: root + "/b/main.go")
            let after = try await run(root, baseline: baseline)
            #expect(Set(after.findings.map(\.path)) == [root + "/b/main.go"])
        }
    }

    @Test("a missing, malformed or future baseline file is an error")
    func badBaselineFiles() async throws {
        try await withTemporaryDirectory { root in
            #expect(throws: ConfigurationError.self) { try Baseline.load(path: root + "/none.json") }
            try write("[1, 2]", to: root + "/bad.json")
            #expect((try? Baseline.load(path: root + "/bad.json")) == nil)
            try write("{\"version\": 9, \"findings\": []}", to: root + "/future.json")
            do {
                _ = try Baseline.load(path: root + "/future.json")
                Issue.record("a version 9 baseline was accepted")
            } catch let error as ConfigurationError {
                #expect(error.message == "baseline version 9 is not supported")
            } catch {
                Issue.record("unexpected error \(error)")
            }
        }
    }
}
