/// The Go scanner: turns UTF-8 source bytes into tokens, inserting semicolons automatically.
///
/// Follows the Go specification, sections "Lexical elements" and "Semicolons", and the design of
/// `go/scanner`: the current character `ch`, an `insertSemi` flag set after a token that may end a
/// statement, and comments returned as ``Token/comment`` tokens. A leading byte order mark is skipped;
/// invalid UTF-8, NUL bytes and malformed literals are recorded in ``errors`` and scanning goes on.
///
/// The scanner reads from an `UnsafeBufferPointer` that must outlive it (see ``GoParser``).
struct Scanner {
    /// An error found while scanning: byte offset and message.
    struct RawError {
        var offset: Int
        var message: String
    }

    let src: UnsafeBufferPointer<UInt8>
    /// The current character (a Unicode scalar value), or -1 at the end of the source.
    private(set) var ch: Int32 = 32
    /// Byte offset of `ch`.
    private(set) var offset = 0
    /// Byte offset just after `ch`.
    private var rdOffset = 0
    /// Insert a semicolon before the next newline.
    private var insertSemi = false
    /// Offset of a newline inside a preceding `/* */` comment that ends a statement, or -1.
    private var nlPos = -1

    /// Errors found so far (scanner errors; the parser appends its own).
    var errors: [RawError] = []

    /// Byte offset of the last token scanned.
    private(set) var tokPos = 0
    /// Byte offset just after the last token scanned (for an inserted semicolon, `tokPos + 1`).
    private(set) var tokEnd = 0
    /// For a ``Token/semicolon``: whether it was inserted at a newline or the end of the file.
    private(set) var isNewlineSemicolon = false

    static let bom: Int32 = 0xFEFF
    static let runeError: Int32 = 0xFFFD

    init(_ src: UnsafeBufferPointer<UInt8>) {
        self.src = src
        next()
        if ch == Scanner.bom { next() }  // ignore BOM at file beginning
    }

    mutating func error(_ offset: Int, _ message: String) {
        errors.append(RawError(offset: offset, message: message))
    }

    /// Reads the next Unicode character into `ch`.
    @inline(__always)
    mutating func next() {
        guard rdOffset < src.count else {
            offset = src.count
            ch = -1
            return
        }
        offset = rdOffset
        let b = src[rdOffset]
        if b < 0x80 {
            if b == 0 { error(offset, "illegal character NUL") }
            rdOffset += 1
            ch = Int32(b)
            return
        }
        nextMultibyte()
    }

    private mutating func nextMultibyte() {
        let (r, w) = UTF8Decoding.decode(src, at: rdOffset)
        if r == Scanner.runeError && w == 1 {
            if offset == 0 && src.count >= 2
                && (src[0] == 0xFF && src[1] == 0xFE || src[0] == 0xFE && src[1] == 0xFF)
            {
                error(offset, "illegal UTF-8 encoding (got UTF-16)")
                rdOffset = src.count  // consume all input to avoid error cascade
                ch = r
                return
            }
            error(offset, "illegal UTF-8 encoding")
        } else if r == Scanner.bom && offset > 0 {
            error(offset, "illegal byte order mark")
        }
        rdOffset += w
        ch = r
    }

    @inline(__always)
    private func peek() -> UInt8 { rdOffset < src.count ? src[rdOffset] : 0 }

    // MARK: - Scan

