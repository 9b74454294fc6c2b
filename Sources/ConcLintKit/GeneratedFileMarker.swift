/// Recognises generated source files by Go's convention
/// (<https://go.dev/s/generatedcode>): a line matching `^// Code generated .* DO NOT EDIT\.$`
/// before the first code (Go: the package clause). Swift files use the same marker.
///
/// As in `go/ast.IsGenerated`, the line may stand in a `//` comment or inside a `/* */` comment,
/// as long as it comes before any code.
enum GeneratedFileMarker {
    private static let prefix = Array("// Code generated ".utf8)
    private static let suffix = Array(" DO NOT EDIT.".utf8)

    /// Whether `bytes`, the start of a file, carry the marker before their first line of code.
    ///
    /// Only the comment lines at the top are looked at, without copying them: every file a walk
    /// finds goes through here.
    static func isGenerated(_ bytes: ArraySlice<UInt8>) -> Bool {
        var bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }  // a UTF-8 byte-order mark
        var inBlockComment = false
        var lineStart = bytes.startIndex
        while lineStart < bytes.endIndex {
            let newline = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
            var line = bytes[lineStart..<newline]
            lineStart = newline + 1
            if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
            if isMarker(line) { return true }
            let trimmed = line.drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
            if inBlockComment {
                inBlockComment = !contains(trimmed, "*/")
                continue
            }
            if trimmed.isEmpty || trimmed.starts(with: "//".utf8) { continue }
            if trimmed.starts(with: "/*".utf8) {
                inBlockComment = !contains(trimmed.dropFirst(2), "*/")
                continue
            }
            return false  // code: the marker would come too late
        }
        return false
    }

    /// Whether `bytes`, the start of a file, carry the marker before their first line of code.
    static func isGenerated(_ bytes: [UInt8]) -> Bool {
        isGenerated(bytes[...])
    }

    /// Whether `line` is `// Code generated <anything> DO NOT EDIT.`.
    static func isMarker(_ line: ArraySlice<UInt8>) -> Bool {
        line.count >= prefix.count + suffix.count && line.starts(with: prefix) && line.suffix(suffix.count).elementsEqual(suffix)
    }

    /// Whether `bytes` contain `needle`.
    private static func contains(_ bytes: ArraySlice<UInt8>, _ needle: StaticString) -> Bool {
        let needle = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
        guard bytes.count >= needle.count else { return false }
        return (bytes.startIndex...(bytes.endIndex - needle.count)).contains {
            bytes[$0..<$0 + needle.count].elementsEqual(needle)
        }
    }
}
