import ConcModel
import ConcReport
import ConcRules
import Foundation
import Testing

@testable import ConcLintKit

/// `// conclint:ignore` and `// conclint:ignore-file`: with and without reasons, unused ones,
/// and directives inside string literals that must not count.
@Suite("Suppression comments")
struct SuppressionTests {
    /// A Go program with one `sleep-as-sync` finding on line `8 + extra` (after `extra` lines).
    private func goSource(directive: String = "", trailing: String = "", literal: String = "") -> String {
        """
        package main

        import "time"

        func main() {
        \tgo func() {}()
        \(directive)
        \ttime.Sleep(time.Second)\(trailing)
        \t_ = "\(literal)"
        }

        """
    }

    private func lint(_ text: String, path: String = "main.go", severities: [String: Severity] = RuleEngine.defaultSeverities) -> FileReport {
        Linter.lint(path: path, text: text, severities: severities)
    }

    @Test("a directive with a reason on the line above silences the finding and keeps the reason")
    func lineAboveWithReason() {
        let report = lint(goSource(directive: "\t// conclint:ignore sleep-as-sync -- demo of a paced loop"))
        #expect(report.findings.isEmpty)
        #expect(report.suppressed.map(\.finding.ruleID) == ["sleep-as-sync"])
        #expect(report.suppressed.first?.justification == "demo of a paced loop")
        #expect(report.suppressed.first?.kind == .inSource)
    }

    @Test("a directive at the end of the finding's own line silences it; several ids may be listed")
    func sameLineAndSeveralIDs() {
        let report = lint(goSource(trailing: " //conclint:ignore sleep-as-sync -- paced demo"))
        #expect(report.findings.isEmpty)
        #expect(report.suppressed.map(\.finding.ruleID) == ["sleep-as-sync"])
        // missing-wait has no finding on that line: the directive is partly unused.
        #expect(lint(goSource(trailing: " // conclint:ignore missing-wait,sleep-as-sync -- x")).findings.map(\.ruleID) == ["unused-suppression"])
    }

    @Test("a directive two lines above does not reach the finding and is itself unused")
    func twoLinesAboveDoesNotReach() {
        let text = goSource(directive: "\t// conclint:ignore sleep-as-sync -- too far\n")
        let report = lint(text)
        #expect(report.findings.map(\.ruleID) == ["unused-suppression", "sleep-as-sync"])
        #expect(report.findings.first?.message == "suppression of `sleep-as-sync` silences nothing: no such finding on this or the next line")
    }

    @Test("a directive after code covers only its own line, not the statement on the next line")
    func trailingDirectiveDoesNotReachNextLine() {
        let text = """
            package main

            func main() {
            \tgo first() // conclint:ignore missing-wait -- first is fire-and-forget by design
            \tgo second()
            }

            func first()  {}
            func second() {}

            """
        let report = lint(text)
        #expect(report.suppressed.map(\.finding.range.start.line) == [4])
        #expect(report.findings.map(\.ruleID) == ["missing-wait"])
        #expect(report.findings.map(\.range.start.line) == [5])
    }

    @Test("a directive after code with no finding on its own line is unused, even when the next line has one")
    func trailingDirectiveIsJudgedOnItsOwnLine() {
        let report = lint(goSource(directive: "\t_ = 0 // conclint:ignore sleep-as-sync -- meant for the next line"))
        #expect(report.findings.map(\.ruleID) == ["unused-suppression", "sleep-as-sync"])
        #expect(report.findings.first?.message == "suppression of `sleep-as-sync` silences nothing: no such finding on this line")
        #expect(report.suppressed.isEmpty)
    }

    @Test("a Swift directive after code covers only its own line; one alone on its line also covers the next")
    func swiftTrailingAndStandaloneDirectives() {
        let trailing = lint(
            "import Foundation\nThread { }.start() // conclint:ignore sleep-as-sync -- x\nThread.sleep(forTimeInterval: 1)\n",
            path: "main.swift")
        #expect(trailing.suppressed.isEmpty)
        #expect(trailing.findings.map(\.ruleID).contains("sleep-as-sync"))
        #expect(trailing.findings.map(\.ruleID).contains("unused-suppression"))
        let standalone = lint(
            "import Foundation\nThread { }.start()\n  \t// conclint:ignore sleep-as-sync -- x\nThread.sleep(forTimeInterval: 1)\n",
            path: "main.swift")
        #expect(standalone.suppressed.map(\.finding.ruleID) == ["sleep-as-sync"])
        #expect(!standalone.findings.map(\.ruleID).contains("unused-suppression"))
    }

    @Test("a directive without a reason silences nothing and is reported as invalid-suppression")
    func missingReasonIsInvalid() {
        for directive in ["\t// conclint:ignore sleep-as-sync", "\t// conclint:ignore sleep-as-sync --", "\t// conclint:ignore sleep-as-sync --   "] {
            let report = lint(goSource(directive: directive))
            #expect(report.findings.map(\.ruleID) == ["invalid-suppression", "sleep-as-sync"], "\(directive)")
            #expect(report.suppressed.isEmpty)
        }
        let message = lint(goSource(directive: "\t// conclint:ignore sleep-as-sync")).findings.first?.message
        #expect(message == "`conclint:ignore sleep-as-sync` has no reason after ` -- `")
    }

