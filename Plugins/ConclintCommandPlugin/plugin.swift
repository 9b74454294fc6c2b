import Foundation
import PackagePlugin

/// `swift package conclint [--target NAME …] [conclint options]`: lints the package's source
/// directories (every source module, or the `--target`s named) with the `conclint` tool.
///
/// Other arguments go to `conclint lint` as they are (`--format sarif --output conclint.sarif`,
/// `--baseline conclint-baseline.json`); paths are passed relative to the package, where
/// `.conclint.yml` is found. Findings at or above `--fail-on` make the command fail.
@main
struct ConclintCommandPlugin: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        var extractor = ArgumentExtractor(arguments)
        let names = extractor.extractOption(named: "target")
        let targets = names.isEmpty ? context.package.targets : try context.package.targets(named: names)
        let root = context.package.directoryURL.standardizedFileURL.path()
        let prefix = root.hasSuffix("/") ? root : root + "/"
        let directories = targets.compactMap { $0.sourceModule?.directoryURL.standardizedFileURL.path() }.map { path in
            path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
        }.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
        guard !directories.isEmpty else {
            Diagnostics.warning("conclint: no source targets to lint")
            return
        }
        let process = Process()
        process.executableURL = try context.tool(named: "conclint").url
        process.arguments = ["lint"] + extractor.remainingArguments + directories
        process.currentDirectoryURL = context.package.directoryURL
        try process.run()
        process.waitUntilExit()
        switch process.terminationStatus {
        case 0: break
        case 1: Diagnostics.error("conclint found concurrency hazards")
        default: Diagnostics.error("conclint failed with exit status \(process.terminationStatus)")
        }
    }
}
