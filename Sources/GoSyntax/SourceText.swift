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

    var lines: LineTable {
        table.withLock { cached in
            if let cached { return cached }
            let built = bytes.withUnsafeBufferPointer { LineTable($0) }
            cached = built
            return built
        }
    }
}
