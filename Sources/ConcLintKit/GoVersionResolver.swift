import Foundation

/// Finds the Go language version in effect for a file: the `go` directive of the nearest `go.mod`
/// in the file's directory or above it (Go Modules Reference, "go directive"). Results are cached
/// per directory, so each directory is looked at once per run.
struct GoVersionResolver {
    /// A Go language version such as 1.22 (the patch number of `go 1.22.3` is dropped).
    struct Version: Hashable, Sendable {
        var major: Int
        var minor: Int
    }

    private var cache: [String: Version?] = [:]
    /// The answer by the directory as the file paths spell it (up to and with the last `/`; `""`
    /// for the working directory): a directory holds many files, and making a standardized URL of
    /// each file's path cost more than all the rest of this.
    private var cacheBySpelledDirectory: [Substring: Version?] = [:]
    private let fileManager = FileManager.default

    /// The version for the file at `path` (relative to the working directory or absolute), or
    /// `nil` when no `go.mod` above it has a readable `go` line.
    mutating func version(forFileAt path: String) -> Version? {
        // Paths that differ only in a last component that is a file name have the same directory.
        let slash = path.utf8.lastIndex(of: UInt8(ascii: "/"))
        let name = slash.map { path[path.utf8.index(after: $0)...] } ?? path[...]
        let spelled = slash.map { path[...$0] } ?? ""
        let plainName = !name.isEmpty && name != "." && name != ".."
        if plainName, let cached = cacheBySpelledDirectory[spelled] { return cached }
        let directory = URL(fileURLWithPath: path).standardizedFileURL.deletingLastPathComponent().path
        let result = version(inDirectory: directory)
        if plainName { cacheBySpelledDirectory[spelled] = .some(result) }
        return result
    }

    private mutating func version(inDirectory directory: String) -> Version? {
        if let cached = cache[directory] { return cached }
        let goMod = directory == "/" ? "/go.mod" : directory + "/go.mod"
        var result: Version?
        if let data = fileManager.contents(atPath: goMod) {
            result = Self.parseGoDirective(String(decoding: data, as: UTF8.self))
        } else {
            let parent = URL(fileURLWithPath: directory).deletingLastPathComponent().standardizedFileURL.path
            result = parent == directory || parent.isEmpty ? nil : version(inDirectory: parent)
        }
        cache[directory] = .some(result)
        return result
    }

    /// The version on the `go` line of a `go.mod` text (`go 1.22`, `go 1.21.0`, `go 1.21rc1`), or
    /// `nil`.
    static func parseGoDirective(_ text: String) -> Version? {
        for rawLine in text.split(whereSeparator: \.isNewline) {
            var line = Substring(rawLine)
            if let comment = line.range(of: "//") { line = line[..<comment.lowerBound] }
            let fields = line.split(whereSeparator: \.isWhitespace)
            guard fields.count == 2, fields[0] == "go" else { continue }
            let numbers = fields[1].split(separator: ".")
            // A pre-release (`go 1.21rc1`, `go 1.22beta2`) is a version of its language too.
            let minorDigits = numbers.count >= 2 ? numbers[1].prefix { $0.isASCII && $0.isNumber } : ""
            guard numbers.count >= 2, let major = Int(numbers[0]), let minor = Int(minorDigits) else { return nil }
            return Version(major: major, minor: minor)
        }
        return nil
    }
}