    /// Scans the next token and returns it; its extent is `tokPos..<tokEnd`.
    mutating func scan() -> Token {
        if nlPos >= 0 {
            tokPos = nlPos
            tokEnd = nlPos + 1
            nlPos = -1
            isNewlineSemicolon = true
            return .semicolon
        }
        if ch == 32 || ch == 9 || ch == 13 || (ch == 10 && !insertSemi) {
            // Skip white space byte by byte (it is all ASCII).
            var i = rdOffset
            let n = src.count
            while i < n {
                let b = src[i]
                if b == 32 || b == 9 || b == 13 || (b == 10 && !insertSemi) {
                    i += 1
                    continue
                }
                break
            }
            rdOffset = i
            next()
        }

        tokPos = offset
        var tok: Token
        var semi = false
        let c = ch
        if CharClass.isASCIILetter(c) || (c >= 0x80 && CharClass.isLetter(c)) {
            let start = offset
            scanIdentifier()
            tok = offset - start > 1 ? Token.keyword(src, from: start, to: offset) : .ident
            switch tok {
            case .ident, .break, .continue, .fallthrough, .return: semi = true
            default: break
            }
        } else if CharClass.isDecimal(c) || (c == 46 && CharClass.isDecimal(Int32(peek()))) {
            semi = true
            tok = scanNumber()
        } else {
            next()  // always make progress
            switch c {
            case -1:
                if insertSemi {
                    insertSemi = false  // EOF consumed
                    tokEnd = tokPos
                    isNewlineSemicolon = true
                    return .semicolon
                }
                tok = .eof
            case 10:  // '\n'
                insertSemi = false  // newline consumed
                tokEnd = tokPos + 1
                isNewlineSemicolon = true
                return .semicolon
            case 34:  // '"'
                semi = true
                tok = .string
                scanString()
            case 39:  // '\''
                semi = true
                tok = .char
                scanRune()
            case 96:  // '`'
                semi = true
                tok = .string
                scanRawString()
            case 58: tok = switch2(.colon, .define)  // ':'
            case 46:  // '.'
                tok = .period
                if ch == 46 && peek() == 46 {
                    next()
                    next()
                    tok = .ellipsis
                }
            case 44: tok = .comma
            case 59:
                tok = .semicolon
                isNewlineSemicolon = false
            case 40: tok = .lparen
            case 41:
                semi = true
                tok = .rparen
            case 91: tok = .lbrack
            case 93:
                semi = true
                tok = .rbrack
            case 123: tok = .lbrace
            case 125:
                semi = true
                tok = .rbrace
            case 43:  // '+'
                tok = switch3(.add, .addAssign, 43, .inc)
                if tok == .inc { semi = true }
            case 45:  // '-'
                tok = switch3(.sub, .subAssign, 45, .dec)
                if tok == .dec { semi = true }
            case 42: tok = switch2(.mul, .mulAssign)
            case 47:  // '/'
                if ch == 47 || ch == 42 {
                    let nlOffset = scanComment()
                    if insertSemi && nlOffset != 0 {
                        nlPos = nlOffset
                        insertSemi = false
                    } else {
                        semi = insertSemi  // preserve insertSemi info
                    }
                    tok = .comment
                } else {
                    tok = switch2(.quo, .quoAssign)
                }
            case 37: tok = switch2(.rem, .remAssign)
            case 94: tok = switch2(.xor, .xorAssign)
            case 60:  // '<'
                if ch == 45 {
                    next()
                    tok = .arrow
                } else {
                    tok = switch4(.lss, .leq, 60, .shl, .shlAssign)
                }
            case 62: tok = switch4(.gtr, .geq, 62, .shr, .shrAssign)
            case 61: tok = switch2(.assign, .eql)
            case 33: tok = switch2(.not, .neq)
            case 38:  // '&'
                if ch == 94 {
                    next()
                    tok = switch2(.andNot, .andNotAssign)
                } else {
                    tok = switch3(.and, .andAssign, 38, .land)
                }
            case 124: tok = switch3(.or, .orAssign, 124, .lor)
            case 126: tok = .tilde
            default:
                if c != Scanner.bom {
                    if c == 0x201C || c == 0x201D {
                        error(tokPos, "curly quotation mark \(CharClass.quoted(c)) (use neutral '\"')")
                    } else {
                        error(tokPos, "illegal character \(CharClass.describe(c))")
                    }
                }
                semi = insertSemi  // preserve insertSemi info
                tok = .illegal
            }
        }
        insertSemi = semi
        tokEnd = offset
        return tok
    }

    @inline(__always)
    private mutating func switch2(_ tok0: Token, _ tok1: Token) -> Token {
        if ch == 61 {
            next()
            return tok1
        }
        return tok0
    }

    @inline(__always)
    private mutating func switch3(_ tok0: Token, _ tok1: Token, _ ch2: Int32, _ tok2: Token) -> Token {
        if ch == 61 {
            next()
            return tok1
        }
        if ch == ch2 {
            next()
            return tok2
        }
        return tok0
    }

    @inline(__always)
    private mutating func switch4(_ tok0: Token, _ tok1: Token, _ ch2: Int32, _ tok2: Token, _ tok3: Token)
        -> Token
    {
        if ch == 61 {
            next()
            return tok1
        }
        if ch == ch2 {
            next()
            if ch == 61 {
                next()
                return tok3
            }
            return tok2
        }
        return tok0
    }

