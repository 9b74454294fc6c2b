import ConcModel
import ConcReport
import Foundation
import Testing

@testable import ConcLintKit

@Suite("Linter")
struct LinterTests {
    private func lint(_ paths: [String], maxFileSize: Int = LintOptions.defaultMaxFileSize, jobs: Int = 2) async throws
        -> LintRun
    {
        try await Linter(options: LintOptions(paths: paths, jobs: jobs, maxFileSize: maxFileSize)).run()
    }

    @Test("an unreadable file is reported and the other files are still analysed")
    func unreadableFileDoesNotStopTheRun() async throws {
        try await withTemporaryDirectory { root in
            try write("let x = 1\n", to: "\(root)/good.swift")
            try FileManager.default.createSymbolicLink(atPath: "\(root)/dangling.swift", withDestinationPath: "\(root)/missing")
            let run = try await lint([root])
            #expect(run.fileCount == 1)
            #expect(run.problems.map(\.kind) == [.unreadable])
            #expect(run.problems.first?.path == "\(root)/dangling.swift")
        }
    }

    @Test("invalid UTF-8 is reported with the position of the first bad byte and the file is still analysed")
    func invalidUTF8IsReportedAndAnalysed() async throws {
        try await withTemporaryDirectory { root in
            try write(Array("let a = 1\nlet b = \"".utf8) + [0xFF, 0xFE] + Array("\"\n".utf8), to: "\(root)/bad.swift")
            try write("let x = 1\n", to: "\(root)/good.swift")
            let run = try await lint([root])
            #expect(run.fileCount == 2)
            let problem = try #require(run.problems.first)
            #expect(problem.kind == .invalidEncoding)
            #expect(problem.position?.line == 2)
            #expect(problem.position?.column == 10)
            let repeated = run.problems.filter { $0.kind == .syntaxError && $0.position == problem.position }
            #expect(repeated.isEmpty, "the parser's complaint at the same byte is not repeated")
        }
    }

    @Test("a file over the size limit is reported as too complex and not analysed")
    func oversizedFileIsSkipped() async throws {
        try await withTemporaryDirectory { root in
            try write(String(repeating: "// padding\n", count: 20), to: "\(root)/big.swift")
            try write("let x = 1\n", to: "\(root)/small.swift")
            let run = try await lint([root], maxFileSize: 100)
            #expect(run.fileCount == 1)
            #expect(run.problems.map(\.kind) == [.tooComplex])
        }
    }

    @Test("the run's result does not depend on the number of workers")
    func resultIsIndependentOfJobs() async throws {
        try await withTemporaryDirectory { root in
            for index in 0..<25 { try write("let x\(index) = 1\n", to: "\(root)/d\(index % 3)/f\(index).swift") }
            try write(Array("\u{FF}".utf8) + [0xC3], to: "\(root)/d1/broken.swift")
            let one = try await lint([root], jobs: 1)
            let many = try await lint([root], jobs: 7)
            #expect(one.fileCount == 26)
            #expect(one.fileCount == many.fileCount)
            #expect(one.problems.map(\.path) == many.problems.map(\.path))
            #expect(one.findings.map(\.message) == many.findings.map(\.message))
        }
    }

    @Test("bounded parallel analysis returns one result per job in job order, whatever the sizes")
    func boundedAnalysisKeepsOrder() async {
        let jobs = (0..<50).map { Linter.Job(path: "f\($0).swift", language: .swift, goVersion: nil, size: ($0 * 37) % 11) }
        let reports = await Linter.analyse(jobs, width: 3) { index in
            FileReport(findings: [], problems: [], source: SourceFile(path: jobs[index].path, text: ""))
        }
        #expect(reports.map { $0.source?.path } == jobs.map(\.path))
    }

    @Test("an unknown rule id within two edits of a known one gets a did-you-mean hint")
    func unknownRuleSuggestsClosest() {
        let message = LintConfigurationError.unknownRules(["missing-wiat", "no-such-thing"]).description
        #expect(message == "unknown rule ids 'missing-wiat', 'no-such-thing' (did you mean 'missing-wait'?); `conclint rules` lists them")
    }

    @Test("unknown rule ids are a configuration error")
    func unknownRulesAreRejected() {
        #expect(throws: LintConfigurationError.unknownRules(["no-such-rule"])) {
            try Linter(options: LintOptions(onlyRules: ["no-such-rule"]))
        }
        #expect(throws: LintConfigurationError.unknownRules(["also-missing"])) {
            try Linter(options: LintOptions(disabledRules: ["also-missing"]))
        }
    }

    @Test("linting an in-memory source chooses the front end by extension")
    func inMemoryLint() {
        let swift = Linter.lint(path: "a.swift", text: "let x = 1\n")
        #expect(swift.problems.isEmpty)
        #expect(swift.source?.path == "a.swift")
        let other = Linter.lint(path: "a.txt", text: "hello")
        #expect(other.findings.isEmpty)
    }

    @Test("Swift brackets nested past the limit are too complex and not parsed, and the other files are still analysed")
    func deeplyNestedBracketsAreTooComplex() async throws {
        try await withTemporaryDirectory { root in
            for depth in [17, 1_000] {
                let text = "let x = " + String(repeating: "[", count: depth) + "1" + String(repeating: "]", count: depth) + "\n"
                try write(text, to: "\(root)/deep\(depth).swift")
            }
            let typed = "let y: " + String(repeating: "[", count: 900) + "Int" + String(repeating: "]", count: 900) + " = []\n"
            try write(typed, to: "\(root)/type.swift")
            try write("// [[[[[[[[[[[[[[[[[[[[[[\nlet s = \"[[[[[[[[[[[[[[[[[[[[\"\nlet a = [[[[1]]]]\n", to: "\(root)/fine.swift")
            // What is checked is the work done, not how long it took: the deep files are
            // reported as too complex and the shallow one is still analysed.
            try write(
                "import Dispatch\nvar total = 0\nDispatchQueue.concurrentPerform(iterations: 8) { index in\n    total += index\n}\n",
                to: "\(root)/racy.swift")
            let run = try await lint([root])
            #expect(run.fileCount == 5)
            #expect(run.problems.map(\.path) == ["deep1000.swift", "deep17.swift", "type.swift"].map { "\(root)/\($0)" })
            #expect(run.problems.allSatisfy { $0.kind == .tooComplex && $0.message.contains("square brackets nested") })
            #expect(run.findings.map(\.path) == ["\(root)/racy.swift"])
            #expect(run.findings.map(\.ruleID) == ["shared-mutable-capture"])
        }
    }

    @Test("Go nesting past the parser's limit is a too-complex problem, not a syntax error")
    func goNestingLimitIsTooComplex() async throws {
        try await withTemporaryDirectory { root in
            let text = "package p\nvar x = " + String(repeating: "(", count: 11_000) + "1" + String(repeating: ")", count: 11_000) + "\n"
            try write(text, to: "\(root)/deep.go")
            let run = try await lint([root])
            #expect(run.problems.map(\.kind) == [.tooComplex])
        }
    }
}
