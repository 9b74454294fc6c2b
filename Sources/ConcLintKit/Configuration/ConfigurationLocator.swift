import Foundation

/// Finds the `.conclint.yml` that applies to a run: in the directory of the linted path or the
/// nearest folder above it, stopping at the repository root (the first folder that holds `.git`),
/// as golangci-lint and SwiftLint look from what they lint rather than from where they run.
public enum ConfigurationLocator {
    /// The configuration file name.
    public static let fileName = ".conclint.yml"

    /// The directory the search starts from for a run over `paths`: the first path itself when it
    /// is a directory, else the directory holding it; the working directory when there is no path.
    /// Relative paths are resolved against `workingDirectory`.
    public static func searchDirectory(
        forLintedPaths paths: [String], workingDirectory: String = FileManager.default.currentDirectoryPath
    ) -> String {
        guard let first = paths.first, !first.isEmpty else { return workingDirectory }
        let url = URL(fileURLWithPath: first, relativeTo: URL(fileURLWithPath: workingDirectory, isDirectory: true))
            .standardizedFileURL
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
            return url.path
        }
        return url.deletingLastPathComponent().path
    }

    /// The path of the configuration file that applies in `directory`, or `nil` when neither it
    /// nor a folder above it up to the repository root (or `/`) has one.
    public static func find(from directory: String = FileManager.default.currentDirectoryPath) -> String? {
        let fileManager = FileManager.default
        var current = URL(fileURLWithPath: directory).standardizedFileURL
        while true {
            let candidate = current.appending(path: fileName).path
            if fileManager.fileExists(atPath: candidate) { return candidate }
            if fileManager.fileExists(atPath: current.appending(path: ".git").path) { return nil }
            let parent = current.deletingLastPathComponent().standardizedFileURL
            if parent.path == current.path || parent.path.isEmpty { return nil }
            current = parent
        }
    }

    /// The configuration for a run: the file at `explicitPath` (`--config`), else the one
    /// ``find(from:)`` finds, else the defaults with globs relative to `directory`.
    ///
    /// - Throws: ``ConfigurationError`` when the file is missing (explicit path) or invalid.
    public static func configuration(
        explicitPath: String?, from directory: String = FileManager.default.currentDirectoryPath,
        loader: ConfigurationLoader = ConfigurationLoader()
    ) throws(ConfigurationError) -> Configuration {
        if let path = explicitPath ?? find(from: directory) { return try loader.load(path: path) }
        return Configuration(baseDirectory: URL(fileURLWithPath: directory).standardizedFileURL.path)
    }
}