    // MARK: - Identifiers and comments

    private mutating func scanIdentifier() {
        var i = rdOffset
        let n = src.count
        while i < n {
            let b = src[i]
            if CharClass.isIdentByte(b) {
                i += 1
                continue
            }
            rdOffset = i
            if b > 0 && b < 0x80 {
                ch = Int32(b)
                offset = rdOffset
                rdOffset += 1
                return
            }
            next()
            while CharClass.isLetter(ch) || CharClass.isDigit(ch) { next() }
            return
        }
        offset = n
        rdOffset = n
        ch = -1
    }

    /// Scans a comment whose `/` was consumed; returns the offset of the first newline inside a
    /// `/* */` comment, or 0.
    private mutating func scanComment() -> Int {
        let offs = offset - 1
        var nlOffset = 0
        if ch == 47 {  // '//'-style comment: runs to the end of the line
            var i = rdOffset
            let n = src.count
            while i < n && src[i] != 10 {
                let b = src[i]
                if b == 0 || b >= 0x80 { break }
                i += 1
            }
            rdOffset = i
            next()
            while ch != 10 && ch >= 0 { next() }
            return 0
        }
        // '/*'-style comment
        next()
        while ch >= 0 {
            let c = ch
            if c == 10 && nlOffset == 0 { nlOffset = offset }
            next()
            if c == 42 && ch == 47 {
                next()
                return nlOffset
            }
        }
        error(offs, "comment not terminated")
        return nlOffset
    }

    // MARK: - Numbers

    private mutating func digits(base: Int32, invalid: inout Int) -> Int {
        var digsep = 0
        if base <= 10 {
            let max = 48 + base
            while CharClass.isDecimal(ch) || ch == 95 {
                var ds = 1
                if ch == 95 {
                    ds = 2
                } else if ch >= max && invalid < 0 {
                    invalid = offset
                }
                digsep |= ds
                next()
            }
        } else {
            while CharClass.isHex(ch) || ch == 95 {
                digsep |= ch == 95 ? 2 : 1
                next()
            }
        }
        return digsep
    }

    private mutating func scanNumber() -> Token {
        let offs = offset
        var tok = Token.illegal
        var base: Int32 = 10
        var prefix: UInt8 = 0  // 0 (decimal), '0' (0-octal), 'x', 'o' or 'b'
        var digsep = 0
        var invalid = -1

        if ch != 46 {
            tok = .int
            if ch == 48 {
                next()
                switch CharClass.lower(ch) {
                case 120:
                    next()
                    (base, prefix) = (16, 120)
                case 111:
                    next()
                    (base, prefix) = (8, 111)
                case 98:
                    next()
                    (base, prefix) = (2, 98)
                default:
                    (base, prefix) = (8, 48)
                    digsep = 1  // leading 0
                }
            }
            digsep |= digits(base: base, invalid: &invalid)
        }
        if ch == 46 {
            tok = .float
            if prefix == 111 || prefix == 98 {
                error(offset, "invalid radix point in " + Scanner.litName(prefix))
            }
            next()
            digsep |= digits(base: base, invalid: &invalid)
        }
        if digsep & 1 == 0 {
            error(offset, Scanner.litName(prefix) + " has no digits")
        }
        let e = CharClass.lower(ch)
        if e == 101 || e == 112 {
            if e == 101 && prefix != 0 && prefix != 48 {
                error(offset, "\(CharClass.quoted(ch)) exponent requires decimal mantissa")
            } else if e == 112 && prefix != 120 {
                error(offset, "\(CharClass.quoted(ch)) exponent requires hexadecimal mantissa")
            }
            next()
            tok = .float
            if ch == 43 || ch == 45 { next() }
            var ignored = -1
            let ds = digits(base: 10, invalid: &ignored)
            digsep |= ds
            if ds & 1 == 0 { error(offset, "exponent has no digits") }
        } else if prefix == 120 && tok == .float {
            error(offset, "hexadecimal mantissa requires a 'p' exponent")
        }
        if ch == 105 {  // 'i'
            tok = .imag
            next()
        }
        if tok == .int && invalid >= 0 {
            error(invalid, "invalid digit \(CharClass.quoted(Int32(src[invalid]))) in " + Scanner.litName(prefix))
        }
        if digsep & 2 != 0 {
            let i = Scanner.invalidSeparator(UnsafeBufferPointer(rebasing: src[offs..<offset]))
            if i >= 0 { error(offs + i, "'_' must separate successive digits") }
        }
        return tok
    }

