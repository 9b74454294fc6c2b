/// A cache key: 64-bit FNV-1a over everything a build depends on (sources, tool version,
/// flags), as 16 hex digits. Not cryptographic; it only has to change when an input changes.
struct CacheKey: Equatable, Sendable, CustomStringConvertible {
    private var state: UInt64 = 0xcbf2_9ce4_8422_2325

    /// An empty key.
    init() {}

    /// Mixes in `bytes`, then a separator so that `["ab", "c"]` and `["a", "bc"]` differ.
    mutating func add(_ bytes: some Sequence<UInt8>) {
        for byte in bytes { mix(byte) }
        mix(0xff)
    }

    /// Mixes in `text` as UTF-8.
    mutating func add(_ text: String) { add(text.utf8) }

    private mutating func mix(_ byte: UInt8) {
        state = (state ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
    }

    /// 16 lower-case hex digits.
    var description: String {
        let digits = String(state, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
