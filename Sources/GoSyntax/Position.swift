#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A position in a source file: a byte offset from the start of the file.
///
/// Like `go/token.Pos`, a `Pos` is compact; turn it into a line and column with
/// ``File/position(of:)`` or ``LineTable/position(of:)``. ``Pos/invalid`` plays the role of
/// `token.NoPos` (for example the `Opening` of a field list without parentheses).
public struct Pos: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The byte offset from the start of the file (0-based), or -1 for ``invalid``.
    public let offset: Int

    /// Creates a position at byte `offset`.
    @inlinable public init(_ offset: Int) { self.offset = offset }

    /// The absent position (`token.NoPos`).
    public static let invalid = Pos(-1)

    /// Whether this is a real position (not ``invalid``).
    @inlinable public var isValid: Bool { offset >= 0 }

    /// The position `n` bytes further on (an invalid position stays invalid).
    @inlinable public func advanced(by n: Int) -> Pos { isValid ? Pos(offset + n) : self }

    /// Orders positions by offset.
    @inlinable public static func < (lhs: Pos, rhs: Pos) -> Bool { lhs.offset < rhs.offset }

    /// The offset in decimal, or `-` when invalid.
    public var description: String { isValid ? String(offset) : "-" }
}

/// A resolved source position: byte offset, line and column.
///
/// Lines are 1-based. Columns are 1-based and counted in **UTF-8 bytes** from the start of the line,
/// the unit `go/token.Position.Column` uses (a tab counts 1, `é` counts 2). Report consumers that need
/// UTF-16 columns (SARIF) must convert using the line's text.
public struct Position: Hashable, Sendable, CustomStringConvertible {
    /// Byte offset from the start of the file (0-based).
    public let offset: Int
    /// Line number, 1-based.
    public let line: Int
    /// Column number, 1-based, in UTF-8 bytes.
    public let column: Int

    /// Creates a resolved position.
    public init(offset: Int, line: Int, column: Int) {
        self.offset = offset
        self.line = line
        self.column = column
    }

    /// `line:column`.
    public var description: String { "\(line):\(column)" }
}

/// The start offsets of the lines of a file; maps byte offsets to lines and columns.
///
/// `//line` directives are not applied: positions are always the physical ones
/// (`go/token.File.PositionFor(pos, false)`).
public struct LineTable: Sendable {
    /// The byte offset at which each line starts; `lineStarts[0] == 0`.
    public let lineStarts: [Int]
    /// The file size in bytes.
    public let size: Int

    /// Builds the table for `bytes` (lines end at `\n`).
    public init(_ bytes: UnsafeBufferPointer<UInt8>) {
        var starts: [Int] = []
        starts.reserveCapacity(bytes.count / 16 + 2)
        starts.append(0)
        if let base = bytes.baseAddress {
            // memchr is vectorised; lines are short, so this is much faster than a byte loop.
            var offset = 0
            while offset < bytes.count,
                let hit = memchr(base + offset, 10, bytes.count - offset)
            {
                let newline = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                starts.append(newline + 1)
                offset = newline + 1
            }
        }
        self.lineStarts = starts
        self.size = bytes.count
    }

    /// The 1-based line containing byte `offset` (offsets past the end map to the last line).
    public func line(of offset: Int) -> Int {
        var lo = 0
        var hi = lineStarts.count
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid }
        }
        return lo + 1
    }

    /// The line and column of `pos`; an invalid `pos` gives line 0, column 0.
    public func position(of pos: Pos) -> Position {
        guard pos.isValid else { return Position(offset: -1, line: 0, column: 0) }
        let line = self.line(of: pos.offset)
        return Position(offset: pos.offset, line: line, column: pos.offset - lineStarts[line - 1] + 1)
    }
}