    @Test("a directive naming no rule or an unknown rule is invalid")
    func unknownOrMissingRuleIsInvalid() {
        #expect(lint(goSource(directive: "\t// conclint:ignore -- why")).findings.first?.message == "`conclint:ignore` names no rule id")
        let unknown = lint(goSource(directive: "\t// conclint:ignore sleep-as-synk -- why")).findings.first
        #expect(unknown?.ruleID == "invalid-suppression")
        #expect(unknown?.message == "`conclint:ignore` names unknown rule id `sleep-as-synk`")
        #expect(unknown?.severity == .warning)
        #expect(unknown?.range.start.line == 7)
    }

    @Test("ignore-file silences the rule anywhere in the file, and is unused when the rule finds nothing")
    func ignoreFile() {
        let text = "// conclint:ignore-file sleep-as-sync -- generated pacing code\n" + goSource()
        #expect(lint(text).findings.isEmpty)
        #expect(lint(text).suppressed.count == 1)
        let unused = lint("// conclint:ignore-file thread-per-item -- none here\n" + goSource())
        #expect(unused.findings.map(\.ruleID).contains("unused-suppression"))
        #expect(unused.findings.first { $0.ruleID == "unused-suppression" }?.message.hasSuffix("in this file") == true)
    }

    @Test("a directive spelled inside a Go string or raw string does not count")
    func goStringLiteralsDoNotCount() {
        let quoted = lint(goSource(literal: "// conclint:ignore-file sleep-as-sync -- in a string"))
        #expect(quoted.findings.map(\.ruleID) == ["sleep-as-sync"])
        let raw = "package main\n\nimport \"time\"\n\nvar s = `\n// conclint:ignore-file sleep-as-sync -- raw\n`\n\nfunc main() {\n\tgo func() {}()\n\ttime.Sleep(time.Second)\n}\n"
        #expect(lint(raw).findings.map(\.ruleID) == ["sleep-as-sync"])
    }

    @Test("a directive spelled inside a Swift string, multi-line string or raw string does not count")
    func swiftStringLiteralsDoNotCount() {
        let body = "Thread { }.start()\nThread.sleep(forTimeInterval: 1)\n"
        for literal in [
            "let a = \"// conclint:ignore-file sleep-as-sync -- s\"\n",
            "let b = \"\"\"\n// conclint:ignore-file sleep-as-sync -- s\n\"\"\"\n",
            "let c = #\"\\\"// conclint:ignore-file sleep-as-sync -- s\"#\n",
            "/* // conclint:ignore-file sleep-as-sync -- s */\n",
        ] {
            let report = lint("import Foundation\n" + literal + body, path: "main.swift")
            #expect(report.findings.map(\.ruleID).contains("sleep-as-sync"), "\(literal)")
            #expect(report.suppressed.isEmpty, "\(literal)")
        }
        let real = lint("import Foundation\n" + body.replacingOccurrences(of: "Thread.sleep", with: "// conclint:ignore sleep-as-sync -- demo\nThread.sleep"), path: "main.swift")
        #expect(real.suppressed.map(\.finding.ruleID) == ["sleep-as-sync"])
    }

    @Test("the comment scanner finds only real line comments")
    func scannerFindsLineComments() {
        let go = LineCommentScanner(language: .go).comments(in: Array("a := \"//x\" // one\nb := '/' /* // no */ // two\r\n".utf8))
        #expect(go.map(\.text) == [" one", " two"])
        let swift = LineCommentScanner(language: .swift).comments(in: Array("let s = \"a\\\"//\" // one\n#if X // two\n/* /* */ // no */ // three".utf8))
        #expect(swift.map(\.text) == [" one", " two", " three"])
    }

    @Test("suppressions of rules that did not run are not reported as unused")
    func disabledRulesAreNotJudged() {
        var severities = RuleEngine.defaultSeverities
        severities["thread-per-item"] = nil
        let report = lint(goSource(directive: "\t// conclint:ignore thread-per-item -- disabled anyway"), severities: severities)
        #expect(report.findings.map(\.ruleID) == ["sleep-as-sync"])
        severities["unused-suppression"] = nil
        #expect(lint(goSource(directive: "\t// conclint:ignore missing-wait -- x"), severities: severities).findings.map(\.ruleID) == ["sleep-as-sync"])
    }

    @Test("suppressed findings are SARIF results with an inSource suppression, left out of text and the exit status")
    func suppressedFindingsInReports() throws {
        let report = lint(goSource(directive: "\t// conclint:ignore sleep-as-sync -- demo"))
        let source = try #require(report.source)
        let run = LintRun(
            findings: report.findings, problems: [], sources: [source.path: source], rules: RuleCatalog.all, fileCount: 1,
            suppressed: report.suppressed)
        let results = SARIFFormatter(sourceRoot: "/repo").log(for: run).runs[0].results
        let suppressed = try #require(results.first { $0.ruleId == "sleep-as-sync" })
        #expect(suppressed.suppressions?.map(\.kind) == ["inSource"])
        #expect(suppressed.suppressions?.map(\.justification) == ["demo"])
        #expect(suppressed.partialFingerprints?["primaryLocationLineHash"] != nil)
        #expect(!TextFormatter().report(run).contains("sleep-as-sync"))
        #expect(TextFormatter().summary(run).contains("1 suppressed"))
        let json = try JSONFormatter().format(run)
        #expect(json.contains("\"suppressed\""))
        #expect(json.contains("\"justification\" : \"demo\""))
        let onlySuppressed = LintRun(findings: [], problems: [], sources: run.sources, rules: [], fileCount: 1, suppressed: report.suppressed)
        #expect(ExitStatus(onlySuppressed, failOn: .note) == .success)
    }
}
