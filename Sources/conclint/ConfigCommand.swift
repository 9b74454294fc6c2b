import ArgumentParser
import ConcLintKit
import Foundation

/// `conclint config [PATH]`: prints the effective configuration: the `.conclint.yml` in force for
/// `PATH` (or `--config FILE`) with every default filled in, as YAML that conclint reads back.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config", abstract: "Print the effective configuration (.conclint.yml with defaults filled in).")

    @Argument(help: "The path whose configuration to show, as `conclint PATH` finds it (default: the working directory).")
    var path: String?

    @Option(name: .long, help: ArgumentHelp("Read this file instead of the nearest .conclint.yml.", valueName: "file"))
    var config: String?

    func run() throws {
        do {
            let start = ConfigurationLocator.searchDirectory(forLintedPaths: path.map { [$0] } ?? [])
            print(try ConfigurationLocator.configuration(explicitPath: config, from: start).effectiveText(), terminator: "")
        } catch {
            StandardStream.writeError(error.description + "\n")
            throw ExitCode(ExitStatus.usageError.rawValue)
        }
    }
}
