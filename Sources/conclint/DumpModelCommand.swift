import ArgumentParser
import ConcLintKit
import Foundation

/// `conclint dump-model PATH…`: prints what the rules see — packages, types with their fields,
/// functions with their summaries, and the package's lock facts — as stable text.
struct DumpModelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dump-model",
        abstract: "Print the concurrency model of the files under PATH: packages, types, function summaries.")

    @Argument(help: "Files and directories to model (default: the current directory).")
    var paths: [String] = []

    func run() {
        print(ModelDumper.dump(paths.isEmpty ? ["."] : paths), terminator: "")
    }
}
