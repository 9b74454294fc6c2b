import ArgumentParser
import ConcLintKit
import Foundation

/// `conclint config`: prints the effective configuration: the `.conclint.yml` in force (or
/// `--config FILE`) with every default filled in, as YAML that conclint reads back.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config", abstract: "Print the effective configuration (.conclint.yml with defaults filled in).")

    @Option(name: .long, help: ArgumentHelp("Read this file instead of the nearest .conclint.yml.", valueName: "file"))
    var config: String?

    func run() throws {
        do {
            print(try ConfigurationLocator.configuration(explicitPath: config).effectiveText(), terminator: "")
        } catch {
            StandardStream.writeError(error.description + "\n")
            throw ExitCode(ExitStatus.usageError.rawValue)
        }
    }
}
