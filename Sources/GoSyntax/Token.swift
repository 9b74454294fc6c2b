/// A lexical token of the Go language, named as in `go/token`.
///
/// Follows the Go specification, sections "Tokens", "Keywords" and "Operators and punctuation".
/// Keyword cases use the keyword spelling (`.func`, `.go`, `.select`, …).
public enum Token: UInt8, Sendable, CaseIterable {
    // Special tokens
    /// A character that starts no valid token.
    case illegal
    /// End of the source.
    case eof
    /// A `//` or `/* */` comment.
    case comment

    // Literals
    /// An identifier such as `main`.
    case ident
    /// An integer literal such as `12345`.
    case int
    /// A floating-point literal such as `123.45`.
    case float
    /// An imaginary literal such as `123.45i`.
    case imag
    /// A rune literal such as `'a'`.
    case char
    /// An interpreted or raw string literal.
    case string

    // Operators and punctuation
    /// `+`
    case add
    /// `-`
    case sub
    /// `*`
    case mul
    /// `/`
    case quo
    /// `%`
    case rem
    /// `&`
    case and
    /// `|`
    case or
    /// `^`
    case xor
    /// `<<`
    case shl
    /// `>>`
    case shr
    /// `&^`
    case andNot
    /// `+=`
    case addAssign
    /// `-=`
    case subAssign
    /// `*=`
    case mulAssign
    /// `/=`
    case quoAssign
    /// `%=`
    case remAssign
    /// `&=`
    case andAssign
    /// `|=`
    case orAssign
    /// `^=`
    case xorAssign
    /// `<<=`
    case shlAssign
    /// `>>=`
    case shrAssign
    /// `&^=`
    case andNotAssign
    /// `&&`
    case land
    /// `||`
    case lor
    /// `<-`
    case arrow
    /// `++`
    case inc
    /// `--`
    case dec
    /// `==`
    case eql
    /// `<`
    case lss
    /// `>`
    case gtr
    /// `=`
    case assign
    /// `!`
    case not
    /// `!=`
    case neq
    /// `<=`
    case leq
    /// `>=`
    case geq
    /// `:=`
    case define
    /// `...`
    case ellipsis
    /// `(`
    case lparen
    /// `[`
    case lbrack
    /// `{`
    case lbrace
    /// `,`
    case comma
    /// `.`
    case period
    /// `)`
    case rparen
    /// `]`
    case rbrack
    /// `}`
    case rbrace
    /// `;`, explicit or inserted automatically at a newline or the end of the file.
    case semicolon
    /// `:`
    case colon
    /// `~`
    case tilde

    // Keywords
    /// `break`
    case `break`
    /// `case`
    case `case`
    /// `chan`
    case chan
    /// `const`
    case const
    /// `continue`
    case `continue`
    /// `default`
    case `default`
    /// `defer`
    case `defer`
    /// `else`
    case `else`
    /// `fallthrough`
    case `fallthrough`
    /// `for`
    case `for`
    /// `func`
    case `func`
    /// `go`
    case go
    /// `goto`
    case goto
    /// `if`
    case `if`
    /// `import`
    case `import`
    /// `interface`
    case interface
    /// `map`
    case map
    /// `package`
    case package
    /// `range`
    case range
    /// `return`
    case `return`
    /// `select`
    case select
    /// `struct`
    case `struct`
    /// `switch`
    case `switch`
    /// `type`
    case type
    /// `var`
    case `var`

    /// The lowest binary-operator precedence (no operator).
    public static let lowestPrecedence = 0

    /// The binary-operator precedence of the token (Go spec "Operator precedence"): 5 for `*`, 4 for
    /// `+`, 3 for comparisons, 2 for `&&`, 1 for `||`, and 0 (``lowestPrecedence``) for anything else.
    @inlinable public var precedence: Int {
        switch self {
        case .lor: return 1
        case .land: return 2
        case .eql, .neq, .lss, .leq, .gtr, .geq: return 3
        case .add, .sub, .or, .xor: return 4
        case .mul, .quo, .rem, .shl, .shr, .and, .andNot: return 5
        default: return 0
        }
    }

    /// Whether the token is an identifier or a basic literal.
    public var isLiteral: Bool { self.rawValue >= Token.ident.rawValue && self.rawValue <= Token.string.rawValue }

    /// Whether the token is an operator or punctuation.
    public var isOperator: Bool { self.rawValue >= Token.add.rawValue && self.rawValue <= Token.tilde.rawValue }

    /// Whether the token is a keyword.
    public var isKeyword: Bool { self.rawValue >= Token.break.rawValue }

    /// The token's spelling as in `go/token` (`"+"`, `"func"`, `"IDENT"`, `"EOF"`).
    public var text: String { Token.texts[Int(rawValue)] }

    private static let texts: [String] = [
        "ILLEGAL", "EOF", "COMMENT", "IDENT", "INT", "FLOAT", "IMAG", "CHAR", "STRING",
        "+", "-", "*", "/", "%", "&", "|", "^", "<<", ">>", "&^",
        "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<=", ">>=", "&^=",
        "&&", "||", "<-", "++", "--", "==", "<", ">", "=", "!", "!=", "<=", ">=", ":=", "...",
        "(", "[", "{", ",", ".", ")", "]", "}", ";", ":", "~",
        "break", "case", "chan", "const", "continue", "default", "defer", "else", "fallthrough",
        "for", "func", "go", "goto", "if", "import", "interface", "map", "package", "range",
        "return", "select", "struct", "switch", "type", "var",
    ]

    /// The keyword spelled by `bytes`, or `.ident` when the bytes spell no keyword.
    static func keyword(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Token {
        let count = end - start
        guard count >= 2 && count <= 11 else { return .ident }
        @inline(__always) func matches(_ word: StaticString) -> Bool {
            guard word.utf8CodeUnitCount == count else { return false }
            let w = word.utf8Start
            for i in 0..<count where w[i] != bytes[start + i] { return false }
            return true
        }
        switch bytes[start] {
        case UInt8(ascii: "b"): return matches("break") ? .break : .ident
        case UInt8(ascii: "c"):
            if matches("case") { return .case }
            if matches("chan") { return .chan }
            if matches("const") { return .const }
            if matches("continue") { return .continue }
        case UInt8(ascii: "d"):
            if matches("default") { return .default }
            if matches("defer") { return .defer }
        case UInt8(ascii: "e"): return matches("else") ? .else : .ident
        case UInt8(ascii: "f"):
            if matches("for") { return .for }
            if matches("func") { return .func }
            if matches("fallthrough") { return .fallthrough }
        case UInt8(ascii: "g"):
            if matches("go") { return .go }
            if matches("goto") { return .goto }
        case UInt8(ascii: "i"):
            if matches("if") { return .if }
            if matches("import") { return .import }
            if matches("interface") { return .interface }
        case UInt8(ascii: "m"): return matches("map") ? .map : .ident
        case UInt8(ascii: "p"): return matches("package") ? .package : .ident
        case UInt8(ascii: "r"):
            if matches("range") { return .range }
            if matches("return") { return .return }
        case UInt8(ascii: "s"):
            if matches("select") { return .select }
            if matches("struct") { return .struct }
            if matches("switch") { return .switch }
        case UInt8(ascii: "t"): return matches("type") ? .type : .ident
        case UInt8(ascii: "v"): return matches("var") ? .var : .ident
        default: break
        }
        return .ident
    }
}
