import ArgumentParser
import ConcLintKit
import ConcModel
import Foundation

extension Language: ExpressibleByArgument {}

/// `conclint fixtures run [DIR]`: compile and run the fixtures under the race detectors and
/// check each against its `// run:` header.
struct FixturesRunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Compile and run the fixtures under ThreadSanitizer / the Go race detector and check their // run: headers.",
        discussion: """
            Each fixture's first line states what running it shows: `// run: race` (the race \
            detector reports a data race: `WARNING: ThreadSanitizer: data race` or `Swift access \
            race`, Go's `WARNING: DATA RACE`), `clean` (exit 0, no report), `leak` (a hang: still \
            running at --timeout, or Go's `all goroutines are asleep - deadlock!`; or a line the \
            program prints starting with `LEAK:`), `crash` (Go's `fatal error: …`, such as `sync: \
            unlock of unlocked mutex`), or `skip` (not run). Swift fixtures are compiled \
            with `swiftc -sanitize=thread` against ConcRuntime, which is built from the package's \
            Sources/ConcRuntime into .build/fixtures-run (cached); Go fixtures with `go build -race` \
            in their folder (a `_test.go` file with `go test -race -c`), or are skipped with a notice \
            when go is not on PATH. Prints a table: fixture, static findings, expected and dynamic \
            verdicts, agreement, evidence. Progress goes to standard error. Exit status: 0 when every \
            fixture that ran agrees with its header, 1 when one disagrees, 2 on a usage error \
            (unknown rule, no such directory, ConcRuntime sources not found).
            """)

    @Argument(help: "The fixtures directory, a folder below it, or one fixture file.")
    var directory: String = "Fixtures"

    @Option(name: .customLong("rule"), help: ArgumentHelp("Run only the fixtures of this rule (repeatable).", valueName: "id"))
    var rules: [String] = []

    @Option(help: "Run only the fixtures of this language: go or swift.")
    var language: Language?

    @Option(help: "Seconds one fixture program may run before it is killed and counted as a hang.")
    var timeout: Double = FixtureRunOptions.defaultTimeoutSeconds

    @Option(parsing: .unconditional, help: "Fixtures compiled and run at once (default: the number of active cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(
        name: .customLong("package-path"),
        help: ArgumentHelp(
            "The conclint package whose Sources/ConcRuntime Swift fixtures link against "
                + "(default: found above DIR or the working directory).",
            valueName: "dir"))
    var packagePath: String?

    @Flag(
        name: .customLong("apply-fixes"),
        help: "Run each bad_ fixture that has safe fixes with them applied (to a copy in .build/fixtures-run/fixed), expecting clean.")
    var applyFixes = false

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        guard timeout > 0, timeout <= 3_600 else {
            throw ValidationError("--timeout must be more than 0 and at most 3600 seconds")
        }
    }

    /// The options this command line asks for.
    var options: FixtureRunOptions {
        var options = FixtureRunOptions(
            directory: directory, rules: rules, language: language, timeoutSeconds: timeout, jobs: jobs,
            packagePath: packagePath)
        options.applyFixes = applyFixes
        return options
    }

    func run() async throws {
        let report: FixtureRunReport
        do {
            report = try await FixtureRunner(options: options).run { result, done, total in
                let line = "[\(done)/\(total)] \(result.fixture.displayPath): \(result.outcome.label)"
                    + " (expected \(result.expectedLabel)) \(String(format: "%.1f", result.seconds)) s\n"
                StandardStream.writeError(line)
            }
        } catch {
            StandardStream.writeError("conclint fixtures run: \(error.description)\n")
            throw ExitCode(ExitStatus.usageError.rawValue)
        }
        for notice in report.notices {
            StandardStream.writeError("notice: \(notice)\n")
        }
        try StandardStream.writeOutput(report.table() + report.disagreementDetails())
        if report.exitStatus != .success { throw ExitCode(report.exitStatus.rawValue) }
    }
}