    private static func litName(_ prefix: UInt8) -> String {
        switch prefix {
        case 120: return "hexadecimal literal"
        case 111, 48: return "octal literal"
        case 98: return "binary literal"
        default: return "decimal literal"
        }
    }

    /// The index of the first misplaced `_` in a number literal, or -1.
    static func invalidSeparator(_ x: UnsafeBufferPointer<UInt8>) -> Int {
        var x1: Int32 = 32  // prefix char, we only care if it's 'x'
        var d: Int32 = 46  // digit, one of '_', '0' (a digit), or '.' (anything else)
        var i = 0
        if x.count >= 2 && x[0] == 48 {
            x1 = CharClass.lower(Int32(x[1]))
            if x1 == 120 || x1 == 111 || x1 == 98 {
                d = 48
                i = 2
            }
        }
        while i < x.count {
            let p = d
            d = Int32(x[i])
            if d == 95 {
                if p != 48 { return i }
            } else if CharClass.isDecimal(d) || (x1 == 120 && CharClass.isHex(d)) {
                d = 48
            } else {
                if p == 95 { return i - 1 }
                d = 46
            }
            i += 1
        }
        return d == 95 ? x.count - 1 : -1
    }

    // MARK: - Strings and runes

    @discardableResult
    private mutating func scanEscape(quote: Int32) -> Bool {
        let offs = offset
        var n: Int
        var base: UInt32
        var max: UInt32
        switch ch {
        case 97, 98, 102, 110, 114, 116, 118, 92, quote:  // a b f n r t v \ quote
            next()
            return true
        case 48...55:
            (n, base, max) = (3, 8, 255)
        case 120:
            next()
            (n, base, max) = (2, 16, 255)
        case 117:
            next()
            (n, base, max) = (4, 16, 0x10FFFF)
        case 85:
            next()
            (n, base, max) = (8, 16, 0x10FFFF)
        default:
            error(offs, ch < 0 ? "escape sequence not terminated" : "unknown escape sequence")
            return false
        }
        var x: UInt32 = 0
        while n > 0 {
            let d = UInt32(CharClass.digitValue(ch))
            if d >= base {
                error(offset, ch < 0 ? "escape sequence not terminated"
                    : "illegal character \(CharClass.describe(ch)) in escape sequence")
                return false
            }
            x = x &* base &+ d
            next()
            n -= 1
        }
        if x > max || (0xD800 <= x && x < 0xE000) {
            error(offs, "escape sequence is invalid Unicode code point")
            return false
        }
        return true
    }

    private mutating func scanRune() {
        let offs = offset - 1
        var valid = true
        var n = 0
        while true {
            let c = ch
            if c == 10 || c < 0 {
                if valid {
                    error(offs, "rune literal not terminated")
                    valid = false
                }
                break
            }
            next()
            if c == 39 { break }
            n += 1
            if c == 92 && !scanEscape(quote: 39) { valid = false }
        }
        if valid && n != 1 { error(offs, "illegal rune literal") }
    }

    private mutating func scanString() {
        let offs = offset - 1
        // Fast path: plain ASCII up to the closing quote.
        if ch > 0 && ch < 0x80 && ch != 34 && ch != 92 && ch != 10 {
            var i = rdOffset
            let n = src.count
            while i < n {
                let b = src[i]
                if b == 34 || b == 92 || b == 10 || b == 0 || b >= 0x80 { break }
                i += 1
            }
            rdOffset = i
            next()
        }
        while true {
            let c = ch
            if c == 10 || c < 0 {
                error(offs, "string literal not terminated")
                break
            }
            next()
            if c == 34 { break }
            if c == 92 { scanEscape(quote: 34) }
        }
    }

    private mutating func scanRawString() {
        let offs = offset - 1
        while true {
            let c = ch
            if c < 0 {
                error(offs, "raw string literal not terminated")
                break
            }
            next()
            if c == 96 { break }
        }
    }
}
