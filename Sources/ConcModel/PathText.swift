/// Byte-level reading of the access paths front ends spell (`self.x.y`, `s.links[…]`, `*p`),
/// for ``Place`` construction, which runs once per lowered access.
///
/// Splitting and trimming a `String` by `Character` costs a grapheme-break test per character.
/// For a path whose characters are all one-byte ASCII or the `…` that stands for an index, each
/// byte test answers exactly as the `Character` test would: neither kind of character joins a
/// neighbour into one grapheme (only `"\r\n"` does, and the bytes tested are never `\r` or `\n`).
/// Front ends use these only when ``isPlain(_:)`` holds and keep their `Character` reading
/// otherwise.
public enum PathText {
    /// The UTF-8 bytes of `…` (U+2026), which paths use for an index expression.
    static let ellipsis: [UInt8] = [0xE2, 0x80, 0xA6]

    /// Whether every character of `path` is ASCII or `…`.
    public static func isPlain(_ path: String) -> Bool {
        var iterator = path.utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte >= 0x80 else { continue }
            guard byte == ellipsis[0], iterator.next() == ellipsis[1], iterator.next() == ellipsis[2] else { return false }
        }
        return true
    }

    /// The parts of a plain `path` between `.`s (empty ones kept), each without the bytes in
    /// `dropping`.
    public static func parts(of path: String, dropping: [UInt8] = []) -> [String] {
        var parts: [String] = []
        var part: [UInt8] = []
        for byte in path.utf8 {
            if byte == UInt8(ascii: ".") {
                parts.append(String(decoding: part, as: UTF8.self))
                part.removeAll(keepingCapacity: true)
            } else if !dropping.contains(byte) {
                part.append(byte)
            }
        }
        parts.append(String(decoding: part, as: UTF8.self))
        return parts
    }

    /// `part` without its trailing `suffix`es, and how many there were.
    public static func trimmingSuffixes(_ suffix: String, of part: String) -> (rest: String, count: Int) {
        let bytes = Array(part.utf8)
        let tail = Array(suffix.utf8)
        var end = bytes.count
        var count = 0
        while !tail.isEmpty, end >= tail.count, bytes[(end - tail.count)..<end].elementsEqual(tail) {
            end -= tail.count
            count += 1
        }
        return count == 0 ? (part, 0) : (String(decoding: bytes[..<end], as: UTF8.self), count)
    }
}
