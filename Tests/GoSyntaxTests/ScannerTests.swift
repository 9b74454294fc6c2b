import Testing
@testable import GoSyntax

@Suite("Scanner")
struct ScannerTests {
    @Test("every literal form scans as one token of the right kind, without errors")
    func literalForms() {
        let cases: [(String, Token)] = [
            ("0", .int), ("42", .int), ("0x1F", .int), ("0XdeadBEEF", .int), ("0o17", .int), ("0O17", .int),
            ("017", .int), ("0b1011", .int), ("0B1", .int), ("1_000_000", .int), ("0x_FF", .int),
            ("0b_1_0", .int), ("1.5", .float), (".5", .float), ("1.", .float), ("1e10", .float),
            ("1E-3", .float), ("6.02e+23", .float), ("0x1p-2", .float), ("0x1.8p3", .float), ("0X_1FFFP-16", .float),
            ("1_0.2_5", .float), ("1i", .imag), ("1.5i", .imag), ("0x1p2i", .imag), ("0i", .imag), ("0o7i", .imag),
            ("'a'", .char), ("'\\n'", .char), ("'\\''", .char), ("'\\x7f'", .char), ("'\\377'", .char),
            ("'\\u12e4'", .char), ("'\\U00101234'", .char), ("'ä'", .char), ("'\\\\'", .char),
            ("\"\"", .string), ("\"hello\\tworld\\n\"", .string), ("\"\\u65e5本\\U00008a9e\"", .string),
            ("\"\\xff\\000\"", .string), ("`raw\\n string`", .string), ("`multi\nline`", .string),
        ]
        for (text, kind) in cases {
            let toks = tokens(text)
            #expect(toks.first?.0 == kind, "\(text)")
            #expect(toks.first?.1 == text, "\(text)")
            #expect(scanErrors(Array(text.utf8)).isEmpty, "\(text)")
        }
    }

    @Test("malformed literals are reported with go/scanner's messages")
    func malformedLiterals() {
        let cases: [(String, String)] = [
            ("0x", "hexadecimal literal has no digits"),
            ("0b102", "invalid digit '2' in binary literal"),
            ("08", "invalid digit '8' in octal literal"),
            ("1__0", "'_' must separate successive digits"),
            ("0x1.5", "hexadecimal mantissa requires a 'p' exponent"),
            ("1e", "exponent has no digits"),
            ("'ab'", "illegal rune literal"),
            ("'\\q'", "unknown escape sequence"),
            ("\"abc", "string literal not terminated"),
            ("`abc", "raw string literal not terminated"),
            ("/* abc", "comment not terminated"),
            ("'\\uD800'", "escape sequence is invalid Unicode code point"),
            ("@", "illegal character U+0040 '@'"),
        ]
        for (text, message) in cases {
            #expect(scanErrors(Array(text.utf8)).contains(message), "\(text): \(scanErrors(Array(text.utf8)))")
        }
    }

    @Test("a semicolon is inserted after a line's final identifier, literal, keyword or closing token")
    func semicolonInsertion() {
        let src = "x\n1\n\"s\"\nbreak\ncontinue\nfallthrough\nreturn\nx++\nx--\n)\n]\n}\n"
        let semis = tokens(src).filter { $0.0 == .semicolon && $0.1 == "\n" }.count
        #expect(semis == 12)
    }

    @Test("no semicolon is inserted after operators, opening tokens or other keywords")
    func noSemicolonInsertion() {
        for text in ["x +\n", "f(\n", "a[\n", "{\n", "if\n", "func\n", "x,\n", "x =\n", "chan\n"] {
            #expect(!tokens(text).contains { $0.0 == .semicolon }, "\(text)")
        }
    }

    @Test("a semicolon is inserted at the end of the file and at a newline inside a general comment")
    func semicolonAtEOFAndComment() {
        #expect(tokens("x").map(\.0) == [.ident, .semicolon])
        #expect(tokens("x /* a\nb */ y").map(\.0) == [.ident, .comment, .semicolon, .ident, .semicolon])
        #expect(tokens("x // c\ny").map(\.0) == [.ident, .comment, .semicolon, .ident, .semicolon])
    }

    @Test("operators scan as the longest token")
    func operators() {
        let ops = "+ += ++ - -= -- * *= / /= % %= & &= && &^ &^= | |= || ^ ^= << <<= >> >>= < <= <- > >= = == ! != := : ... . , ; ( ) [ ] { } ~"
        let scanned = tokens(ops).filter { $0.0 != .semicolon || $0.1 == ";" }.map(\.1)
        let expected = ops.split(separator: " ").map(String.init)
        #expect(scanned == expected)
    }

    @Test("keywords are recognised and other words are identifiers")
    func keywords() {
        for t in Token.allCases where t.isKeyword {
            #expect(tokens(t.text).first?.0 == t)
        }
        #expect(tokens("funcs gox _ αβ x1 ü").filter { $0.0 == .ident }.count == 6)
    }

    @Test("comments are kept with their positions")
    func commentsKept() {
        let result = parse("//go:build linux\n\npackage p // want \"x\"\n/* general */\n")
        #expect(result.file.comments.map(\.text) == ["//go:build linux", "// want \"x\"", "/* general */"])
        #expect(result.file.comments.map { result.file.position(of: $0.pos).description } == ["1:1", "3:11", "4:1"])
    }

    @Test("a leading byte order mark is skipped and a later one is an error")
    func byteOrderMark() {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        #expect(GoParser.parse(source: bom + Array("package p\n".utf8), path: "a.go").diagnostics.isEmpty)
        let later = Array("package p\nvar x = 1".utf8) + bom
        #expect(scanErrors(later).contains("illegal byte order mark"))
    }

    @Test("invalid UTF-8 and NUL bytes are reported as errors")
    func invalidUTF8() {
        #expect(scanErrors(Array("x := \"".utf8) + [0xFF] + Array("\"".utf8)).contains("illegal UTF-8 encoding"))
        #expect(scanErrors([0xC0, 0x80]).contains("illegal UTF-8 encoding"))  // overlong
        #expect(scanErrors([0xED, 0xA0, 0x80]).contains("illegal UTF-8 encoding"))  // surrogate
        #expect(scanErrors([0xFF, 0xFE, 0x41, 0x00]).contains("illegal UTF-8 encoding (got UTF-16)"))
        #expect(scanErrors(Array("a".utf8) + [0] + Array("b".utf8)).contains("illegal character NUL"))
        let result = GoParser.parse(source: Array("package p\nvar s = \"".utf8) + [0xFE] + Array("\"\n".utf8), path: "a.go")
        #expect(result.diagnostics.map(\.description) == ["2:10: illegal UTF-8 encoding"])
    }

    @Test("columns count UTF-8 bytes, as go/token does")
    func columnsAreBytes() {
        let result = parse("package p\nvar é, x = 1, 2\n")
        let spec = (result.file.decls.first as? GenDecl)?.specs.first as? ValueSpec
        #expect(spec.map { result.file.position(of: $0.names[1].pos).description } == "2:9")
    }

    @Test("carriage returns are removed from raw strings and comments")
    func carriageReturns() {
        let result = parse("package p\r\nvar s = `a\r\nb` // c\r\n")
        let spec = (result.file.decls.first as? GenDecl)?.specs.first as? ValueSpec
        #expect((spec?.values.first as? BasicLit)?.value == "`a\nb`")
        #expect(result.file.comments.first?.text == "// c")
    }
}
