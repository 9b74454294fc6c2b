import ConcModel
import Testing

@testable import ConcLintKit

@Suite("Fixture run report")
struct FixtureRunReportTests {
    private func result(
        _ name: String, expected: FixtureVerdict?, _ outcome: FixtureOutcome, findings: [String] = []
    ) -> FixtureResult {
        let fixture = FixtureCase(
            path: "Fixtures/go/missing-wait/\(name)", displayPath: "go/missing-wait/\(name)", language: .go,
            ruleID: "missing-wait")
        let header: Result<FixtureHeader, FixtureHeaderError> =
            expected.map { .success(FixtureHeader(expected: $0)) } ?? .failure(.missing)
        return FixtureResult(fixture: fixture, header: header, findings: findings, outcome: outcome)
    }

    @Test("a run agrees when it shows the header's verdict; skips and missing tools are not run")
    func agreement() {
        #expect(result("a.go", expected: .race, .observed(.race, evidence: "")).agreement == .agrees)
        #expect(result("a.go", expected: .race, .observed(.clean, evidence: "")).agreement == .disagrees)
        #expect(result("a.go", expected: .clean, .failed(reason: "did not compile")).agreement == .disagrees)
        #expect(result("a.go", expected: .skip, .notRun(reason: "header says skip")).agreement == .notRun)
        #expect(result("a.go", expected: .leak, .notRun(reason: "go is not on PATH")).agreement == .notRun)
        let unreadable = result("a.go", expected: nil, .failed(reason: "no header"))
        #expect(unreadable.agreement == .disagrees)
        #expect(unreadable.expectedLabel == "?")
    }

    @Test("the exit status is 1 when any fixture disagrees, else 0")
    func exitStatus() {
        let agreeing = [
            result("a.go", expected: .clean, .observed(.clean, evidence: "exit 0")),
            result("b.go", expected: .skip, .notRun(reason: "header says skip")),
        ]
        #expect(FixtureRunReport(results: agreeing).exitStatus == .success)
        #expect(FixtureRunReport(results: []).exitStatus == .success)
        let failing = agreeing + [result("c.go", expected: .leak, .observed(.clean, evidence: "exit 0"))]
        #expect(FixtureRunReport(results: failing).exitStatus == .findings)
    }

    @Test("the table has a header, aligned rows with findings, verdicts and agreement, and a summary")
    func table() {
        let report = FixtureRunReport(
            results: [
                result(
                    "bad_goroutine_in_main.go", expected: .clean, .observed(.clean, evidence: "exit 0"),
                    findings: ["missing-wait", "missing-wait", "thread-per-item"]),
                result("near_miss.go", expected: .race, .observed(.leak, evidence: "hang: still running after 20 s")),
                result("skipped.go", expected: .skip, .notRun(reason: "header says skip")),
            ], seconds: 12.34)
        let lines = report.table().split(separator: "\n").map(String.init)
        #expect(lines.count == 5)
        #expect(lines[0].hasPrefix("FIXTURE"))
        #expect(lines[1].contains("missing-wait ×2, thread-per-item"))
        #expect(lines[2].contains("race      leak     NO     hang: still running after 20 s"))
        #expect(lines[3].contains(" -  ") && lines[3].contains("skip"))
        let column = lines[0].range(of: "EXPECTED").map { lines[0].distance(from: lines[0].startIndex, to: $0.lowerBound) }
        for line in lines[1...3] {
            let start = line.index(line.startIndex, offsetBy: column ?? 0)
            #expect(!line[start...].hasPrefix(" "), "EXPECTED column misaligned in \(line)")
        }
        #expect(lines[4] == "3 fixtures: 1 agree, 1 disagree, 1 not run (race 0, clean 1, leak 1) in 12.3 s")
    }

    @Test("disagreements are listed with what was expected and seen")
    func disagreementDetails() {
        let report = FixtureRunReport(results: [
            result("ok.go", expected: .clean, .observed(.clean, evidence: "exit 0")),
            result("bad.go", expected: .race, .failed(reason: "did not compile: x.go:1: error")),
        ])
        let details = report.disagreementDetails()
        #expect(details.hasPrefix("--- go/missing-wait/bad.go: expected race, got error (did not compile: x.go:1: error)"))
        #expect(!details.contains("ok.go"))
    }
}
