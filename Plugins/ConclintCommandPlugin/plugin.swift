import Foundation
import PackagePlugin

/// `swift package conclint [--target NAME …] [--configuration debug|release] [conclint options]`:
/// lints the package's source directories (every source module, or the `--target`s named) with a
/// release build of `conclint`.
///
/// The plugin asks SwiftPM for the build (`.build/release/conclint`, the same binary
/// `swift build -c release` makes) rather than declaring conclint a tool dependency, which SwiftPM
/// would build in debug: several times slower on a large package. The build is incremental, so a
/// second run compiles and links nothing. `--configuration debug` trades that speed for a shorter
/// first build.
///
/// Other arguments go to `conclint lint` as they are (`--format sarif --output conclint.sarif`,
/// `--baseline conclint-baseline.json`); paths are passed relative to the package, where
/// `.conclint.yml` is found. Findings at or above `--fail-on` make the command fail.
@main
struct ConclintCommandPlugin: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        var extractor = ArgumentExtractor(arguments)
        let names = extractor.extractOption(named: "target")
        let configuration = try Self.configuration(extractor.extractOption(named: "configuration"))
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
        guard let conclint = try build(configuration) else { return }
        let process = Process()
        process.executableURL = conclint
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

    /// Builds the `conclint` product and returns the executable; `nil` after reporting a failed build.
    private func build(_ configuration: PackageManager.BuildConfiguration) throws -> URL? {
        FileHandle.standardError.write(Data("Building conclint (\(configuration.rawValue)) ...\n".utf8))
        let result = try packageManager.build(.product("conclint"), parameters: .init(configuration: configuration))
        guard result.succeeded else {
            Diagnostics.error("building conclint failed:\n\(result.logText)")
            return nil
        }
        guard
            let artifact = result.builtArtifacts.first(where: {
                $0.kind == .executable && $0.url.deletingPathExtension().lastPathComponent == "conclint"
            })
        else {
            Diagnostics.error("the build succeeded but produced no conclint executable")
            return nil
        }
        return artifact.url
    }

    /// The build configuration `--configuration` names: release unless told otherwise.
    private static func configuration(_ values: [String]) throws -> PackageManager.BuildConfiguration {
        switch values.last {
        case nil, "release": return .release
        case "debug": return .debug
        case let other?: throw PluginError("--configuration must be debug or release, not '\(other)'")
        }
    }
}

/// A usage error, printed by SwiftPM as the plugin's failure.
struct PluginError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
