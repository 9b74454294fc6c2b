import ConcModel
import ConcReport
import Testing

@testable import ConcLintKit

/// Lines as each language's own tools count them: swift-syntax ends a Swift line at LF, CRLF or a
/// lone CR; Go's spec and `go/scanner` count only LF (a lone CR is white space).
@Suite("Line endings")
struct LineEndingTests {
    /// A Swift program with one `shared-mutable-capture` finding on line 4, column 5.
    private static let swiftLines = [
        "import Dispatch",
        "var total = 0",
        "DispatchQueue.concurrentPerform(iterations: 8) { index in",
        "    total += index",
        "}",
        "",
    ]

    @Test("a Swift file with CR-only, CRLF or LF line endings puts the finding on the same line and column")
    func swiftFindingLineDoesNotDependOnLineEndings() throws {
        for ending in ["\n", "\r\n", "\r"] {
            let report = Linter.lint(path: "main.swift", text: Self.swiftLines.joined(separator: ending))
            let finding = try #require(report.findings.first, "line ending \(ending.debugDescription)")
            #expect(finding.ruleID == "shared-mutable-capture")
            #expect(finding.range.start.line == 4, "line ending \(ending.debugDescription)")
            #expect(finding.range.start.column == 5, "line ending \(ending.debugDescription)")
            #expect(report.source?.line(4) == "    total += index")
        }
    }

    @Test("a suppression in a CR-only Swift file covers its own line and the next, as with LF")
    func swiftSuppressionWithCROnlyLineEndings() {
        var lines = Self.swiftLines
        lines.insert("    // conclint:ignore shared-mutable-capture -- counted again below", at: 3)
        let report = Linter.lint(path: "main.swift", text: lines.joined(separator: "\r"))
        #expect(report.findings.isEmpty)
        #expect(report.suppressed.map(\.finding.range.start.line) == [5])
    }

    @Test("the Swift line table breaks at LF, CRLF and a lone CR, and a CRLF is one break")
    func swiftLineTable() {
        let source = SourceFile(path: "a.swift", text: "a\rb\r\nc\nd", lineBreaks: .lineFeedOrCarriageReturn)
        #expect(source.lineStarts == [0, 2, 5, 7])
        #expect((1...4).map(source.line) == ["a", "b", "c", "d"])
        #expect(source.position(ofOffset: 5) == SourcePosition(offset: 5, line: 3, column: 1))
    }

    @Test("a Go file counts lines by LF only, as go/scanner does: a lone CR does not start a line")
    func goCountsOnlyLineFeeds() {
        // go/parser on this text: `a.go:1:15: expected ';', found 'import'` (line 1, column 15).
        let text = "package main\r\rimport \"time\"\r\rvar x = 1\n\nfunc main() {\n\tgo func() {}()\r\ttime.Sleep(1)\n}\n"
        let report = Linter.lint(path: "a.go", text: text)
        #expect(report.source?.lineCount == 6)
        #expect(report.source?.position(ofOffset: 14) == SourcePosition(offset: 14, line: 1, column: 15))
        let syntaxError = report.problems.first { $0.kind == .syntaxError }
        #expect(syntaxError?.position?.line == 1)
    }
}
