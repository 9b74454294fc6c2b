// Expression nodes (go/ast: BadExpr … KeyValueExpr). Go spec section "Expressions".

/// A placeholder for an expression containing syntax errors.
public final class BadExpr: Expr, @unchecked Sendable {
    /// Start of the bad region.
    public let from: Pos
    /// End of the bad region.
    public let to: Pos
    init(from: Pos, to: Pos) {
        self.from = from
        self.to = to
        super.init()
    }
    public override var kind: NodeKind { .badExpr }
    public override var pos: Pos { from }
    public override var end: Pos { to }
}

/// An identifier.
public final class Ident: Expr, @unchecked Sendable {
    /// Position of the identifier.
    public let namePos: Pos
    /// The identifier's spelling (`_` when the parser had to invent one).
    public let name: String
    init(namePos: Pos, name: String) {
        self.namePos = namePos
        self.name = name
        super.init()
    }
    public override var kind: NodeKind { .ident }
    public override var pos: Pos { namePos }
    public override var end: Pos { namePos.advanced(by: name.utf8.count) }
}

/// `...T` in a parameter list or `[...]` as an array length.
public final class Ellipsis: Expr, @unchecked Sendable {
    /// Position of `...`.
    public let ellipsis: Pos
    /// The element type of a variadic parameter; `nil` in `[...]T`.
    public let elt: Expr?
    init(ellipsis: Pos, elt: Expr?) {
        self.ellipsis = ellipsis
        self.elt = elt
        super.init()
    }
    public override var kind: NodeKind { .ellipsis }
    public override var pos: Pos { ellipsis }
    public override var end: Pos { elt?.end ?? ellipsis.advanced(by: 3) }
    public override func forEachChild(_ body: (Node) -> Void) { if let elt { body(elt) } }
}

/// A literal of basic type: integer, floating-point, imaginary, rune or string.
public final class BasicLit: Expr, @unchecked Sendable {
    /// Position of the literal.
    public let valuePos: Pos
    /// Position just after the literal.
    public let valueEnd: Pos
    /// ``Token/int``, ``Token/float``, ``Token/imag``, ``Token/char`` or ``Token/string``.
    public let tokenKind: Token
    private let source: SourceText
    init(valuePos: Pos, valueEnd: Pos, tokenKind: Token, source: SourceText) {
        self.valuePos = valuePos
        self.valueEnd = valueEnd
        self.tokenKind = tokenKind
        self.source = source
        super.init()
    }
    /// The literal exactly as written (quotes included, carriage returns removed from raw strings).
    /// Read from the source on each access (most literals are never looked at, so none is copied
    /// during parsing).
    public var value: String {
        let raw = tokenKind == .string && valuePos.offset >= 0 && valuePos.offset < source.bytes.count
            && source.bytes[valuePos.offset] == UInt8(ascii: "`")
        return source.text(from: valuePos.offset, to: valueEnd.offset, stripCR: raw)
    }
    public override var kind: NodeKind { .basicLit }
    public override var pos: Pos { valuePos }
    public override var end: Pos { valueEnd }
}

/// A function literal (closure): `func(params) results { body }`.
public final class FuncLit: Expr, @unchecked Sendable {
    /// The function's signature.
    public let type: FuncType
    /// The function body.
    public let body: BlockStmt
    init(type: FuncType, body: BlockStmt) {
        self.type = type
        self.body = body
        super.init()
    }
    public override var kind: NodeKind { .funcLit }
    public override var pos: Pos { type.pos }
    public override var end: Pos { body.end }
    public override func forEachChild(_ body: (Node) -> Void) {
        body(type)
        body(self.body)
    }
}

/// A composite literal: `T{elts}` (or `{elts}` nested inside another literal).
public final class CompositeLit: Expr, @unchecked Sendable {
    /// The literal's type; `nil` when elided inside an enclosing literal.
    public let type: Expr?
    /// Position of `{`.
    public let lbrace: Pos
    /// The elements (``KeyValueExpr`` for keyed elements).
    public let elts: [Expr]
    /// Position of `}`.
    public let rbrace: Pos
    init(type: Expr?, lbrace: Pos, elts: [Expr], rbrace: Pos) {
        self.type = type
        self.lbrace = lbrace
        self.elts = elts
        self.rbrace = rbrace
        super.init()
    }
    public override var kind: NodeKind { .compositeLit }
    public override var pos: Pos { type?.pos ?? lbrace }
    public override var end: Pos { rbrace.advanced(by: 1) }
    public override func forEachChild(_ body: (Node) -> Void) {
        if let type { body(type) }
        for e in elts { body(e) }
    }
}

