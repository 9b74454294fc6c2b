import ArgumentParser
import ConcLintKit
import ConcReport
import Foundation

extension LintCommand {
    /// `--fix` and `--diff` exclude each other and a baseline being written: each decides what
    /// the run writes.
    func validateFixOptions() throws {
        if fix && diff { throw ValidationError("--fix and --diff cannot be used together") }
        if (fix || diff) && writeBaseline != nil {
            throw ValidationError("--write-baseline cannot be used with --fix or --diff")
        }
    }

    /// `--diff`: every fix as a unified diff on standard output (or `--output`), the summary on
    /// standard error.
    func writeDiff(of run: LintRun) throws {
        let text = FixDiffFormatter().format(run)
        if let output {
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: output))
            } catch {
                throw StandardStream.failure("cannot write \(output): \(StandardStream.writeFailureReason(output, error))")
            }
        } else {
            try StandardStream.writeOutput(text)
        }
        StandardStream.writeError(TextFormatter().summary(run) + "\n")
    }

    /// `--fix`: applies the safe fixes of `run`, says what it did on standard error, and lints
    /// again so the report shows what remains. The run is returned unchanged when nothing was
    /// written.
    func applyFixes(_ run: LintRun, linter: Linter) async -> LintRun {
        let outcome = FixApplier().apply(run)
        for notice in outcome.notices {
            Self.printError("note: \(notice)")
        }
        let files = outcome.applied.count
        Self.printError("applied \(outcome.fixCount) fix\(outcome.fixCount == 1 ? "" : "es") in \(files) file\(files == 1 ? "" : "s")")
        return files == 0 ? run : await linter.run()
    }
}
