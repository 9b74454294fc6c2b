import Foundation
import PackagePlugin

/// Generates `RuleCatalog+Generated.swift` for ConcRules from `Rules/*.yml` (and the fixtures
/// they name as examples), so rule metadata is kept once and the binary carries it.
@main
struct RuleCatalogPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        let rulesDirectory = root.appending(path: "Rules")
        let fixturesDirectory = root.appending(path: "Fixtures")
        let fileManager = FileManager.default
        let ruleFiles = ((try? fileManager.contentsOfDirectory(atPath: rulesDirectory.path())) ?? [])
            .filter { $0.hasSuffix(".yml") }
            .sorted()
            .map { rulesDirectory.appending(path: $0) }
        var fixtureFiles: [URL] = []
        if let walker = fileManager.enumerator(atPath: fixturesDirectory.path()) {
            for case let relative as String in walker
            where relative.hasSuffix(".swift") || relative.hasSuffix(".go") {
                fixtureFiles.append(fixturesDirectory.appending(path: relative))
            }
        }
        let output = context.pluginWorkDirectoryURL.appending(path: "RuleCatalog+Generated.swift")
        return [
            .buildCommand(
                displayName: "Generating rule catalog from Rules/*.yml",
                executable: try context.tool(named: "rule-catalog-generator").url,
                arguments: [root.path(), output.path()] + ruleFiles.map { $0.path() },
                inputFiles: ruleFiles + fixtureFiles,
                outputFiles: [output])
        ]
    }
}
