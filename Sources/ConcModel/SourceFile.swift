/// A position in a source file.
///
/// `offset` is a 0-based UTF-8 byte offset; `line` is 1-based; `column` is 1-based and counted
/// in UTF-8 bytes from the start of the line (the unit `go/token` and swift-syntax both use).
/// Reports that need UTF-16 columns (SARIF) convert with ``SourceFile/utf16Column(of:)``.
public struct SourcePosition: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// 0-based UTF-8 byte offset from the start of the file.
    public var offset: Int
    /// 1-based line number.
    public var line: Int
    /// 1-based column, in UTF-8 bytes.
    public var column: Int

    public init(offset: Int, line: Int, column: Int) {
        self.offset = offset
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool { lhs.offset < rhs.offset }

    public var description: String { "\(line):\(column)" }
}

/// A half-open range `[start, end)` of source text.
public struct SourceRange: Hashable, Sendable {
    public var start: SourcePosition
    public var end: SourcePosition

    public init(start: SourcePosition, end: SourcePosition) {
        self.start = start
        self.end = end
    }

    /// Whether `position` lies inside the range.
    public func contains(_ position: SourcePosition) -> Bool {
        start.offset <= position.offset && position.offset < end.offset
    }
}

/// The source language of a unit.
public enum Language: String, Sendable, CaseIterable, Codable {
    case go
    case swift
}

/// The text of one source file, with line starts for position arithmetic.
///
/// Shapes: `bytes` is the file's UTF-8 content; lines are split on `\n` (a trailing `\r` stays part
/// of the line's text but is dropped by ``line(_:)``), and with ``LineBreaks/lineFeedOrCarriageReturn``
/// on a lone `\r` too.
public struct SourceFile: Sendable {
    /// Which bytes end a line.
    public enum LineBreaks: Sendable {
        /// `\n` only: Go's spec and `go/scanner` count lines by LF; a lone CR is white space.
        case lineFeed
        /// `\n`, `\r\n` and a lone `\r`, as swift-syntax counts them for Swift.
        case lineFeedOrCarriageReturn
    }

    /// The path as given to conclint (relative or absolute), used in every report.
    public let path: String
    /// The file's bytes (UTF-8).
    public let bytes: [UInt8]
    /// 0-based byte offsets at which each line starts; `lineStarts[0] == 0`.
    public let lineStarts: [Int]

    public init(path: String, bytes: [UInt8], lineBreaks: LineBreaks = .lineFeed) {
        self.path = path
        self.bytes = bytes
        var starts = [0]
        starts.reserveCapacity(bytes.count / 32 + 1)
        // Every file read is scanned here, so without bounds checks.
        bytes.withUnsafeBufferPointer { bytes in
            switch lineBreaks {
            case .lineFeed:
                for index in bytes.indices where bytes[index] == UInt8(ascii: "\n") {
                    starts.append(index + 1)
                }
            case .lineFeedOrCarriageReturn:
                for index in bytes.indices {
                    let byte = bytes[index]
                    let isLoneCR = byte == UInt8(ascii: "\r") && (index + 1 == bytes.count || bytes[index + 1] != UInt8(ascii: "\n"))
                    if byte == UInt8(ascii: "\n") || isLoneCR { starts.append(index + 1) }
                }
            }
        }
        self.lineStarts = starts
    }

    public init(path: String, text: String, lineBreaks: LineBreaks = .lineFeed) {
        self.init(path: path, bytes: Array(text.utf8), lineBreaks: lineBreaks)
    }

    /// The number of lines.
    public var lineCount: Int { lineStarts.count }

    /// The text of 1-based line `number` without its line terminator, or `""` when out of range.
    /// Invalid UTF-8 is repaired with U+FFFD.
    public func line(_ number: Int) -> String {
        guard number >= 1, number <= lineStarts.count else { return "" }
        let start = lineStarts[number - 1]
        var end = number < lineStarts.count ? lineStarts[number] - 1 : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        guard end > start else { return "" }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// The position of a 0-based UTF-8 byte offset (clamped to the file).
    public func position(ofOffset offset: Int) -> SourcePosition {
        let clamped = max(0, min(offset, bytes.count))
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= clamped { low = mid } else { high = mid - 1 }
        }
        return SourcePosition(offset: clamped, line: low + 1, column: clamped - lineStarts[low] + 1)
    }

    /// As ``position(ofOffset:)``, trying the 0-based line index `hint` and the line after it
    /// before searching, and leaving the line found in `hint`. A front end asks in roughly
    /// increasing order of offset, so nearly every lookup ends at the hint.
    public func position(ofOffset offset: Int, lineHint hint: inout Int) -> SourcePosition {
        let clamped = max(0, min(offset, bytes.count))
        for line in hint...(hint + 1) where line >= 0 && line < lineStarts.count && lineStarts[line] <= clamped {
            if line + 1 == lineStarts.count || clamped < lineStarts[line + 1] {
                hint = line
                return SourcePosition(offset: clamped, line: line + 1, column: clamped - lineStarts[line] + 1)
            }
        }
        let position = position(ofOffset: clamped)
        hint = position.line - 1
        return position
    }

    /// The 1-based column of `position` counted in UTF-16 code units (SARIF 2.1.0 §3.30.4,
    /// `columnKind: utf16CodeUnits`).
    public func utf16Column(of position: SourcePosition) -> Int {
        guard position.line >= 1, position.line <= lineStarts.count else { return position.column }
        let start = lineStarts[position.line - 1]
        let end = min(start + max(0, position.column - 1), bytes.count)
        guard end > start else { return 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self).utf16.count + 1
    }
}
