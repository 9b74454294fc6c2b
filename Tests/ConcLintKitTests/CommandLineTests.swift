import ConcLintKit
import ConcReport
import ConcRules
import Foundation
import Testing

@testable import conclint

@Suite("Command line")
struct CommandLineTests {
    @Test("lint defaults: the working directory, text, --fail-on warning, every rule, colour allowed")
    func lintDefaults() throws {
        let command = try LintCommand.parse([])
        #expect(command.paths == ["."])
        #expect(command.format == .text)
        #expect(command.failOn == .warning)
        #expect(command.rules.isEmpty && command.disabled.isEmpty)
        #expect(!command.noColor)
        #expect(command.jobs == ProcessInfo.processInfo.activeProcessorCount)
    }

    @Test("lint options parse: format, output, fail-on, repeated rule and disable, jobs, no-color")
    func lintOptionsParse() throws {
        let command = try LintCommand.parse([
            "Sources", "Tests", "--format", "sarif", "--output", "out.sarif", "--fail-on", "error",
            "--jobs", "3", "--no-color",
        ])
        #expect(command.paths == ["Sources", "Tests"])
        #expect(command.format == .sarif)
        #expect(command.output == "out.sarif")
        #expect(command.failOn == .error)
        #expect(command.jobs == 3)
        #expect(command.noColor)
    }

    @Test("--rule and --disable repeat, and every unknown id is named in one usage error")
    func ruleOptionsRepeatAndAreValidated() throws {
        let known = RuleCatalog.all.map(\.id)
        if known.count >= 2 {
            let command = try LintCommand.parse(["--rule", known[0], "--rule", known[1], "--disable", known[1]])
            #expect(command.rules == [known[0], known[1]])
            #expect(command.disabled == [known[1]])
        }
        do {
            _ = try LintCommand.parse(["--rule", "no-a", "--rule", "no-b", "--disable", "no-c"])
            Issue.record("unknown rule ids were accepted")
        } catch {
            #expect(LintCommand.message(for: error).contains("'no-a', 'no-b', 'no-c'"))
        }
    }

    @Test("bad option values are usage errors")
    func badValuesAreRejected() {
        #expect(throws: (any Error).self) { try LintCommand.parse(["--format", "xml"]) }
        #expect(throws: (any Error).self) { try LintCommand.parse(["--fail-on", "sometimes"]) }
        #expect(throws: (any Error).self) { try LintCommand.parse(["--jobs", "0"]) }
        #expect(throws: (any Error).self) { try LintCommand.parse(["--jobs", "-3"]) }
        #expect(throws: (any Error).self) { try ExplainCommand.parse(["no-such-rule"]) }
    }

    @Test("a negative job count is reported by the count check, not as a missing value")
    func negativeJobsReachValidation() {
        do {
            _ = try LintCommand.parse(["--jobs", "-3"])
            Issue.record("--jobs -3 parsed")
        } catch {
            #expect(LintCommand.message(for: error).contains("at least 1"))
        }
    }

    @Test("paths without a subcommand go to lint; rules and explain are subcommands")
    func defaultSubcommandIsLint() throws {
        #expect(try ConclintCommand.parseAsRoot(["Fixtures/"]) is LintCommand)
        #expect(try ConclintCommand.parseAsRoot(["rules"]) is RulesCommand)
    }

    @Test("colour needs a terminal, NO_COLOR unset and no --no-color")
    func colourDecision() {
        #expect(LintCommand.usesColor(terminal: true, noColor: false, environment: [:]))
        #expect(!LintCommand.usesColor(terminal: false, noColor: false, environment: [:]))
        #expect(!LintCommand.usesColor(terminal: true, noColor: true, environment: [:]))
        #expect(!LintCommand.usesColor(terminal: true, noColor: false, environment: ["NO_COLOR": "1"]))
    }

    @Test("the rules table has a header and one aligned row per rule")
    func rulesTable() {
        let table = RulesCommand.table([sampleRule("thread-per-item", severity: .warning), sampleRule("a-rule")])
        let lines = table.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix("ID               SEVERITY  TIER     LANGUAGES  TITLE"))
        #expect(lines[1].hasPrefix("a-rule           error     default  swift      Title of a-rule"))
    }

    @Test("the README's rule table is the output of `conclint rules --markdown`")
    func readmeRuleTableIsCurrent() throws {
        let readme = try String(contentsOfFile: packageRoot + "/README.md", encoding: .utf8)
        #expect(readme.contains(RulesCommand.markdownTable(RuleCatalog.all)), "regenerate with `swift run conclint rules --markdown`")
    }

    @Test("explain shows title, rationale, limits, examples and the suggestion per language")
    func explanation() {
        var rule = sampleRule("a-rule")
        rule.examples = [.init(language: .swift, bad: "bad()\n", good: "good()\n")]
        let text = ExplainCommand.explanation(rule)
        for part in ["a-rule: Title of a-rule", "Why: Because a-rule races.", "Limits: Misses some a-rule.",
            "    bad()", "    good()", "Suggestion: use a scope instead of a-rule"]
        {
            #expect(text.contains(part), "missing \(part)")
        }
    }

    @Test("explain wraps prose at 100 columns and drops the fixture's run header from examples")
    func explanationWrapsProse() {
        var rule = sampleRule("a-rule")
        rule.rationale = Array(repeating: "word", count: 80).joined(separator: " ")
        rule.examples = [.init(language: .swift, bad: "// run: race\nbad()\n", good: "good()\n")]
        let text = ExplainCommand.explanation(rule)
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 100 })
        #expect(!text.contains("// run:"))
    }

    @Test("the built executable exits 2 for an unknown rule and 0 for a clean run")
    func executableExitCodes() async throws {
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidates = [binary, binary.deletingLastPathComponent(), binary.deletingLastPathComponent().deletingLastPathComponent()]
            .map { $0.appending(path: "conclint").path }
        guard let executable = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            print("skipped: conclint executable not found near \(binary.path)")
            return
        }
        try await withTemporaryDirectory { root in
            try write("let x = 1\n", to: "\(root)/a.swift")
            #expect(try run(executable, ["--rule", "no-such-rule", root]).status == 2)
            #expect(try run(executable, ["--format", "nope", root]).status == 2)
            let clean = try run(executable, ["--format", "json", root])
            #expect(clean.status == 0)
            #expect(clean.output.contains("\"version\" : 1"))
        }
    }

    private func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
