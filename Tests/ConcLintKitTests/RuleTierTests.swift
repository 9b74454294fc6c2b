import ConcLintKit
@testable import ConcReport
import ConcRules
import Foundation
import Testing

@testable import conclint

/// Opt-in rules: which options and configuration keys run them, and where the tier is shown.
@Suite("Rule tiers")
struct RuleTierTests {
    private let catalog = [
        sampleRule("always"), sampleRule("noisy", severity: .warning, tier: .optIn), sampleRule("other"),
    ]

    private func selected(
        only: [String] = [], disabled: [String] = [], enabled: [String] = [], enableAll: Bool = false
    ) throws -> [String] {
        try RuleSelection(only: only, disabled: disabled, enabled: enabled, enableAll: enableAll, catalog: catalog)
            .rules.map(\.id)
    }

    @Test("an opt-in rule does not run by default")
    func optInRuleIsOffByDefault() throws {
        #expect(try selected() == ["always", "other"])
    }

    @Test("an opt-in rule runs with --enable, --enable-all or when --rule names it")
    func optInRuleRunsWhenEnabled() throws {
        #expect(try selected(enabled: ["noisy"]) == ["always", "noisy", "other"])
        #expect(try selected(enableAll: true) == ["always", "noisy", "other"])
        #expect(try selected(only: ["noisy"]) == ["noisy"])
    }

    @Test("--disable wins over --enable and --enable-all")
    func disableWinsOverEnable() throws {
        #expect(try selected(disabled: ["noisy"], enabled: ["noisy"]) == ["always", "other"])
        #expect(try selected(disabled: ["noisy", "other"], enableAll: true) == ["always"])
    }

    @Test("an unknown id in --enable is a usage error naming it")
    func unknownEnabledIdIsAnError() {
        #expect(throws: LintConfigurationError.unknownRules(["nosy"])) { try selected(enabled: ["nosy"]) }
        do {
            _ = try LintCommand.parse(["--enable", "no-such-rule"])
            Issue.record("an unknown --enable id was accepted")
        } catch {
            #expect(LintCommand.message(for: error).contains("'no-such-rule'"))
        }
    }

    @Test("--enable repeats and --enable-all is a flag")
    func enableOptionsParse() throws {
        let ids = RuleCatalog.all.map(\.id)
        let command = try LintCommand.parse(["--enable", ids[0], "--enable", ids[1], "--enable-all"])
        #expect(command.enabled == [ids[0], ids[1]])
        #expect(command.enableAll)
        #expect(try LintCommand.parse([]).enableAll == false)
    }

    @Test("the rules under 90% on the blind-reviewed corpus sample ship opt-in; the others default")
    func shippedTiers() {
        #expect(RuleCatalog.all.filter { $0.tier == .optIn }.map(\.id).sorted() == [
            "blocking-in-async", "blocking-under-lock", "callback-race", "caller-must-hold", "check-then-act", "double-lock",
            "double-unlock", "goroutine-per-element", "lock-order-inversion", "sleep-as-sync", "unclosed-channel",
            "unguarded-field", "waitgroup-unbalanced",
        ])
    }

    @Test("a run lints with sleep-as-sync only when the configuration's enable list or an option enables it")
    func configurationEnableRunsTheRule() throws {
        let loader = ConfigurationLoader()
        var options = LintOptions(paths: [])
        #expect(try Linter(options: options).severities["sleep-as-sync"] == nil)
        options.configuration = try loader.parse("enable: [sleep-as-sync]\n", path: ".conclint.yml", baseDirectory: "/repo")
        #expect(options.configuration.enabledRules == ["sleep-as-sync"])
        #expect(try Linter(options: options).severities["sleep-as-sync"] == .warning)
        options.configuration = try loader.parse(
            "enable: [sleep-as-sync]\nrules:\n  sleep-as-sync: { severity: off }\n", path: ".conclint.yml", baseDirectory: "/repo")
        #expect(try Linter(options: options).severities["sleep-as-sync"] == nil, "off wins over enable")
        options.configuration = Configuration(baseDirectory: "/repo")
        options.enabledRules = ["sleep-as-sync"]
        #expect(try Linter(options: options).severities["sleep-as-sync"] == .warning)
    }

    @Test("an unknown id in the configuration's enable list is an error at its position with a hint")
    func configurationEnableRejectsUnknownIds() {
        do {
            _ = try ConfigurationLoader().parse("enable:\n  - sleep-as-sink\n", path: ".conclint.yml", baseDirectory: "/repo")
            Issue.record("an unknown enable id was accepted")
        } catch {
            #expect(error.line == 2 && error.column == 5)
            #expect(error.message == "unknown rule id 'sleep-as-sink' in 'enable'")
            #expect(error.hint?.contains("did you mean 'sleep-as-sync'?") == true)
        }
    }

    @Test("conclint config lists the enable key and marks opt-in rules that do not run")
    func effectiveConfigurationShowsTiers() throws {
        let text = Configuration(baseDirectory: "/repo").effectiveText()
        #expect(text.contains("enable: []  # opt-in rules: blocking-in-async, blocking-under-lock, callback-race, caller-must-hold, "))
        #expect(text.contains("  sleep-as-sync: { severity: warning }  # default; opt-in, not enabled"))
        let reread = try ConfigurationLoader().parse(
            Configuration(baseDirectory: "/repo", enabledRules: ["sleep-as-sync"]).effectiveText(),
            path: ".conclint.yml", baseDirectory: "/repo")
        #expect(reread.enabledRules == ["sleep-as-sync"])
    }

    @Test("conclint rules and its Markdown table show each rule's tier")
    func rulesTablesShowTier() {
        let text = RulesCommand.table(catalog)
        #expect(text.contains("noisy   warning   opt-in   swift"))
        #expect(text.contains("always  error     default  swift"))
        let markdown = RulesCommand.markdownTable(catalog)
        #expect(markdown.hasPrefix("| id | severity | tier | languages | title |\n|---|---|---|---|---|\n"))
        #expect(markdown.contains("| [`noisy`](Rules/noisy.yml) | warning | opt-in | swift | Title of noisy |"))
    }

    @Test("conclint explain states the tier, and for an opt-in rule every way to enable it")
    func explainStatesTier() {
        let text = ExplainCommand.explanation(sampleRule("noisy", tier: .optIn)).replacingOccurrences(of: "\n", with: " ")
        #expect(text.contains("tier: opt-in"))
        for way in ["--enable noisy", "--enable-all", "enable: [noisy]", "--rule noisy"] {
            #expect(text.contains(way), "missing \(way)")
        }
        #expect(ExplainCommand.explanation(sampleRule("always")).contains("tier: default"))
    }

    @Test("SARIF marks opt-in rules as not enabled by default")
    func sarifDefaultConfigurationEnabled() {
        let run = LintRun(findings: [], problems: [], sources: [:], rules: catalog, fileCount: 0)
        let rules = SARIFFormatter(sourceRoot: "/repo").log(for: run).runs[0].tool.driver.rules
        #expect(rules.map(\.defaultConfiguration.enabled) == [true, false, true])
    }
}
