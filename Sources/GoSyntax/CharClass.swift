/// Character classes of the Go specification ("Characters", "Letters and digits"), on Unicode scalar
/// values held in an `Int32` (-1 is the end of the source).
enum CharClass {
    @inline(__always) static func lower(_ ch: Int32) -> Int32 { 32 | ch }

    @inline(__always) static func isASCIILetter(_ ch: Int32) -> Bool {
        let l = lower(ch)
        return (97 <= l && l <= 122) || ch == 95
    }

    @inline(__always) static func isDecimal(_ ch: Int32) -> Bool { 48 <= ch && ch <= 57 }

    @inline(__always) static func isHex(_ ch: Int32) -> Bool {
        let l = lower(ch)
        return isDecimal(ch) || (97 <= l && l <= 102)
    }

    @inline(__always) static func isIdentByte(_ b: UInt8) -> Bool {
        let l = b | 32
        return (97 <= l && l <= 122) || b == 95 || (48 <= b && b <= 57)
    }

    /// A letter: ASCII letter, `_`, or a Unicode scalar of category Lu, Ll, Lt, Lm or Lo.
    static func isLetter(_ ch: Int32) -> Bool {
        if ch < 0x80 { return isASCIILetter(ch) && ch >= 0 }
        guard let scalar = Unicode.Scalar(UInt32(ch)) else { return false }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
            return true
        default:
            return false
        }
    }

    /// A decimal digit: ASCII `0`–`9` or a Unicode scalar of category Nd.
    static func isDigit(_ ch: Int32) -> Bool {
        if ch < 0x80 { return isDecimal(ch) }
        guard let scalar = Unicode.Scalar(UInt32(ch)) else { return false }
        return scalar.properties.generalCategory == .decimalNumber
    }

    /// The value of a hexadecimal digit, or 16 for anything else.
    static func digitValue(_ ch: Int32) -> Int {
        if isDecimal(ch) { return Int(ch - 48) }
        let l = lower(ch)
        if 97 <= l && l <= 102 { return Int(l - 97 + 10) }
        return 16
    }

    /// Go's `%q` of a rune, e.g. `'x'`.
    static func quoted(_ ch: Int32) -> String {
        guard ch >= 32, ch != 127, let s = Unicode.Scalar(UInt32(ch)) else {
            return "'\\x" + String(max(ch, 0), radix: 16) + "'"
        }
        return "'" + String(Character(s)) + "'"
    }

    /// Go's `%#U` of a rune, e.g. `U+0040 '@'`.
    static func describe(_ ch: Int32) -> String {
        let hex = String(UInt32(max(ch, 0)), radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        guard ch >= 32, ch != 127, let s = Unicode.Scalar(UInt32(ch)) else { return code }
        return code + " '" + String(Character(s)) + "'"
    }
}

/// UTF-8 decoding with the semantics of Go's `unicode/utf8.DecodeRune`.
enum UTF8Decoding {
    /// Decodes the scalar starting at `i` (which must be in bounds). Returns (U+FFFD, 1) for an invalid
    /// or truncated sequence, surrogates and overlong forms.
    static func decode(_ s: UnsafeBufferPointer<UInt8>, at i: Int) -> (Int32, Int) {
        let n = s.count - i
        let b0 = s[i]
        if b0 < 0x80 { return (Int32(b0), 1) }
        @inline(__always) func cont(_ k: Int, _ lo: UInt8 = 0x80, _ hi: UInt8 = 0xBF) -> UInt8? {
            guard k < n else { return nil }
            let b = s[i + k]
            return (lo <= b && b <= hi) ? b & 0x3F : nil
        }
        let bad: (Int32, Int) = (0xFFFD, 1)
        switch b0 {
        case 0xC2...0xDF:
            guard let c1 = cont(1) else { return bad }
            return (Int32(b0 & 0x1F) << 6 | Int32(c1), 2)
        case 0xE0...0xEF:
            let lo: UInt8 = b0 == 0xE0 ? 0xA0 : 0x80
            let hi: UInt8 = b0 == 0xED ? 0x9F : 0xBF
            guard let c1 = cont(1, lo, hi), let c2 = cont(2) else { return bad }
            return (Int32(b0 & 0x0F) << 12 | Int32(c1) << 6 | Int32(c2), 3)
        case 0xF0...0xF4:
            let lo: UInt8 = b0 == 0xF0 ? 0x90 : 0x80
            let hi: UInt8 = b0 == 0xF4 ? 0x8F : 0xBF
            guard let c1 = cont(1, lo, hi), let c2 = cont(2), let c3 = cont(3) else { return bad }
            return (Int32(b0 & 0x07) << 18 | Int32(c1) << 12 | Int32(c2) << 6 | Int32(c3), 4)
        default:
            return bad
        }
    }
}
