import ConcModel
import ConcReport
import Foundation
import Testing

@Suite("JSON formatter")
struct JSONFormatterTests {
    let sample = SampleRun()

    @Test("the JSON report decodes back into the same report (round trip)")
    func roundTrip() throws {
        let text = try JSONFormatter().format(sample.run)
        let decoded = try JSONDecoder().decode(JSONReport.self, from: Data(text.utf8))
        #expect(decoded == JSONReport(sample.run))
        #expect(decoded.version == 1)
        #expect(decoded.summary.findings == 2)
        #expect(decoded.summary.problems == 2)
    }

    @Test("summary.problems counts distinct files with problems, as the text summary does, not problem entries")
    func summaryProblemsCountsFiles() {
        var run = sample.run
        // A second problem in an already broken file adds an entry but not a file.
        run.problems.append(
            FileProblem(
                path: "Sources/App/broken.swift", kind: .tooComplex, message: "nesting too deep",
                position: SourcePosition(offset: 20, line: 3, column: 1)))
        let report = JSONReport(run)
        #expect(report.problems.count == 3)
        #expect(report.summary.problems == 2)
        #expect(TextFormatter().summary(run).hasSuffix("; 2 files not analysed cleanly"))
    }

    @Test("positions carry both the UTF-8 byte column and the UTF-16 column")
    func positionsCarryBothColumnUnits() {
        let start = JSONReport(sample.run).findings[0].range.start
        #expect(start.line == 4)
        #expect(start.column == 20)
        #expect(start.utf16Column == 15)
    }

    @Test("the output is deterministic, with sorted keys and the version first among top-level keys alphabetically")
    func outputIsDeterministic() throws {
        let first = try JSONFormatter().format(sample.run)
        let second = try JSONFormatter().format(sample.run)
        #expect(first == second)
        let object = try JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: Any]
        #expect(Set(object?.keys ?? [:].keys) == ["findings", "problems", "summary", "tool", "version"])
        #expect(first.range(of: "\"findings\"")?.lowerBound ?? first.endIndex
            < first.range(of: "\"version\"")?.lowerBound ?? first.startIndex)
    }

    @Test("fixes and related locations appear in the finding objects")
    func fixesAndRelatedAreIncluded() {
        let report = JSONReport(sample.run)
        #expect(report.findings[0].related.map(\.message) == ["declared here"])
        #expect(report.findings[1].fixes.flatMap(\.edits).map(\.replacement) == ["Worker"])
        #expect(report.findings[1].fixes.map(\.applicability) == [.review])
        #expect(report.findings[1].fixes.map(\.message) == ["Use a worker"])
        #expect(report.problems.map(\.kind) == [.syntaxError, .unreadable])
    }
}
