import ConcModel
import ConcReport
import ConcRules
import Foundation
import Testing

@testable import ConcLintKit

/// `--fix`: safe fixes applied in place, atomically, never to a file that changed or has syntax
/// errors, never overlapping.
@Suite("Applying fixes")
struct FixApplierTests {
    /// A goroutine whose send leaks on an early return: one sender, so `make(chan int, 1)` is safe.
    static let leakingSend = """
        package main

        func validate(s string) error { return nil }

        func price(order string) (int, error) {
        \ttotal := make(chan int)
        \tgo func() {
        \t\ttotal <- len(order)
        \t}()
        \tif err := validate(order); err != nil {
        \t\treturn 0, err
        \t}
        \treturn <-total, nil
        }

        func main() { price("") }

        """

    private func lint(_ paths: [String]) async throws -> LintRun {
        try await Linter(options: LintOptions(paths: paths, jobs: 1)).run()
    }

    @Test("the safe fix is written in place and the finding is gone when linting again")
    func safeFixIsAppliedAndClearsTheFinding() async throws {
        try await withTemporaryDirectory { root in
            let path = "\(root)/price.go"
            try write(Self.leakingSend, to: path)
            let run = try await lint([path])
            #expect(run.findings.contains { $0.ruleID == "blocking-send-leak" })
            let outcome = FixApplier().apply(run)
            #expect(outcome.applied == [path: 1])
            let fixed = try String(contentsOfFile: path, encoding: .utf8)
            #expect(fixed.contains("total := make(chan int, 1)"))
            let again = try await lint([path])
            #expect(!again.findings.contains { $0.ruleID == "blocking-send-leak" })
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: root).filter { $0 != "price.go" }
            #expect(leftovers.isEmpty, "no temporary file is left behind")
        }
    }

    @Test("a file whose bytes changed since they were read is not written")
    func changedFileIsNotWritten() async throws {
        try await withTemporaryDirectory { root in
            let path = "\(root)/price.go"
            try write(Self.leakingSend, to: path)
            let run = try await lint([path])
            let edited = Self.leakingSend + "// edited meanwhile\n"
            try write(edited, to: path)
            let outcome = FixApplier().apply(run)
            #expect(outcome.applied.isEmpty)
            #expect(outcome.notices.contains { $0.contains("changed since it was read") })
            #expect(try String(contentsOfFile: path, encoding: .utf8) == edited)
        }
    }

    @Test("a file with syntax errors is not written, though its finding has a safe fix")
    func fileWithSyntaxErrorsIsNotWritten() async throws {
        try await withTemporaryDirectory { root in
            let path = "\(root)/price.go"
            try write(Self.leakingSend, to: path)
            let source = SourceFile(path: path, text: Self.leakingSend)
            let start = source.position(ofOffset: 0)
            let fix = Fix(
                message: "Rewrite", edits: [TextEdit(range: SourceRange(start: start, end: start), replacement: "// x\n")],
                applicability: .safe)
            let finding = Finding(
                ruleID: "blocking-send-leak", severity: .error, message: "m", path: path,
                range: SourceRange(start: start, end: start), suggestion: "", fixes: [fix])
            let run = LintRun(
                findings: [finding],
                problems: [FileProblem(path: path, kind: .syntaxError, message: "syntax error", position: start)],
                sources: [path: source], rules: [], fileCount: 1)
            let outcome = FixApplier().apply(run)
            #expect(outcome.applied.isEmpty)
            #expect(outcome.notices.contains { $0.contains("syntax errors") })
            #expect(try String(contentsOfFile: path, encoding: .utf8) == Self.leakingSend)
        }
    }

    @Test("review fixes are never applied")
    func reviewFixesAreNotApplied() throws {
        let source = SourceFile(path: "a.go", text: "package main\n")
        let start = source.position(ofOffset: 0)
        let fix = Fix(message: "Rewrite", edits: [TextEdit(range: SourceRange(start: start, end: start), replacement: "x")], applicability: .review)
        let finding = Finding(
            ruleID: "r", severity: .error, message: "m", path: "a.go", range: SourceRange(start: start, end: start),
            suggestion: "", fixes: [fix])
        #expect(FixPlan([finding]).accepted.isEmpty)
    }

    @Test("of two overlapping safe fixes the later is dropped and named")
    func laterOverlappingFixIsDropped() throws {
        let source = SourceFile(path: "a.go", text: "package main\nvar x = 1\n")
        func finding(_ rule: String, _ from: Int, _ to: Int, _ text: String) -> Finding {
            let range = SourceRange(start: source.position(ofOffset: from), end: source.position(ofOffset: to))
            return Finding(
                ruleID: rule, severity: .error, message: "m", path: "a.go", range: range, suggestion: "",
                fixes: [Fix(message: "Fix \(rule)", edits: [TextEdit(range: range, replacement: text)], applicability: .safe)])
        }
        let plan = FixPlan([finding("a", 13, 18, "const"), finding("b", 16, 22, "y"), finding("c", 21, 22, "2")])
        #expect(plan.accepted.map(\.finding.ruleID) == ["a", "c"])
        #expect(plan.dropped.map(\.finding.ruleID) == ["b"])
        #expect(String(decoding: TextEdit.apply(plan.edits, to: source.bytes), as: UTF8.self) == "package main\nconst = 2\n")
    }

    @Test("the file keeps its permissions")
    func permissionsAreKept() async throws {
        try await withTemporaryDirectory { root in
            let path = "\(root)/price.go"
            try write(Self.leakingSend, to: path)
            try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: path)
            _ = FixApplier().apply(try await lint([path]))
            let permissions = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
            #expect(permissions == 0o640)
        }
    }
}
