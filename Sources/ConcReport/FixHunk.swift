import ConcModel
import ConcRules

/// The lines one fix changes as a diff hunk — unchanged context, removed and added lines — what
/// the text report shows under a finding and `--diff` prints.
public struct FixHunk: Sendable, Hashable {
    /// What a line of the hunk is.
    public enum Kind: Sendable, Hashable {
        /// Unchanged, shown around the change.
        case context
        /// In the old text only.
        case removed
        /// In the new text only.
        case added
    }

    /// One line of the hunk.
    public struct Line: Sendable, Hashable {
        /// Context, removed or added.
        public var kind: Kind
        /// The text, without its terminator.
        public var text: String
        /// Its 1-based line number: in the old file for context and removed lines, in the file
        /// with this fix alone applied for added lines.
        public var number: Int
    }

    /// The lines, in order.
    public var lines: [Line]
    /// 1-based old line of the first line of the hunk.
    public var oldStart: Int

    /// The hunk of `edits` (one fix's, non-overlapping) in `source`, with up to `context`
    /// unchanged lines around the changes; `nil` when the edits change nothing.
    public init?(_ edits: [TextEdit], in source: SourceFile, context: Int = 0) {
        guard let first = edits.map(\.range.start.line).min() else { return nil }
        let last = edits.map { edit in
            // A range ending at column 1 of a line ends with the line before it.
            edit.range.end.column == 1 && edit.range.end.offset > edit.range.start.offset
                ? edit.range.end.line - 1 : edit.range.end.line
        }.max() ?? first
        let lastLine = min(max(first, last), source.lineCount)
        let sliceStart = source.lineStarts[first - 1]
        let sliceEnd = lastLine < source.lineCount ? source.lineStarts[lastLine] : source.bytes.count
        let shifted = edits.map { edit in
            TextEdit(
                range: SourceRange(
                    start: SourcePosition(offset: edit.range.start.offset - sliceStart, line: 0, column: 0),
                    end: SourcePosition(offset: edit.range.end.offset - sliceStart, line: 0, column: 0)),
                replacement: edit.replacement)
        }
        let oldSlice = Array(source.bytes[sliceStart..<sliceEnd])
        let ops = Self.diff(Self.lines(oldSlice), Self.lines(TextEdit.apply(shifted, to: oldSlice)))
        guard let firstChange = ops.firstIndex(where: { $0.kind != .context }),
              let lastChange = ops.lastIndex(where: { $0.kind != .context })
        else { return nil }
        // A file ending in a newline has no line after it.
        let lineCount = source.bytes.last == UInt8(ascii: "\n") ? source.lineCount - 1 : source.lineCount
        let before = (max(1, first - context)..<first).map { (Kind.context, source.line($0)) } + ops[..<firstChange]
        let afterEnd = min(lineCount, lastLine + context)
        let after = Array(ops[(lastChange + 1)...]) + (lastLine + 1 > afterEnd ? [] : (lastLine + 1...afterEnd).map { (Kind.context, source.line($0)) })
        let kept = Array(before.suffix(context)) + Array(ops[firstChange...lastChange]) + Array(after.prefix(context))
        let unchangedBefore = ops[..<firstChange].count
        oldStart = first + unchangedBefore - min(context, before.count)
        var old = oldStart
        var new = oldStart
        lines = kept.map { kind, text in
            defer {
                if kind != .added { old += 1 }
                if kind != .removed { new += 1 }
            }
            return Line(kind: kind, text: text, number: kind == .added ? new : old)
        }
    }

    /// The changed lines (context removed).
    public var changes: [Line] { lines.filter { $0.kind != .context } }

    /// Old lines the hunk covers.
    public var oldCount: Int { lines.count { $0.kind != .added } }
    /// New lines the hunk covers.
    public var newCount: Int { lines.count { $0.kind != .removed } }

    /// How many lines the hunk adds (negative when it removes lines).
    public var lineDelta: Int { newCount - oldCount }

    /// The last old line the hunk covers (the line before ``oldStart`` when it covers none).
    public var oldEnd: Int { oldStart + oldCount - 1 }

    /// The unified-diff header `@@ -a,b +c,d @@`, the new side shifted by `delta` lines that
    /// earlier hunks of the same file added.
    public func header(delta: Int) -> String {
        func side(_ start: Int, _ count: Int) -> String {
            // A side without lines names the line before the gap (GNU diff).
            "\(count == 0 ? start - 1 : start),\(count)"
        }
        return "@@ -\(side(oldStart, oldCount)) +\(side(oldStart + delta, newCount)) @@"
    }

    /// The body lines of a unified diff: context with a blank, removals with `-`, additions
    /// with `+`.
    public var unifiedBody: [String] {
        lines.map { line in
            switch line.kind {
            case .context: " " + line.text
            case .removed: "-" + line.text
            case .added: "+" + line.text
            }
        }
    }

    /// The line operations turning `old` into `new`: a longest common subsequence of lines
    /// kept, the rest removed then added. Spans too large for the table fall back to removing
    /// all and adding all.
    static func diff(_ old: [String], _ new: [String]) -> [(kind: Kind, text: String)] {
        guard old.count * new.count <= 1_000_000 else {
            return old.map { (Kind.removed, $0) } + new.map { (Kind.added, $0) }
        }
        // common[i][j]: the longest common subsequence of old[i...] and new[j...].
        var common = Array(repeating: Array(repeating: 0, count: new.count + 1), count: old.count + 1)
        for i in stride(from: old.count - 1, through: 0, by: -1) {
            for j in stride(from: new.count - 1, through: 0, by: -1) {
                common[i][j] = old[i] == new[j] ? common[i + 1][j + 1] + 1 : max(common[i + 1][j], common[i][j + 1])
            }
        }
        var result: [(kind: Kind, text: String)] = []
        var (i, j) = (0, 0)
        while i < old.count || j < new.count {
            if i < old.count, j < new.count, old[i] == new[j] {
                result.append((.context, old[i]))
                i += 1
                j += 1
            } else if i < old.count, j == new.count || common[i + 1][j] >= common[i][j + 1] {
                // Removals before additions, as diff(1) writes them.
                result.append((.removed, old[i]))
                i += 1
            } else {
                result.append((.added, new[j]))
                j += 1
            }
        }
        return result
    }

    private static func lines(_ bytes: [UInt8]) -> [String] {
        var pieces = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
        }
        if pieces.last == "" { pieces.removeLast() }
        return pieces
    }
}
