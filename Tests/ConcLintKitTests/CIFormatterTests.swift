import ConcModel
import ConcRules
import Foundation
import Testing

@testable import ConcReport

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// `--format github` and `--format checkstyle`.
@Suite("CI formats")
struct CIFormatterTests {
    @Test("github: one workflow command per finding with file, lines, UTF-16 columns and title")
    func githubAnnotations() {
        let lines = GitHubFormatter().format(SampleRun().run).split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        #expect(lines[0] == "::error file=Sources/App/main.swift,line=4,endLine=4,col=15,endColumn=27,title=conclint shared-mutable-capture::thread increments captured variable `counter` without synchronization%0Asuggestion: use Mutex")
        #expect(lines[1].hasPrefix("::warning file=Sources/App/main.swift,line=5,"))
        #expect(lines[2] == "::warning file=Sources/App/broken.swift,line=2,col=3,title=conclint syntaxError::syntax error: expected '}'")
        #expect(lines[3] == "::error file=Sources/App/gone.swift,title=conclint unreadable::cannot read file")
    }

    @Test("github: %, CR, LF are escaped in messages; : and , also in properties; notes are notices")
    func githubEscaping() {
        #expect(GitHubFormatter.escapeData("50% done\r\nnext: a,b") == "50%25 done%0D%0Anext: a,b")
        #expect(GitHubFormatter.escapeProperty("dir,x/a:b%.go") == "dir%2Cx/a%3Ab%25.go")
        #expect(GitHubFormatter.level(.note) == "notice")
    }

    @Test("checkstyle: XML that an XML parser reads back, one file element per path, findings and problems")
    func checkstyleParsesBack() throws {
        var run = SampleRun().run
        run.findings[0].message = "uses <T> & \"quotes\"\nacross lines \u{1}"
        let text = CheckstyleFormatter().format(run)
        let document = try XMLDocument(xmlString: text, options: [])
        let root = try #require(document.rootElement())
        #expect(root.name == "checkstyle")
        let files = root.elements(forName: "file")
        #expect(files.compactMap { $0.attribute(forName: "name")?.stringValue } == [
            "Sources/App/broken.swift", "Sources/App/gone.swift", "Sources/App/main.swift",
        ])
        let errors = files[2].elements(forName: "error")
        #expect(errors.count == 2)
        #expect(errors[0].attribute(forName: "line")?.stringValue == "4")
        #expect(errors[0].attribute(forName: "column")?.stringValue == "15")
        #expect(errors[0].attribute(forName: "severity")?.stringValue == "error")
        #expect(errors[0].attribute(forName: "source")?.stringValue == "conclint.shared-mutable-capture")
        #expect(errors[0].attribute(forName: "message")?.stringValue == "uses <T> & \"quotes\"\nacross lines  (suggestion: use Mutex)")
        #expect(errors[1].attribute(forName: "severity")?.stringValue == "warning")
        #expect(files[0].elements(forName: "error").first?.attribute(forName: "source")?.stringValue == "conclint.syntaxError")
        #expect(CheckstyleFormatter.severity(.note) == "info")
    }

    @Test("checkstyle and github leave suppressed findings out")
    func suppressedAreLeftOut() {
        var run = SampleRun().run
        run.suppressed = [SuppressedFinding(finding: run.findings.removeLast(), kind: .inSource, justification: "why")]
        #expect(!CheckstyleFormatter().format(run).contains("thread-per-item"))
        #expect(!GitHubFormatter().format(run).contains("thread-per-item"))
    }
}
