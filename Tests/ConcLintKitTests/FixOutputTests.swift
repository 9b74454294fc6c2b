import ConcModel
import ConcReport
import ConcRules
import Foundation
import Testing

/// How fixes appear in the text, diff, JSON and SARIF reports.
@Suite("Fix output")
struct FixOutputTests {
    let sample = SampleRun()

    @Test("on a terminal each fix is shown under its finding as a marked diff of the lines it changes")
    func textShowsFixAsDiff() {
        let text = TextFormatter(showsContext: true).report(sample.run)
        #expect(text.contains("  fix (review): Use a worker\n"))
        #expect(text.contains("    5 - Thread { counter += 1 }.start()\n"))
        #expect(text.contains("    5 + Worker { counter += 1 }.start()\n"))
    }

    @Test("piped text output shows no fixes")
    func plainTextHasNoFixes() {
        #expect(!TextFormatter().report(sample.run).contains("fix ("))
    }

    @Test("--diff output is a unified diff with one hunk per fix, marked with applicability and rule")
    func diffIsUnified() {
        let diff = FixDiffFormatter().format(sample.run)
        let lines = diff.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.prefix(2) == ["--- Sources/App/main.swift", "+++ Sources/App/main.swift"])
        #expect(lines.contains("@@ -2,4 +2,4 @@ [review] thread-per-item: Use a worker"))
        #expect(lines.contains("-Thread { counter += 1 }.start()"))
        #expect(lines.contains("+Worker { counter += 1 }.start()"))
        #expect(lines.contains(" let 名前 = \"é\"; counter += 1"), "context lines start with a blank")
    }

    @Test("a diff of an inserted line counts it on the new side only")
    func insertionHunk() throws {
        let source = SourceFile(path: "a.go", text: "a\nb\nc\n")
        let at = source.position(ofOffset: 2)
        let hunk = try #require(FixHunk([TextEdit(range: SourceRange(start: at, end: at), replacement: "x\n")], in: source, context: 1))
        #expect(hunk.header(delta: 0) == "@@ -1,2 +1,3 @@")
        #expect(hunk.unifiedBody == [" a", "+x", " b"])
    }

    @Test("hunks of one file that would overlap start a new file section")
    func overlappingHunksStartANewSection() {
        var run = sample.run
        run.findings[1].fixes.append(run.findings[1].fixes[0])
        let diff = FixDiffFormatter().format(run)
        #expect(diff.components(separatedBy: "--- Sources/App/main.swift\n").count == 3)
    }

    @Test("JSON fixes carry the message, the applicability and the edits")
    func jsonFixes() throws {
        let text = try JSONFormatter().format(sample.run)
        #expect(text.contains("\"applicability\" : \"review\""))
        #expect(text.contains("\"message\" : \"Use a worker\""))
        #expect(text.contains("\"replacement\" : \"Worker\""))
    }

    @Test("SARIF fixes say their applicability in the description and the property bag")
    func sarifApplicability() throws {
        let log = SARIFFormatter(sourceRoot: "/work").log(for: sample.run)
        let fix = try #require(log.runs.first?.results[1].fixes?.first)
        #expect(fix.description.text == "Use a worker (review)")
        #expect(fix.properties?.applicability == "review")
    }
}
