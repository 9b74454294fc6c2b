import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A path glob from `include` / `exclude`, matched against `/`-separated paths relative to the
/// configuration file's directory.
///
/// - `*` matches any run of characters within one path segment, `?` one character, `[abc]` one of
///   a set (as `fnmatch(3)`); `**` as a whole segment matches any number of segments, none included.
/// - A pattern without `/` matches any single segment: `*_test.go` matches every Go test file,
///   `Generated` every file under any folder called `Generated`.
/// - A pattern with `/` is anchored at the configuration's directory and matches a file when it
///   matches the file's path or one of its folders: `Sources/Legacy` covers everything below it.
struct GlobPattern: Sendable, Equatable {
    /// The pattern as written.
    let text: String
    private let segments: [String]

    /// A compiled `text`; call ``problem(in:)`` first to reject invalid patterns.
    init(_ text: String) {
        self.text = text
        var trimmed = Substring(text)
        while trimmed.hasPrefix("./") { trimmed = trimmed.dropFirst(2) }
        while trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        segments = trimmed.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
    }

    /// Why `pattern` cannot be used, or `nil` when it can.
    static func problem(in pattern: String) -> String? {
        if pattern.trimmingCharacters(in: .whitespaces).isEmpty { return "the pattern is empty" }
        if pattern.hasPrefix("/") { return "patterns are relative to the configuration file; drop the leading '/'" }
        if pattern.split(separator: "/").contains("..") { return "'..' cannot leave the configuration's directory" }
        if hasUnclosedBracket(pattern) { return "a '[' set is not closed by ']'" }
        return nil
    }

    /// Whether a `[` opens a set that no `]` closes (`fnmatch(3)` would then match the `[`
    /// literally, which is never what was meant). A `]` right after `[` or `[!` is a member.
    private static func hasUnclosedBracket(_ pattern: String) -> Bool {
        let characters = Array(pattern)
        var index = 0
        while index < characters.count {
            if characters[index] == "\\" {
                index += 2
                continue
            }
            if characters[index] == "[" {
                var end = index + 1
                if end < characters.count, characters[end] == "!" || characters[end] == "^" { end += 1 }
                if end < characters.count, characters[end] == "]" { end += 1 }
                while end < characters.count, characters[end] != "]" { end += 1 }
                if end >= characters.count { return true }
                index = end
            }
            index += 1
        }
        return false
    }

    /// Whether the relative path `path` (`/`-separated, no leading `./`) matches.
    func matches(_ path: String) -> Bool {
        let parts = path.split(separator: "/").map(String.init)
        if segments.count == 1, segments[0] != "**" {
            return parts.contains { Self.segmentMatches(segments[0], $0) }
        }
        return (1...max(1, parts.count)).contains { Self.match(segments[...], parts.prefix($0)) }
    }

    private static func match(_ pattern: ArraySlice<String>, _ parts: ArraySlice<String>) -> Bool {
        guard let first = pattern.first else { return parts.isEmpty }
        if first == "**" {
            let rest = pattern.dropFirst()
            return (0...parts.count).contains { match(rest, parts.dropFirst($0)) }
        }
        guard let part = parts.first, segmentMatches(first, part) else { return false }
        return match(pattern.dropFirst(), parts.dropFirst())
    }

    private static func segmentMatches(_ pattern: String, _ segment: String) -> Bool {
        fnmatch(pattern, segment, 0) == 0
    }
}