/// A parenthesized expression or type.
public final class ParenExpr: Expr, @unchecked Sendable {
    /// Position of `(`.
    public let lparen: Pos
    /// The parenthesized expression.
    public let x: Expr
    /// Position of `)`.
    public let rparen: Pos
    init(lparen: Pos, x: Expr, rparen: Pos) {
        self.lparen = lparen
        self.x = x
        self.rparen = rparen
        super.init()
    }
    public override var kind: NodeKind { .parenExpr }
    public override var pos: Pos { lparen }
    public override var end: Pos { rparen.advanced(by: 1) }
    public override func forEachChild(_ body: (Node) -> Void) { body(x) }
}

/// A selector `x.sel` (field, method, qualified identifier or method expression).
public final class SelectorExpr: Expr, @unchecked Sendable {
    /// The operand.
    public let x: Expr
    /// The selected name.
    public let sel: Ident
    init(x: Expr, sel: Ident) {
        self.x = x
        self.sel = sel
        super.init()
    }
    public override var kind: NodeKind { .selectorExpr }
    public override var pos: Pos { x.pos }
    public override var end: Pos { sel.end }
    public override func forEachChild(_ body: (Node) -> Void) {
        body(x)
        body(sel)
    }
}

/// An index expression `x[i]`, or an instantiation with one type argument `f[T]`.
public final class IndexExpr: Expr, @unchecked Sendable {
    /// The indexed operand.
    public let x: Expr
    /// Position of `[`.
    public let lbrack: Pos
    /// The index or type argument.
    public let index: Expr
    /// Position of `]`.
    public let rbrack: Pos
    init(x: Expr, lbrack: Pos, index: Expr, rbrack: Pos) {
        self.x = x
        self.lbrack = lbrack
        self.index = index
        self.rbrack = rbrack
        super.init()
    }
    public override var kind: NodeKind { .indexExpr }
    public override var pos: Pos { x.pos }
    public override var end: Pos { rbrack.advanced(by: 1) }
    public override func forEachChild(_ body: (Node) -> Void) {
        body(x)
        body(index)
    }
}

/// An instantiation with several type arguments: `f[A, B]` (Go spec "Instantiations").
public final class IndexListExpr: Expr, @unchecked Sendable {
    /// The generic function or type.
    public let x: Expr
    /// Position of `[`.
    public let lbrack: Pos
    /// The type arguments (at least two).
    public let indices: [Expr]
    /// Position of `]`.
    public let rbrack: Pos
    init(x: Expr, lbrack: Pos, indices: [Expr], rbrack: Pos) {
        self.x = x
        self.lbrack = lbrack
        self.indices = indices
        self.rbrack = rbrack
        super.init()
    }
    public override var kind: NodeKind { .indexListExpr }
    public override var pos: Pos { x.pos }
    public override var end: Pos { rbrack.advanced(by: 1) }
    public override func forEachChild(_ body: (Node) -> Void) {
        body(x)
        for i in indices { body(i) }
    }
}

/// A slice expression `x[low:high]` or `x[low:high:max]`.
public final class SliceExpr: Expr, @unchecked Sendable {
    /// The sliced operand.
    public let x: Expr
    /// Position of `[`.
    public let lbrack: Pos
    /// The low bound, if any.
    public let low: Expr?
    /// The high bound, if any.
    public let high: Expr?
    /// The capacity bound of a 3-index slice.
    public let max: Expr?
    /// Whether this is a 3-index slice.
    public let slice3: Bool
    /// Position of `]`.
    public let rbrack: Pos
    init(x: Expr, lbrack: Pos, low: Expr?, high: Expr?, max: Expr?, slice3: Bool, rbrack: Pos) {
        self.x = x
        self.lbrack = lbrack
        self.low = low
        self.high = high
        self.max = max
        self.slice3 = slice3
        self.rbrack = rbrack
        super.init()
    }
    public override var kind: NodeKind { .sliceExpr }
    public override var pos: Pos { x.pos }
    public override var end: Pos { rbrack.advanced(by: 1) }
    public override func forEachChild(_ body: (Node) -> Void) {
        body(x)
        if let low { body(low) }
        if let high { body(high) }
        if let max { body(max) }
    }
}

