import ConcModel

/// Finds the `//` line comments of a Swift or Go source, skipping string, character and raw
/// string literals and block comments, so a `// conclint:ignore` spelled inside a literal is not
/// taken for a directive.
///
/// Go: `"…"` and `'…'` with backslash escapes, `` `…` `` raw strings, `/* … */`. Swift: `"…"`,
/// `"""…"""`, extended delimiters (`#"…"#`, `##"""…"""##`), nested `/* … */`; an interpolation's
/// text is skipped with its string.
struct LineCommentScanner {
    /// One `//` comment: its byte range (from the first `/` to the end of the line, exclusive)
    /// and its text after the two slashes.
    struct Comment: Equatable {
        var start: Int
        var end: Int
        var text: String
    }

    let language: Language

    /// The line comments of `bytes`, in order.
    func comments(in bytes: [UInt8]) -> [Comment] {
        var result: [Comment] = []
        var index = 0
        let count = bytes.count
        func at(_ offset: Int) -> UInt8? { offset < count ? bytes[offset] : nil }
        let slash = UInt8(ascii: "/"), star = UInt8(ascii: "*"), quote = UInt8(ascii: "\""), newline = UInt8(ascii: "\n")
        while index < count {
            let byte = bytes[index]
            if byte == slash, at(index + 1) == slash {
                var end = index + 2
                // Swift also ends a line at a lone CR; for Go a CR is white space.
                while end < count, bytes[end] != newline, language == .go || bytes[end] != UInt8(ascii: "\r") { end += 1 }
                var textEnd = end
                if textEnd > index + 2, bytes[textEnd - 1] == UInt8(ascii: "\r") { textEnd -= 1 }
                result.append(Comment(start: index, end: textEnd, text: String(decoding: bytes[(index + 2)..<textEnd], as: UTF8.self)))
                index = end
            } else if byte == slash, at(index + 1) == star {
                index = skipBlockComment(bytes, from: index)
            } else if language == .go, byte == UInt8(ascii: "`") {
                index = skip(bytes, from: index + 1, until: [UInt8(ascii: "`")], escapes: false)
            } else if language == .go, byte == quote || byte == UInt8(ascii: "'") {
                index = skip(bytes, from: index + 1, until: [byte], escapes: true, stopAtNewline: true)
            } else if language == .swift, byte == quote || byte == UInt8(ascii: "#") {
                index = skipSwiftString(bytes, from: index)
            } else {
                index += 1
            }
        }
        return result
    }

    /// The offset after the block comment starting at `start` (nested for Swift).
    private func skipBlockComment(_ bytes: [UInt8], from start: Int) -> Int {
        var depth = 0
        var index = start
        while index + 1 < bytes.count {
            if bytes[index] == UInt8(ascii: "/"), bytes[index + 1] == UInt8(ascii: "*") {
                depth += language == .swift || depth == 0 ? 1 : 0
                index += 2
            } else if bytes[index] == UInt8(ascii: "*"), bytes[index + 1] == UInt8(ascii: "/") {
                depth -= 1
                index += 2
                if depth == 0 { return index }
            } else {
                index += 1
            }
        }
        return bytes.count
    }

    /// The offset after `terminator`, starting inside a literal at `start`.
    private func skip(_ bytes: [UInt8], from start: Int, until terminator: [UInt8], escapes: Bool, stopAtNewline: Bool = false) -> Int {
        var index = start
        while index < bytes.count {
            if escapes, bytes[index] == UInt8(ascii: "\\") {
                index += 2
                continue
            }
            if stopAtNewline, bytes[index] == UInt8(ascii: "\n") { return index }
            if bytes.count - index >= terminator.count, Array(bytes[index..<(index + terminator.count)]) == terminator {
                return index + terminator.count
            }
            index += 1
        }
        return bytes.count
    }

    /// The offset after a Swift string literal (`#` delimiters, single- or multi-line) at `start`;
    /// `start + 1` when the `#` there does not open a string (`#if`, `#selector`).
    private func skipSwiftString(_ bytes: [UInt8], from start: Int) -> Int {
        var index = start
        var pounds = 0
        while index < bytes.count, bytes[index] == UInt8(ascii: "#") {
            pounds += 1
            index += 1
        }
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return max(index, start + 1) }
        let quote = UInt8(ascii: "\"")
        let isMultiline = index + 2 < bytes.count && bytes[index + 1] == quote && bytes[index + 2] == quote
        let open = isMultiline ? 3 : 1
        let closing = [UInt8](repeating: quote, count: open) + [UInt8](repeating: UInt8(ascii: "#"), count: pounds)
        index += open
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\\"), pounds == 0 || matchesPounds(bytes, index + 1, pounds) {
                index += 1 + pounds + 1
                continue
            }
            if !isMultiline, bytes[index] == UInt8(ascii: "\n") { return index }
            if bytes.count - index >= closing.count, Array(bytes[index..<(index + closing.count)]) == closing {
                return index + closing.count
            }
            index += 1
        }
        return bytes.count
    }

    private func matchesPounds(_ bytes: [UInt8], _ start: Int, _ pounds: Int) -> Bool {
        guard start + pounds <= bytes.count else { return false }
        return bytes[start..<(start + pounds)].allSatisfy { $0 == UInt8(ascii: "#") }
    }
}
