import Foundation

/// Decides which discovered files a configuration's `include` and `exclude` globs let through.
///
/// Paths are made absolute against the working directory and then relative to
/// ``Configuration/baseDirectory``. A file outside that directory matches no pattern: it is
/// linted when `include` is empty. `exclude` wins over `include`.
struct PathFilter: Sendable {
    private let base: String
    private let include: [GlobPattern]
    private let exclude: [GlobPattern]
    private let workingDirectory: String

    /// The filter of `configuration`, resolving relative paths against `workingDirectory`.
    init(_ configuration: Configuration, workingDirectory: String = FileManager.default.currentDirectoryPath) {
        base = URL(fileURLWithPath: configuration.baseDirectory).standardizedFileURL.path
        include = configuration.include.map(GlobPattern.init)
        exclude = configuration.exclude.map(GlobPattern.init)
        self.workingDirectory = workingDirectory
    }

    /// Whether the filter passes everything.
    var isTrivial: Bool { include.isEmpty && exclude.isEmpty }

    /// Whether the file at `path` (as reported) is linted.
    func includes(_ path: String) -> Bool {
        guard !isTrivial else { return true }
        let relative = relativePath(path)
        if let relative, exclude.contains(where: { $0.matches(relative) }) { return false }
        guard !include.isEmpty else { return true }
        guard let relative else { return false }
        return include.contains { $0.matches(relative) }
    }

    /// `path` relative to the base directory, or `nil` when it lies outside.
    func relativePath(_ path: String) -> String? {
        let absolute = path.hasPrefix("/") ? path : workingDirectory + "/" + path
        let standardized = URL(fileURLWithPath: absolute).standardizedFileURL.path
        let prefix = base == "/" ? "/" : base + "/"
        guard standardized.hasPrefix(prefix) else { return nil }
        return String(standardized.dropFirst(prefix.count))
    }
}
