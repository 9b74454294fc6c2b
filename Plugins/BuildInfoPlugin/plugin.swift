import Foundation
import PackagePlugin

/// Generates `BuildCommit+Generated.swift` for ConcReport: the commit the package's git checkout
/// is at, so `conclint --version` and every report name the sources they were built from.
///
/// The command's inputs are the checkout's `HEAD` and its reflog, which git rewrites or appends to
/// whenever `HEAD` moves (commit, checkout, reset, merge), so the commit is read again then and
/// only then. Files that can disappear (a loose branch ref after `git pack-refs`) are not inputs:
/// SwiftPM reuses the build plan across builds and stops on a missing input.
@main
struct BuildInfoPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        let output = context.pluginWorkDirectoryURL.appending(path: "BuildCommit+Generated.swift")
        return [
            .buildCommand(
                displayName: "Reading the git commit conclint is built from",
                executable: try context.tool(named: "build-info-generator").url,
                arguments: [root.path(), output.path()],
                inputFiles: Self.headChangeFiles(workingTree: root),
                outputFiles: [output])
        ]
    }

    /// `HEAD` and `logs/HEAD` of the checkout at `workingTree`, where they exist. The same lookup
    /// as `GitCheckout` in build-info-generator (a plugin cannot share a target's code).
    static func headChangeFiles(workingTree: URL) -> [URL] {
        let dotGit = workingTree.appending(path: ".git")
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dotGit.path(), isDirectory: &isDirectory) else { return [] }
        var gitDirectory = dotGit
        var inputs: [URL] = []
        if !isDirectory.boolValue {
            // A linked worktree or submodule: `.git` is a file `gitdir: PATH`.
            guard let text = try? String(contentsOf: dotGit, encoding: .utf8),
                let line = text.split(whereSeparator: \.isNewline).first, line.hasPrefix("gitdir:")
            else { return [] }
            let path = line.dropFirst("gitdir:".count).trimmingCharacters(in: .whitespaces)
            gitDirectory = path.hasPrefix("/") ? URL(fileURLWithPath: path) : workingTree.appending(path: path)
            inputs.append(dotGit)
        }
        inputs += [gitDirectory.appending(path: "HEAD"), gitDirectory.appending(path: "logs/HEAD")]
        return inputs.filter { FileManager.default.fileExists(atPath: $0.path()) }
    }
}
