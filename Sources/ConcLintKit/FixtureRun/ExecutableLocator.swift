import Foundation

/// Finds a program on `PATH` the way a shell does: the first executable file of that name.
struct ExecutableLocator: Sendable {
    /// The folders searched, in order.
    var searchPath: [String]

    /// Searches `path`, a `PATH`-style list separated by `:` (default: this process's `PATH`).
    init(path: String? = ProcessInfo.processInfo.environment["PATH"]) {
        searchPath = (path ?? "").split(separator: ":").map(String.init).filter { !$0.isEmpty }
    }

    /// The absolute path of `name` (a relative `PATH` entry counts from the working directory),
    /// or `nil` when no folder on the path holds an executable file of that name.
    func find(_ name: String) -> String? {
        for folder in searchPath {
            let candidate = (folder as NSString).appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue,
                FileManager.default.isExecutableFile(atPath: candidate)
            {
                return URL(fileURLWithPath: candidate).standardizedFileURL.path
            }
        }
        return nil
    }
}
