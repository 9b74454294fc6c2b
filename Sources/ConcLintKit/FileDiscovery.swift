import ConcModel
import ConcReport
import Foundation

/// Finds the Swift and Go files to lint under the paths the user named.
///
/// Directories are walked recursively in sorted order. Skipped, as the go tool and golangci-lint
/// do: directories whose name starts with `.` (which covers `.build*`, `.git` and `.swiftpm`) or
/// `_`, and `testdata`; and `Pods`, `Carthage`, `vendor` and `node_modules`. Symbolic links to
/// files are followed; symbolic links to directories are not (no cycles). A file named explicitly
/// is always linted, whatever its folder; one that is neither `.swift` nor `.go`, or is not a
/// regular file (a FIFO, a device), is reported as ``ConcReport/FileProblem/Kind/unsupported`` and
/// never opened; a path that does not exist, a dangling link, a symlink loop and a source file
/// whose name is not valid UTF-8 as ``ConcReport/FileProblem/Kind/unreadable``. Files reached
/// twice (by overlapping arguments or links) are linted once. Reported paths keep the user's
/// spelling, joined with `/`, without a leading `./`.
public struct FileDiscovery: Sendable {
    /// Directory names never entered when walking (besides hidden ones).
    public static let skippedDirectoryNames: Set<String> = [
        ".build", ".git", ".swiftpm", "Pods", "Carthage", "vendor", "node_modules",
    ]

    /// What discovery found.
    public struct Result: Sendable {
        /// Files to lint, sorted by path, each once.
        public var files: [String]
        /// Paths that could not be walked or are not lintable.
        public var problems: [FileProblem]
        /// The members of ``files`` named on the command line rather than found in a walk: they
        /// are linted even when generated.
        public var explicitFiles: Set<String> = []
    }

    /// A discovery with the standard skip list.
    public init() {}

    /// Whether walking skips a directory called `name`: the go tool ignores `testdata` and names
    /// starting with `.` or `_`.
    public static func skipsDirectory(named name: String) -> Bool {
        name.hasPrefix(".") || name.hasPrefix("_") || name == "testdata" || skippedDirectoryNames.contains(name)
    }

    /// The files under `paths`.
    public func discover(_ paths: [String]) -> Result {
        var walker = Walker()
        for path in paths {
            walker.visitArgument(Self.displayPath(path))
        }
        return Result(files: walker.files.sorted(), problems: walker.problems, explicitFiles: walker.explicitFiles)
    }

    /// `path` without trailing slashes and leading `./` components (`.` stays `.`).
    static func displayPath(_ path: String) -> String {
        var result = path
        while result.count > 1, result.hasSuffix("/") { result.removeLast() }
        while result.hasPrefix("./"), result.count > 2 {
            result.removeFirst(2)
            while result.hasPrefix("/"), result.count > 1 { result.removeFirst() }
        }
        return result
    }

    /// Joins a directory's display path and an entry name.
    static func join(_ directory: String, _ name: String) -> String {
        switch directory {
        case ".": name
        case "/": "/" + name
        default: directory + "/" + name
        }
    }
}

/// The mutable state of one discovery.
private struct Walker {
    /// What tells two paths of the same file apart from paths of different files: the absolute
    /// path with every symbolic link resolved and `.` and `..` removed.
    ///
    /// Foundation's `standardizedFileURL.resolvingSymlinksInPath()` says this, at a cost that made
    /// it a tenth of the run for thousands of files named on standard input; `realpath(3)` gives
    /// the same path for any path without a `..` component. With one, Foundation removes the `..`
    /// before resolving links (`link/..` is the working directory) and `realpath` after, so such
    /// paths keep Foundation's reading, which decides which files count as the same.
    static func identity(_ path: String) -> String {
        let hasParentStep = path.utf8.split(separator: UInt8(ascii: "/")).contains { $0.elementsEqual("..".utf8) }
        if !hasParentStep, let resolved = realpath(path, nil) {
            defer { free(resolved) }
            return String(cString: resolved)
        }
        return URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    var files: [String] = []
    var problems: [FileProblem] = []
    var explicitFiles: Set<String> = []
    /// The listed path of each file, by its resolved path.
    private var seen: [String: String] = [:]

    mutating func visitArgument(_ path: String) {
        switch FileStatus.of(path) {
        case .directory:
            walk(path)
        case .regular:
            if Language(path: path) != nil {
                add(path, explicit: true)
            } else {
                problems.append(
                    FileProblem(path: path, kind: .unsupported, message: "not a Swift (.swift) or Go (.go) file"))
            }
        case .special(let kind):
            // Never opened: reading a FIFO would wait for a writer, /dev/zero would never end.
            problems.append(FileProblem(path: path, kind: .unsupported, message: "not a regular file (\(kind))"))
        case let status:
            problems.append(FileProblem(path: path, kind: .unreadable, message: status.problem ?? "cannot read"))
        }
    }

    private mutating func walk(_ directory: String) {
        let entries: [DirectoryListing.Entry]
        do {
            entries = try DirectoryListing.entries(of: directory)
        } catch {
            problems.append(FileProblem(path: directory, kind: .unreadable, message: "cannot list directory: \(error.message)"))
            return
        }
        var names: [String] = []
        for entry in entries {
            if let name = entry.name {
                names.append(name)
            } else if entry.hasSuffix(".swift") || entry.hasSuffix(".go")
                || (entry.bytes.first.map { [UInt8(ascii: "."), UInt8(ascii: "_")].contains($0) } == false
                    && isDirectory(directory, entry))
            {
                // Paths are Strings from here on: such a file cannot be linted, but is not passed over in silence.
                problems.append(
                    FileProblem(
                        path: FileDiscovery.join(directory, entry.displayName), kind: .unreadable,
                        message: "file name is not valid UTF-8; not linted (rename it)"))
            }
        }
        for name in names.sorted() {
            let path = FileDiscovery.join(directory, name)
            switch FileStatus.of(path, followingLinks: false) {
            case .directory:
                if !FileDiscovery.skipsDirectory(named: name) { walk(path) }
            case .regular:
                if Language(path: name) != nil { add(path) }
            case .symbolicLink:
                // Links to files are followed, links to directories are not (no cycles).
                guard Language(path: name) != nil else { continue }
                switch FileStatus.of(path) {
                case .regular: add(path)
                case .directory: continue
                case let status: problems.append(problem(path, status))
                }
            case let status:
                if Language(path: name) != nil { problems.append(problem(path, status)) }
            }
        }
    }

    /// The problem of a source file found in a walk that cannot be read.
    private func problem(_ path: String, _ status: FileStatus) -> FileProblem {
        if case .special = status {
            return FileProblem(path: path, kind: .unsupported, message: status.problem ?? "not a regular file")
        }
        return FileProblem(path: path, kind: .unreadable, message: "cannot read file: " + (status.problem ?? "unknown error"))
    }

    /// Whether `entry` of `directory` is a directory (by its raw name, which no String can spell).
    private func isDirectory(_ directory: String, _ entry: DirectoryListing.Entry) -> Bool {
        var info = stat()
        let path = Array(directory.utf8) + [UInt8(ascii: "/")] + entry.bytes + [0]
        let result = path.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { lstat($0.baseAddress!, &info) }
        }
        return result == 0 && FileStatus.of(mode: info.st_mode, size: 0) == .directory
    }

    private mutating func add(_ path: String, explicit: Bool = false) {
        let key = Self.identity(path)
        let listed = seen[key] ?? path
        if seen[key] == nil {
            seen[key] = path
            files.append(path)
        }
        if explicit { explicitFiles.insert(listed) }
    }
}
