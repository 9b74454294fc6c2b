/// A byte scan for the deepest nesting of square brackets in Swift source, run before parsing.
///
/// SwiftParser's lookahead for inline array types (`[3 of Int]`, SE-0483) backtracks at every
/// `[`: its time grows exponentially with the nesting of array literals and types (about three
/// times per two levels past twenty), and at some hundreds of levels it overflows the thread's
/// stack. Real code nests a few levels; a file past ``limit`` is not parsed.
///
/// Brackets inside `//` and (nested) `/* */` comments and inside string literals (`"…"` with
/// escapes, `"""…"""`) do not count; raw-string delimiters are read as plain quotes.
enum BracketDepthCheck {
    /// The deepest `[` nesting a file may have and still be parsed.
    static let limit = 16

    /// The deepest nesting of `[` in `bytes` (unbalanced `]` are ignored).
    static func maximumDepth(_ bytes: [UInt8]) -> Int {
        bytes.withUnsafeBufferPointer { text in
            let count = text.count
            var depth = 0
            var deepest = 0
            var index = 0
            func at(_ offset: Int) -> UInt8 { offset < count ? text[offset] : 0 }
            while index < count {
                let byte = text[index]
                switch byte {
                case UInt8(ascii: "["):
                    depth += 1
                    deepest = max(deepest, depth)
                    index += 1
                case UInt8(ascii: "]"):
                    depth = max(0, depth - 1)
                    index += 1
                case UInt8(ascii: "/") where at(index + 1) == UInt8(ascii: "/"):
                    while index < count, text[index] != UInt8(ascii: "\n") { index += 1 }
                case UInt8(ascii: "/") where at(index + 1) == UInt8(ascii: "*"):
                    var level = 1
                    index += 2
                    while index < count, level > 0 {
                        if text[index] == UInt8(ascii: "/"), at(index + 1) == UInt8(ascii: "*") {
                            level += 1
                            index += 2
                        } else if text[index] == UInt8(ascii: "*"), at(index + 1) == UInt8(ascii: "/") {
                            level -= 1
                            index += 2
                        } else {
                            index += 1
                        }
                    }
                case UInt8(ascii: "\""):
                    let quote = UInt8(ascii: "\"")
                    let isMultiline = at(index + 1) == quote && at(index + 2) == quote
                    index += isMultiline ? 3 : 1
                    while index < count {
                        let current = text[index]
                        if current == UInt8(ascii: "\\") {
                            index += 2
                        } else if current == quote && (!isMultiline || at(index + 1) == quote && at(index + 2) == quote) {
                            index += isMultiline ? 3 : 1
                            break
                        } else if current == UInt8(ascii: "\n") && !isMultiline {
                            index += 1
                            break
                        } else {
                            index += 1
                        }
                    }
                default:
                    index += 1
                }
            }
            return deepest
        }
    }
}
