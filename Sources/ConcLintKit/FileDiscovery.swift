import ConcModel
import ConcReport
import Foundation

/// Finds the Swift and Go files to lint under the paths the user named.
///
/// Directories are walked recursively in sorted order. Skipped, as the go tool and golangci-lint
/// do: directories whose name starts with `.` (which covers `.build*`, `.git` and `.swiftpm`) or
/// `_`, and `testdata`; and `Pods`, `Carthage`, `vendor` and `node_modules`. Symbolic links to
/// files are followed; symbolic links to directories are not (no cycles). A file named explicitly is always linted, whatever its folder;
/// one that is neither `.swift` nor `.go` is reported as ``ConcReport/FileProblem/Kind/unsupported``,
/// a path that does not exist as ``ConcReport/FileProblem/Kind/unreadable``. Files reached twice
/// (by overlapping arguments or links) are linted once. Reported paths keep the user's spelling,
/// joined with `/`, without a leading `./`.
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
    private let fileManager = FileManager.default
    var files: [String] = []
    var problems: [FileProblem] = []
    var explicitFiles: Set<String> = []
    /// The listed path of each file, by its resolved path.
    private var seen: [String: String] = [:]

    mutating func visitArgument(_ path: String) {
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: path, isDirectory: &isDirectory) else {
            problems.append(FileProblem(path: path, kind: .unreadable, message: "no such file or directory"))
            return
        }
        if isDirectory.boolValue {
            walk(path)
        } else if Language(path: path) != nil {
            add(path, explicit: true)
        } else {
            problems.append(
                FileProblem(path: path, kind: .unsupported, message: "not a Swift (.swift) or Go (.go) file"))
        }
    }

    private mutating func walk(_ directory: String) {
        let names: [String]
        do {
            names = try fileManager.contentsOfDirectory(atPath: directory).sorted()
        } catch {
            problems.append(FileProblem(path: directory, kind: .unreadable, message: "cannot list directory"))
            return
        }
        for name in names {
            let path = FileDiscovery.join(directory, name)
            let type = (try? fileManager.attributesOfItem(atPath: path))?[.type] as? FileAttributeType
            switch type {
            case .typeDirectory?:
                if !FileDiscovery.skipsDirectory(named: name) { walk(path) }
            case .typeRegular?, .typeSymbolicLink?:
                guard Language(path: name) != nil else { continue }
                var isDirectory: ObjCBool = false
                let exists = fileManager.fileExists(atPath: path, isDirectory: &isDirectory)
                // A dangling link is kept so that reading it reports the file as unreadable.
                if !exists || !isDirectory.boolValue { add(path) }
            default:
                continue
            }
        }
    }

    private mutating func add(_ path: String, explicit: Bool = false) {
        let key = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        let listed = seen[key] ?? path
        if seen[key] == nil {
            seen[key] = path
            files.append(path)
        }
        if explicit { explicitFiles.insert(listed) }
    }
}
