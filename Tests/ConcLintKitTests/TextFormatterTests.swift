import ConcModel
@testable import ConcReport
import Testing

@Suite("Text formatter")
struct TextFormatterTests {
    let sample = SampleRun()

    @Test("a plain report has one compiler-style line per finding: path:line:col: severity: message [rule]")
    func plainLinesHaveCompilerShape() {
        let report = TextFormatter().report(sample.run)
        #expect(
            report == """
                Sources/App/main.swift:4:20: error: thread increments captured variable `counter` without synchronization [shared-mutable-capture]
                Sources/App/main.swift:5:1: warning: one thread per element [thread-per-item]

                """)
    }

    @Test("the column of a text line counts UTF-8 bytes")
    func columnsCountUTF8Bytes() {
        #expect(sample.finding.range.start.column == 20)
        #expect(TextFormatter().report(sample.run).hasPrefix("Sources/App/main.swift:4:20:"))
    }

    @Test("with context, a finding is followed by its source line, a caret under the range, notes and the suggestion")
    func contextShowsSourceCaretNotesAndSuggestion() {
        let lines = TextFormatter(showsContext: true).report(sample.run).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[1] == "let 名前 = \"é\"; counter += 1")
        // `let ` 4 + 名前 (two wide characters) 4 + ` = "é"; ` 8 = 16 columns before `counter`.
        #expect(lines[2] == String(repeating: " ", count: 16) + "^" + String(repeating: "~", count: 11))
        #expect(lines[3] == "Sources/App/main.swift:3:5: note: declared here")
        #expect(lines[4] == "var counter = 0 // 计数 👋")
        #expect(lines[5] == "    ^" + String(repeating: "~", count: 6))
        #expect(lines[6] == "  suggestion: use Mutex")
    }

    @Test("a caret keeps tabs so that it lines up under tab-indented code")
    func caretKeepsTabs() {
        let source = SourceFile(path: "a.swift", text: "\t\tx += 1\n")
        let excerpt = TextFormatter(showsContext: true).excerpt(of: range(of: "x", onLine: 1, in: source), in: source)
        #expect(excerpt == "\t\tx += 1\n\t\t^\n")
    }

    @Test("a caret lines up after wide characters: two columns for CJK and emoji")
    func caretCountsWideCharacters() {
        let source = SourceFile(path: "a.swift", text: "let é = \"日本\"; let 😀 = 1; total += i\n")
        let excerpt = TextFormatter(showsContext: true).excerpt(of: range(of: "total", onLine: 1, in: source), in: source)
        let lines = excerpt.split(separator: "\n", omittingEmptySubsequences: false)
        // `let é = "` 9 + 日本 4 + `"; let ` 7 + 😀 2 + ` = 1; ` 6 = 28 columns before `total`.
        #expect(lines[1] == String(repeating: " ", count: 28) + "^~~~~")
    }

    @Test("a long line is cut around the range, the cuts marked, the caret under the range")
    func longLineIsCut() {
        let line = String(repeating: "a", count: 5_000) + " total += 1 " + String(repeating: "b", count: 5_000)
        let source = SourceFile(path: "a.go", text: line + "\n")
        let excerpt = TextFormatter(showsContext: true).excerpt(of: range(of: "total", onLine: 1, in: source), in: source)
        let lines = excerpt.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0].count == 1 + TextFormatter.contextBefore + TextFormatter.contextAfter + 1)
        #expect(lines[0].hasPrefix("…a") && lines[0].hasSuffix("b…"))
        #expect(lines[1] == String(repeating: " ", count: 1 + TextFormatter.contextBefore) + "^~~~~")
    }

    @Test("colour wraps severities in ANSI escapes only when enabled")
    func colourOnlyWhenEnabled() {
        #expect(!TextFormatter(showsContext: true).report(sample.run).contains("\u{1B}["))
        #expect(TextFormatter(usesColor: true).report(sample.run).contains("\u{1B}[1;31merror:\u{1B}[0m"))
    }

    @Test("the summary counts findings by severity and files, and mentions file problems")
    func summaryCountsFindings() {
        #expect(
            TextFormatter().summary(sample.run)
                == "2 findings (1 error, 1 warning) in 3 files; 2 files not analysed cleanly")
        let empty = LintRun(findings: [], problems: [], sources: [:], rules: [], fileCount: 1)
        #expect(TextFormatter().summary(empty) == "no findings in 1 file")
    }

    @Test("diagnostics list each file problem on its own line before the summary")
    func diagnosticsListProblems() {
        let lines = TextFormatter().diagnostics(sample.run).split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[0] == "Sources/App/broken.swift:2:3: warning: syntax error: expected '}'")
        #expect(lines[1] == "Sources/App/gone.swift: error: cannot read file")
    }
}
