/// The result of parsing one Go source file.
public struct ParseResult: Sendable {
    /// The syntax tree. Always present: after syntax errors it holds ``BadExpr``, ``BadStmt`` and
    /// ``BadDecl`` placeholders and everything the parser could recover.
    public let file: File
    /// Syntax errors, sorted by position; empty when the file is syntactically valid.
    public let diagnostics: [Diagnostic]
}

/// Parses Go source files into ``File`` syntax trees.
///
/// A hand-written recursive-descent parser that follows the Go specification (Go 1.27: generics,
/// range over integers and functions, …) and the design of `go/parser`: one token of lookahead, an
/// expression level that resolves the composite-literal ambiguity in `if`/`for`/`switch` headers,
/// synchronisation sets with a progress guard after errors, at most one error per line and at most
/// about ten errors per file, and a nesting limit (``maxNestingDepth``) so absurdly deep input yields
/// an error rather than a stack overflow. Parsing is pure and thread-safe: call it from any thread.
public enum GoParser {
    /// The deepest syntactic nesting accepted (statements, expressions, types and literals inside one
    /// another, and each link of an operator or selector chain, counted as `go/parser` counts them);
    /// deeper input gives the error `exceeded max nesting depth`. The parser also stops with that
    /// error when it has used half of the current thread's stack, whatever the depth. go/parser
    /// allows 100,000 levels; a tree that deep would overflow an 8 MB stack when it is freed (Swift
    /// releases a chain of nodes recursively), so the limit is 10,000 — ten times the longest
    /// operator chain generated code is known to write, which the Go toolchain accepts.
    public static let maxNestingDepth = 10_000

    /// Parses the Go source `source` (UTF-8 bytes; a leading byte order mark is skipped).
    ///
    /// - Parameters:
    ///   - source: the file contents.
    ///   - path: the file's path, recorded in the ``File`` and used for nothing else.
    ///   - allErrors: report every error, not only the first per line and the first ten or so
    ///     (`go/parser`'s `AllErrors` mode).
    /// - Returns: the tree and the syntax errors (never throws: errors are diagnostics).
    public static func parse(source: [UInt8], path: String, allErrors: Bool = false) -> ParseResult {
        source.withUnsafeBufferPointer { buffer in
            var parser = Parser(buffer, bytes: source, path: path)
            parser.allErrors = allErrors
            return parser.parseFile()
        }
    }

    /// Parses the Go source `source`, a Swift string parsed as its UTF-8 bytes; otherwise the same as
    /// the `[UInt8]` overload.
    public static func parse(source: String, path: String, allErrors: Bool = false) -> ParseResult {
        parse(source: Array(source.utf8), path: path, allErrors: allErrors)
    }
}

/// A set of tokens, used for the synchronisation sets of error recovery.
struct TokenSet {
    private var low: UInt64 = 0
    private var high: UInt64 = 0
    init(_ tokens: [Token]) {
        for t in tokens {
            let r = t.rawValue
            if r < 64 { low |= 1 << UInt64(r) } else { high |= 1 << UInt64(r - 64) }
        }
    }
    func contains(_ t: Token) -> Bool {
        let r = t.rawValue
        return r < 64 ? low & (1 << UInt64(r)) != 0 : high & (1 << UInt64(r - 64)) != 0
    }

    /// Tokens that start a statement.
    static let stmtStart = TokenSet([
        .break, .const, .continue, .defer, .fallthrough, .for, .go, .goto, .if, .return, .select, .switch,
        .type, .var,
    ])
    /// Tokens that start a top-level declaration.
    static let declStart = TokenSet([.import, .const, .type, .var])
    /// Tokens that may end an expression.
    static let exprEnd = TokenSet([.comma, .colon, .semicolon, .rparen, .rbrack, .rbrace])
}

/// The parser state: the scanner, one token of lookahead, error and recovery bookkeeping.
///
/// A struct with mutating methods (rather than a class) so that access to its fields needs no dynamic
/// exclusivity checks; the grammar productions live in the `Parser+*.swift` extensions.
struct Parser {
    var scanner: Scanner
    let src: UnsafeBufferPointer<UInt8>
    /// The source bytes (the array `src` points into) and the line table, built only when first
    /// needed (an error, or a position asked of the finished ``File``): building it up front makes a
    /// large allocation before the tree's small ones, which is measurably slower. Shared by the
    /// ``File`` and by the nodes that read their text from the source (literals, comments).
    let text: SourceText
    let path: String

    /// The current token, its offset and end offset.
    var tok: Token = .illegal
    var pos = 0
    var tokEnd = 0
    /// For a semicolon: whether it was inserted at a newline.
    var isNewlineSemi = false

    var comments: [Comment] = []
    var imports: [ImportSpec] = []

    /// Last synchronisation position and the number of `advance` calls without progress.
    var syncPos = -1
    var syncCount = 0

    /// < 0: in a control clause (composite literals of named types need parentheses), ≥ 0: in an
    /// expression.
    var exprLev = 0
    /// Parsing a right-hand side (where `=` is an error, reported as `==`).
    var inRhs = false
    /// Current nesting depth.
    var nestLev = 0
    /// Stops the recursion before it exhausts the thread's stack.
    let stackGuard = StackGuard()
    /// Set once the error cap or the nesting limit is hit: from then on every token is EOF.
    var bailedOut = false
    /// Report every error (no per-line de-duplication, no cap).
    var allErrors = false

    init(_ src: UnsafeBufferPointer<UInt8>, bytes: [UInt8], path: String) {
        self.src = src
        self.text = SourceText(bytes: bytes, lines: nil)
        self.path = path
        self.scanner = Scanner(src)
        next()
    }