/// A type assertion `x.(T)`, or `x.(type)` in a type switch (then ``type`` is `nil`).
public final class TypeAssertExpr: Expr, @unchecked Sendable {
    /// The operand.
    public let x: Expr
    /// Position of `(`.
    public let lparen: Pos
    /// The asserted type; `nil` for `x.(type)`.
    public let type: Expr?
    /// Position of `)`.
    public let rparen: Pos
    init(x: Expr, lparen: Pos, type: Expr?, rparen: Pos) {
        self.x = x
        self.lparen = lparen
        self.type = type
        self.rparen = rparen
        super.init()
    }
    public override var kind: NodeKind { .typeAssertExpr }
    public override var pos: Pos { x.pos }
    public override var end: Pos { rparen.advanced(by: 1) }
    public override func forEachChild(_ body: (Node) -> Void) {
        body(x)
        if let type { body(type) }
    }
}

/// A function call or conversion `fun(args)`.
public final class CallExpr: Expr, @unchecked Sendable {
    /// The function (or type, for a conversion).
    public let fun: Expr
    /// Position of `(`.
    public let lparen: Pos
    /// The arguments.
    public let args: [Expr]
    /// Position of a trailing `...` (`f(xs...)`), or invalid.
    public let ellipsis: Pos
    /// Position of `)`.
    public let rparen: Pos
    init(fun: Expr, lparen: Pos, args: [Expr], ellipsis: Pos, rparen: Pos) {
        self.fun = fun
        self.lparen = lparen
        self.args = args
        self.ellipsis = ellipsis
        self.rparen = rparen
        super.init()
    }
    public override var kind: NodeKind { .callExpr }
    public override var pos: Pos { fun.pos }
    public override var end: Pos { rparen.advanced(by: 1) }
    public override func forEachChild(_ body: (Node) -> Void) {
        body(fun)
        for a in args { body(a) }
    }
}

/// `*x`: a pointer indirection or a pointer type.
public final class StarExpr: Expr, @unchecked Sendable {
    /// Position of `*`.
    public let star: Pos
    /// The operand.
    public let x: Expr
    init(star: Pos, x: Expr) {
        self.star = star
        self.x = x
        super.init()
    }
    public override var kind: NodeKind { .starExpr }
    public override var pos: Pos { star }
    public override var end: Pos { x.end }
    public override func forEachChild(_ body: (Node) -> Void) { body(x) }
}

/// A unary expression: `-x`, `!x`, `^x`, `&x`, `<-ch`, `~T` (constraint term), or `range x` inside
/// the parser.
public final class UnaryExpr: Expr, @unchecked Sendable {
    /// Position of the operator.
    public let opPos: Pos
    /// The operator.
    public let op: Token
    /// The operand.
    public let x: Expr
    init(opPos: Pos, op: Token, x: Expr) {
        self.opPos = opPos
        self.op = op
        self.x = x
        super.init()
    }
    public override var kind: NodeKind { .unaryExpr }
    public override var pos: Pos { opPos }
    public override var end: Pos { x.end }
    public override func forEachChild(_ body: (Node) -> Void) { body(x) }
}

/// A binary expression `x op y` (also a union `A | B` in a constraint).
public final class BinaryExpr: Expr, @unchecked Sendable {
    /// The left operand.
    public let x: Expr
    /// Position of the operator.
    public let opPos: Pos
    /// The operator.
    public let op: Token
    /// The right operand.
    public let y: Expr
    init(x: Expr, opPos: Pos, op: Token, y: Expr) {
        self.x = x
        self.opPos = opPos
        self.op = op
        self.y = y
        super.init()
    }
    public override var kind: NodeKind { .binaryExpr }
    public override var pos: Pos { x.pos }
    public override var end: Pos { y.end }
    public override func forEachChild(_ body: (Node) -> Void) {
        body(x)
        body(y)
    }
}

/// A `key: value` element of a composite literal.
public final class KeyValueExpr: Expr, @unchecked Sendable {
    /// The key.
    public let key: Expr
    /// Position of `:`.
    public let colon: Pos
    /// The value.
    public let value: Expr
    init(key: Expr, colon: Pos, value: Expr) {
        self.key = key
        self.colon = colon
        self.value = value
        super.init()
    }
    public override var kind: NodeKind { .keyValueExpr }
    public override var pos: Pos { key.pos }
    public override var end: Pos { value.end }
    public override func forEachChild(_ body: (Node) -> Void) {
        body(key)
        body(value)
    }
}
