import ArgumentParser
import ConcLintKit
import ConcReport
import Foundation

/// `conclint`: the root command. `lint` is the default subcommand, so `conclint PATH…` lints.
///
/// Exit status: 0 nothing at or above `--fail-on`, 1 findings, 2 usage or configuration error
/// (ArgumentParser's own usage status, 64, is mapped to 2).
@main
struct ConclintCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conclint",
        abstract: "Find concurrency hazards in Swift and Go source.",
        // `conclint 0.1.0 (commit 1a2b3c4)`: which sources a bug report's binary came from.
        version: "\(ToolInfo.name) \(ToolInfo.versionDescription)",
        subcommands: [
            LintCommand.self, RulesCommand.self, ExplainCommand.self, ConfigCommand.self, FixturesCommand.self,
            DumpModelCommand.self,
        ],
        defaultSubcommand: LintCommand.self)

    static func main() async {
        if let message = DashArgument.usageError(in: Array(CommandLine.arguments.dropFirst())) {
            StandardStream.writeError(message + "\n")
            Foundation.exit(ExitStatus.usageError.rawValue)
        }
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(with: error)
        }
    }

    /// Prints `error` the ArgumentParser way and exits with conclint's status for it.
    static func exit(with error: any Error) -> Never {
        if let code = error as? ExitCode { Foundation.exit(code.rawValue) }
        let code = exitCode(for: error)
        if code == .success { Self.exit(withError: error) }
        let message = fullMessage(for: error)
        if !message.isEmpty {
            StandardStream.writeError(message + "\n")
        }
        Foundation.exit(ExitStatus.usageError.rawValue)
    }
}
