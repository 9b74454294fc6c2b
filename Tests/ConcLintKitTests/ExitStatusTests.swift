import ConcModel
import ConcReport
import ConcRules
import Testing

@testable import ConcLintKit

@Suite("Exit status")
struct ExitStatusTests {
    private func run(_ severities: [Severity], problems: [FileProblem.Kind] = []) -> LintRun {
        let position = SourcePosition(offset: 0, line: 1, column: 1)
        return LintRun(
            findings: severities.map {
                Finding(
                    ruleID: "r", severity: $0, message: "m", path: "a.swift",
                    range: SourceRange(start: position, end: position), suggestion: "")
            },
            problems: problems.map { FileProblem(path: "a.swift", kind: $0, message: "m") },
            sources: [:], rules: [], fileCount: 1)
    }

    @Test("a clean run exits 0 at every threshold")
    func cleanRunSucceeds() {
        for threshold in FailureThreshold.allCases {
            #expect(ExitStatus(run([]), failOn: threshold) == .success)
        }
    }

    @Test("findings fail the run only at or above --fail-on")
    func findingsFailAtOrAboveThreshold() {
        #expect(ExitStatus(run([.warning]), failOn: .warning) == .findings)
        #expect(ExitStatus(run([.warning]), failOn: .error) == .success)
        #expect(ExitStatus(run([.note]), failOn: .warning) == .success)
        #expect(ExitStatus(run([.note]), failOn: .note) == .findings)
        #expect(ExitStatus(run([.error]), failOn: .error) == .findings)
        #expect(ExitStatus(run([.error]), failOn: .never) == .success)
    }

    @Test("unreadable paths fail the run like errors; syntax errors and encodings do not")
    func problemsAndExitStatus() {
        #expect(ExitStatus(run([], problems: [.unreadable]), failOn: .error) == .findings)
        #expect(ExitStatus(run([], problems: [.unsupported]), failOn: .warning) == .findings)
        #expect(ExitStatus(run([], problems: [.unreadable]), failOn: .never) == .success)
        #expect(ExitStatus(run([], problems: [.syntaxError, .invalidEncoding, .tooComplex]), failOn: .note) == .success)
    }

    @Test("exit codes are 0, 1 and 2")
    func rawValues() {
        #expect([ExitStatus.success, .findings, .usageError].map(\.rawValue) == [0, 1, 2])
    }
}
