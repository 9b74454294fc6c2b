import Synchronization

/// The bytes of a parsed file and its line table, built on first use.
///
/// Most files parse without errors and many are never asked for a position, so the line table is not
/// built during parsing (that also keeps a large allocation out of the parser's hot path). The table
/// is built at most once, under a lock, so a ``File`` can be shared between threads.
final class SourceText: Sendable {
    let bytes: [UInt8]
    private let table: Mutex<LineTable?>

    init(bytes: [UInt8], lines: LineTable?) {
        self.bytes = bytes
        self.table = Mutex(lines)
    }

    /// The text of bytes `start..<end` (clamped to the source), with carriage returns removed when
    /// `stripCR` is set: the literal text `go/scanner` gives for raw strings and comments.
    func text(from start: Int, to end: Int, stripCR: Bool) -> String {
        let lo = max(0, min(start, bytes.count))
        let hi = max(lo, min(end, bytes.count))
        return bytes.withUnsafeBufferPointer { buffer in
            let slice = UnsafeBufferPointer(rebasing: buffer[lo..<hi])
            guard stripCR, slice.contains(13) else { return String(decoding: slice, as: UTF8.self) }
            var kept = Array(slice)
            // A `//` comment loses a final carriage return; other ones are dropped everywhere.
            kept.removeAll { $0 == 13 }
            return String(decoding: kept, as: UTF8.self)
        }
    }

    var lines: LineTable {
        table.withLock { cached in
            if let cached { return cached }
            let built = bytes.withUnsafeBufferPointer { LineTable($0) }
            cached = built
            return built
        }
    }
}