    // MARK: - Tokens

    /// The current token's text.
    var lit: String { text(from: pos, to: tokEnd) }

    @inline(__always)
    func text(from start: Int, to end: Int) -> String {
        guard start >= 0, start <= end, end <= src.count else { return "" }
        return String(decoding: UnsafeBufferPointer(rebasing: src[start..<end]), as: UTF8.self)
    }

    /// Advances to the next non-comment token, collecting comments.
    mutating func next() {
        if bailedOut {
            tok = .eof
            pos = src.count
            tokEnd = src.count
            return
        }
        while true {
            let t = scanner.scan()
            if t == .comment {
                comments.append(Comment(slash: Pos(scanner.tokPos), end: Pos(scanner.tokEnd), source: text), reserving: 16)
                continue
            }
            tok = t
            pos = scanner.tokPos
            tokEnd = scanner.tokEnd
            isNewlineSemi = scanner.isNewlineSemicolon
            return
        }
    }

    /// The line table (built on first use).
    func lines() -> LineTable { text.lines }

    // MARK: - Errors

    /// Records a syntax error at byte `offset`, unless there is already one on that line; bails out
    /// after ten errors.
    mutating func error(_ offset: Int, _ message: String) {
        if bailedOut { return }
        if !allErrors {
            let table = lines()
            if let last = scanner.errors.last, table.line(of: last.offset) == table.line(of: offset) {
                return  // discard: likely a spurious error
            }
            if scanner.errors.count > 10 {
                bailOut()
                return
            }
        }
        scanner.errors.append(Scanner.RawError(offset: offset, message: message))
    }

    /// Stops parsing: the rest of the file is treated as EOF, so every production returns promptly.
    mutating func bailOut() {
        bailedOut = true
        tok = .eof
        pos = src.count
        tokEnd = src.count
    }

    mutating func errorExpected(_ offset: Int, _ what: String) {
        var message = "expected " + what
        if offset == pos {
            if tok == .semicolon && isNewlineSemi {
                message += ", found newline"
            } else if tok.isLiteral {
                message += ", found " + lit
            } else {
                message += ", found '" + tok.text + "'"
            }
        }
        error(offset, message)
    }

    @discardableResult
    mutating func expect(_ t: Token) -> Pos {
        let p = pos
        if tok != t { errorExpected(p, "'" + t.text + "'") }
        next()  // make progress
        return Pos(p)
    }

    /// Like ``expect(_:)`` but returns an invalid position when the token is missing.
    mutating func expect2(_ t: Token) -> Pos {
        var p = Pos.invalid
        if tok == t { p = Pos(pos) } else { errorExpected(pos, "'" + t.text + "'") }
        next()
        return p
    }

    mutating func expectClosing(_ t: Token, _ context: String) -> Pos {
        if tok != t && tok == .semicolon && isNewlineSemi {
            error(pos, "missing ',' before newline in " + context)
            next()
        }
        return expect(t)
    }

    /// Consumes a statement terminator (optional before `)` and `}`).
    mutating func expectSemi() {
        switch tok {
        case .rparen, .rbrace:
            return
        case .comma:
            errorExpected(pos, "';'")
            next()
        case .semicolon:
            next()
        default:
            errorExpected(pos, "';'")
            advance(to: .stmtStart)
        }
    }

    mutating func atComma(_ context: String, _ follow: Token) -> Bool {
        if tok == .comma { return true }
        if tok != follow {
            var message = "missing ','"
            if tok == .semicolon && isNewlineSemi { message += " before newline" }
            error(pos, message + " in " + context)
            return true  // "insert" comma and continue
        }
        return false
    }

    /// Skips tokens up to one in `set`, with a progress guard so that error recovery cannot loop.
    mutating func advance(to set: TokenSet) {
        while tok != .eof {
            if set.contains(tok) {
                if pos == syncPos && syncCount < 10 {
                    syncCount += 1
                    return
                }
                if pos > syncPos {
                    syncPos = pos
                    syncCount = 0
                    return
                }
            }
            next()
        }
    }

    // MARK: - Nesting

    /// Enters one nesting level; past ``GoParser/maxNestingDepth`` reports an error and bails out.
    @inline(__always)
    mutating func enter() {
        nestLev += 1
        if nestLev > GoParser.maxNestingDepth || !stackGuard.hasRoom() { nestingExceeded() }
    }

    @inline(__always)
    mutating func leave() { nestLev -= 1 }

    private mutating func nestingExceeded() {
        if !bailedOut {
            error(pos, "exceeded max nesting depth")
            if scanner.errors.isEmpty {
                scanner.errors.append(Scanner.RawError(offset: pos, message: "exceeded max nesting depth"))
            }
        }
        bailOut()
    }

    // MARK: - Result

    func diagnostics() -> [Diagnostic] {
        if scanner.errors.isEmpty { return [] }
        let lines = lines()
        return scanner.errors
            .enumerated()
            .sorted { ($0.element.offset, $0.offset) < ($1.element.offset, $1.offset) }
            .map { Diagnostic(position: lines.position(of: Pos($0.element.offset)), message: $0.element.message) }
    }
}

extension Array {
    /// Appends `element`, giving an empty array room for `capacity` elements first: lists in Go code
    /// are short, and starting them at a small capacity saves the 1 → 2 → 4 reallocations.
    @inline(__always)
    mutating func append(_ element: Element, reserving capacity: Int) {
        if self.capacity == 0 { reserveCapacity(capacity) }
        append(element)
    }
}
