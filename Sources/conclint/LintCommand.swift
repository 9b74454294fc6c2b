import ArgumentParser
import ConcLintKit
import ConcReport
import Foundation

extension ReportFormat: ExpressibleByArgument {}
extension FailureThreshold: ExpressibleByArgument {}

/// `conclint lint [PATH …]`: lint files and directories and report.
struct LintCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Lint Swift and Go files (the default subcommand).",
        discussion: """
            Exit status: 0 when nothing is at or above --fail-on, 1 when something is, \
            2 on a usage or configuration error. Settings come from --config or the nearest \
            .conclint.yml, looked for from the first PATH (its folder, or itself when a directory) \
            upwards to the repository root. A path of `-` reads \
            file names from standard input, one a line; names that are not .swift or .go files, \
            or no longer exist, are skipped (for `git diff --name-only | conclint -`). Opt-in rules \
            (see the tier column of `conclint rules`) run only with --enable ID, --enable-all, \
            `enable: [ids]` in .conclint.yml, or --rule ID; --disable and a configuration `off` win.
            """)

    @Argument(help: "Files and directories to lint; `-` reads file names from standard input.")
    var paths: [String] = ["."]

    @Option(name: .long, help: ArgumentHelp("Read settings from this file instead of the nearest .conclint.yml.", valueName: "file"))
    var config: String?

    @Option(name: .long, help: ArgumentHelp("Report and fail only on findings not recorded in this baseline file.", valueName: "file"))
    var baseline: String?

    @Option(
        name: .customLong("write-baseline"),
        help: ArgumentHelp("Record the current findings in this baseline file and exit 0.", valueName: "file"))
    var writeBaseline: String?

    @Option(help: "Output format: \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: ReportFormat = .text

    @Option(name: .long, help: ArgumentHelp("Write the report to this file instead of standard output.", valueName: "file"))
    var output: String?

    @Option(
        name: .customLong("fail-on"),
        help: "Lowest severity that fails the run: error, warning, note or never (default: the configuration's fail-on, else warning).")
    var failOnOption: FailureThreshold?

    /// `--fail-on` as given, or `warning`; the configuration's `fail-on` applies when it is not given.
    var failOn: FailureThreshold { failOnOption ?? .warning }

    @Option(name: .customLong("rule"), help: ArgumentHelp("Run only this rule (repeatable).", valueName: "id"))
    var rules: [String] = []

    @Option(name: .customLong("disable"), help: ArgumentHelp("Do not run this rule (repeatable); wins over enabling.", valueName: "id"))
    var disabled: [String] = []

    @Option(name: .customLong("enable"), help: ArgumentHelp("Also run this opt-in rule (repeatable).", valueName: "id"))
    var enabled: [String] = []

    @Flag(name: .customLong("enable-all"), help: "Also run every opt-in rule.")
    var enableAll = false

    // `.unconditional` so that `--jobs -3` reaches validation instead of reading as a flag.
    @Option(parsing: .unconditional, help: "Files analysed in parallel (default: the number of active cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(
        name: .customLong("include-generated"),
        help: "Also lint generated files (`// Code generated … DO NOT EDIT.`) found in directories.")
    var includeGenerated = false

    @Flag(name: .customLong("no-color"), help: "Never colour the text output.")
    var noColor = false

    @Flag(help: "Apply the safe fixes in place, then lint again and report what remains.")
    var fix = false

    @Flag(help: "Print every fix (safe and review) as a unified diff instead of the report; write nothing.")
    var diff = false

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        try validateFixOptions()
        do {
            _ = try RuleSelection(only: rules, disabled: disabled, enabled: enabled, enableAll: enableAll)
        } catch {
            throw ValidationError(error.description)
        }
    }

    func run() async throws {
        let setup = try prepare()
        let linter: Linter
        do {
            linter = try Linter(options: setup.options)
        } catch {
            throw ValidationError(error.description)
        }
        var run = await linter.run()
        if diff {
            try writeDiff(of: run)
            return try finish(run, setup: setup)
        }
        if fix {
            run = await applyFixes(run, linter: linter)
        }
        if let writeBaseline {
            try write(baselineOf: run, to: writeBaseline)
            return
        }
        try write(run)
        try finish(run, setup: setup)
    }

    /// Throws the exit status of `run` unless it is success.
    private func finish(_ run: LintRun, setup: Setup) throws {
        let status = ExitStatus(run, failOn: failOnOption ?? setup.options.configuration.failOn ?? .warning)
        if status != .success { throw ExitCode(status.rawValue) }
    }

    /// Writes the report to `--output` or standard output; text-format diagnostics and the
    /// summary go to standard error.
    private func write(_ run: LintRun) throws {
        let terminal = output == nil && isatty(STDOUT_FILENO) == 1
        let report: String
        var diagnostics: String?
        switch format {
        case .text:
            let color = Self.usesColor(terminal: terminal, noColor: noColor, environment: ProcessInfo.processInfo.environment)
            let formatter = TextFormatter(showsContext: terminal, usesColor: color)
            report = formatter.report(run)
            let stderrColor = color && isatty(STDERR_FILENO) == 1
            diagnostics = TextFormatter(usesColor: stderrColor).diagnostics(run)
        case .json:
            report = try JSONFormatter().format(run)
        case .sarif:
            report = try SARIFFormatter(sourceRoot: FileManager.default.currentDirectoryPath).format(run)
        case .github:
            report = GitHubFormatter().format(run)
            diagnostics = TextFormatter().summary(run) + "\n"
        case .checkstyle:
            report = CheckstyleFormatter().format(run)
        }
        if let output {
            do {
                try Data(report.utf8).write(to: URL(fileURLWithPath: output))
            } catch {
                throw StandardStream.failure("cannot write \(output): \(StandardStream.writeFailureReason(output, error))")
            }
        } else {
            try StandardStream.writeOutput(report)
        }
        if let diagnostics {
            StandardStream.writeError(diagnostics)
        }
    }

    /// Colour only on a terminal, with `NO_COLOR` unset (https://no-color.org) and no `--no-color`.
    static func usesColor(terminal: Bool, noColor: Bool, environment: [String: String]) -> Bool {
        terminal && !noColor && environment["NO_COLOR"] == nil
    }
}
