/// ``LockConvention/requiresHeldLock(docComment:)`` for ASCII doc comments, on bytes.
///
/// Every function's doc comment is read, and many name a lock word ("block", "clock" contain
/// "lock"), so the whole reading, not only its first test, is done on bytes when it can be. Each
/// step mirrors the `String` reading one for one (see ``LowercasedASCII`` for why the answers
/// are the same); the one difference of `Character`s that shows in ASCII is handled where it
/// matters: `"\r\n"` is one `Character`, so it does not split words as a lone `"\n"` does.
extension LockConvention {
    static func requiresHeldLock(ascii text: LowercasedASCII) -> Bool {
        guard asciiLockWords.contains(where: { LowercasedASCII.contains($0, in: text.bytes[...]) }) else { return false }
        let sentences = text.bytes.split(whereSeparator: {
            $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: ";") || $0 == UInt8(ascii: "!")
        })
        return sentences.contains { sentence in
            guard needsLockHeld(ascii: sentence) || asciiPhrases.contains(where: { LowercasedASCII.contains($0, in: sentence) })
            else { return false }
            let denied = asciiDenials.contains { LowercasedASCII.contains($0, in: sentence) }
                && !LowercasedASCII.contains(asciiNotBeCalledWithout, in: sentence)
            return !denied
        }
    }

    /// ``needsLockHeld(_:)`` on the bytes of one sentence.
    static func needsLockHeld(ascii sentence: ArraySlice<UInt8>) -> Bool {
        asciiNeedsTriggers.contains { trigger in
            var rest = sentence
            while let range = LowercasedASCII.firstRange(of: trigger, in: rest) {
                let after = rest[range.upperBound...]
                var words: [ArraySlice<UInt8>] = []
                var start = after.startIndex
                var index = after.startIndex
                // Words split at spaces and at line feeds that do not end a "\r\n".
                while index < after.endIndex, words.count < 5 {
                    let byte = after[index]
                    let separates = byte == UInt8(ascii: " ")
                        || byte == UInt8(ascii: "\n") && (index == after.startIndex || after[index - 1] != UInt8(ascii: "\r"))
                    if separates {
                        if index > start { words.append(after[start..<index]) }
                        start = index + 1
                    }
                    index += 1
                }
                if words.count < 5, index > start { words.append(after[start..<index]) }
                if words.contains(where: { word in
                    let bare = word.filter { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }
                    return bare.elementsEqual("locked".utf8) || bare.elementsEqual("held".utf8)
                }) { return true }
                rest = after
            }
            return false
        }
    }

    static let asciiLockWords = lockWords.map { Array($0.utf8) }
    static let asciiPhrases = heldLockPhrases.map { Array($0.utf8) }
    static let asciiDenials = heldLockDenials.map { Array($0.utf8) }
    static let asciiNotBeCalledWithout = Array("not be called without".utf8)
    static let asciiNeedsTriggers = needsTriggers.map { Array($0.utf8) }
}
