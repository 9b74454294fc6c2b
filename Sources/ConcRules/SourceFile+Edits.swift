import ConcModel

/// Text arithmetic the rules build fix edits with: ranges come from the model, indentation is
/// copied from the line being edited.
extension SourceFile {
    /// The bytes of `range` as text.
    func text(_ range: SourceRange) -> String {
        let start = max(0, min(range.start.offset, bytes.count))
        let end = max(start, min(range.end.offset, bytes.count))
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// The leading blanks (spaces and tabs) of 1-based `line`.
    func indentation(ofLine line: Int) -> String {
        String(self.line(line).prefix { $0 == " " || $0 == "\t" })
    }

    /// The position at the start of 1-based `line`.
    func startOfLine(_ line: Int) -> SourcePosition {
        position(ofOffset: lineStarts[max(0, min(line - 1, lineStarts.count - 1))])
    }

    /// The position just after the last non-terminator byte of `line` (before `\r\n` or `\n`).
    func endOfLine(_ line: Int) -> SourcePosition {
        var end = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
        if end > lineStarts[line - 1], bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return position(ofOffset: end)
    }

    /// The text of `line` from its first non-blank byte up to `position`: empty when `position` is
    /// the first thing on its line.
    func codeBefore(_ position: SourcePosition) -> String {
        let start = lineStarts[position.line - 1]
        return String(decoding: bytes[start..<position.offset], as: UTF8.self).trimmingBlanks
    }

    /// The text after `position` up to the end of its line, comments included.
    func textAfter(_ position: SourcePosition) -> String {
        text(SourceRange(start: position, end: endOfLine(position.line)))
    }

    /// Whether the code after `position` on its line (a trailing `//` comment aside) ends with
    /// `{`: a block opens there and goes on on the next lines.
    func opensBlock(after position: SourcePosition) -> Bool {
        let rest = textAfter(position)
        let code = rest.firstRange(of: "//").map { String(rest[..<$0.lowerBound]) } ?? rest
        return code.trimmingBlanks.hasSuffix("{")
    }

    /// An edit inserting `text` as the first line of the block that opens on `opening`'s line
    /// (``opensBlock(after:)``), indented like the block's first line (or one level deeper
    /// than the opening line when the block starts with a blank line).
    func insertingFirstLine(_ text: String, inBlockOpenedAt opening: SourcePosition) -> TextEdit {
        let line = opening.line
        let indent = self.line(line + 1).trimmingBlanks.isEmpty
            ? indentation(ofLine: line) + (indentation(ofLine: line).first.map(String.init) ?? "\t")
            : indentation(ofLine: line + 1)
        let end = endOfLine(line)
        return TextEdit(range: SourceRange(start: end, end: end), replacement: "\n" + indent + text)
    }

    /// An edit inserting `text` as a line of its own before 1-based `line`, indented like
    /// `indentLine` (default: `line` itself).
    func insertingLine(_ text: String, before line: Int, indentLike indentLine: Int? = nil) -> TextEdit {
        let start = startOfLine(line)
        return TextEdit(
            range: SourceRange(start: start, end: start),
            replacement: indentation(ofLine: indentLine ?? line) + text + "\n")
    }

    /// An edit inserting `text` as a line of its own after 1-based `line`, indented like
    /// `indentLine` (default: `line` itself).
    func insertingLine(_ text: String, after line: Int, indentLike indentLine: Int? = nil) -> TextEdit {
        let end = endOfLine(line)
        return TextEdit(range: SourceRange(start: end, end: end), replacement: "\n" + indentation(ofLine: indentLine ?? line) + text)
    }

    /// An edit removing 1-based `line` with its terminator.
    func deletingLine(_ line: Int) -> TextEdit {
        let start = startOfLine(line)
        let end = line < lineStarts.count ? startOfLine(line + 1) : position(ofOffset: bytes.count)
        return TextEdit(range: SourceRange(start: start, end: end), replacement: "")
    }

    /// Whether `range` is all of its line's code: only blanks before it, and only blanks or a
    /// `//` comment after it.
    func isWholeLine(_ range: SourceRange) -> Bool {
        guard range.start.line == range.end.line, codeBefore(range.start).isEmpty else { return false }
        let after = textAfter(range.end).trimmingBlanks
        return after.isEmpty || after.hasPrefix("//")
    }
}

extension String {
    /// The string without leading and trailing whitespace and line breaks.
    var trimmingWhitespace: String {
        let blank: (Character) -> Bool = { $0.isWhitespace }
        guard let first = firstIndex(where: { !blank($0) }), let last = lastIndex(where: { !blank($0) }) else { return "" }
        return String(self[first...last])
    }

    /// The string without leading and trailing spaces and tabs.
    var trimmingBlanks: String {
        let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !blank($0) }), let last = lastIndex(where: { !blank($0) }) else { return "" }
        return String(self[first...last])
    }
}
