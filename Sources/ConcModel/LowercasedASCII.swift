/// An ASCII text lower-cased byte by byte, for substring tests that cost a byte comparison each.
///
/// The comment conventions (``LockConvention``) read every doc comment of every function, and
/// `String.lowercased()` with `String.contains(_:)` compare grapheme clusters, which costs more
/// than the rest of lowering a function. For ASCII text the byte tests answer exactly as those
/// do for the ASCII words searched here: lower-casing changes only `A`–`Z`, and every character is
/// one byte except `"\r\n"`, which no searched word starts or ends inside because none contains a
/// line break. Non-ASCII text has no `LowercasedASCII`; callers keep their `String` reading for it.
public struct LowercasedASCII: Sendable {
    /// The lower-cased bytes.
    public let bytes: [UInt8]

    /// `nil` when `text` has a byte at or above 0x80.
    public init?(_ text: String) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            guard byte < 0x80 else { return nil }
            bytes.append(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte)
        }
        self.bytes = bytes
    }

    /// Whether `word` (lower-case ASCII) occurs in the text.
    public func contains(_ word: String) -> Bool {
        Self.firstRange(of: Array(word.utf8), in: bytes[...]) != nil
    }

    /// The first occurrence of `word` in `text`, as indices of `text`'s base array.
    static func firstRange(of word: [UInt8], in text: ArraySlice<UInt8>) -> Range<Int>? {
        guard let first = word.first else { return text.startIndex..<text.startIndex }
        guard word.count <= text.count else { return nil }
        var start = text.startIndex
        let last = text.endIndex - word.count
        while start <= last {
            if text[start] == first {
                var offset = 1
                while offset < word.count, text[start + offset] == word[offset] { offset += 1 }
                if offset == word.count { return start..<(start + word.count) }
            }
            start += 1
        }
        return nil
    }

    /// Whether `word` occurs in `text`.
    static func contains(_ word: [UInt8], in text: ArraySlice<UInt8>) -> Bool {
        firstRange(of: word, in: text) != nil
    }
}
