// Expressions. Go spec sections "Expressions", "Operands", "Composite literals", "Primary expressions".

extension Parser {
    mutating func parseExprList() -> [Expr] {
        var list = [parseExpr()]
        while tok == .comma {
            next()
            list.append(parseExpr(), reserving: 4)
        }
        return list
    }

    mutating func parseList(inRhs rhs: Bool) -> [Expr] {
        let old = inRhs
        inRhs = rhs
        let list = parseExprList()
        inRhs = old
        return list
    }

    mutating func parseRhs() -> Expr {
        let old = inRhs
        inRhs = true
        let x = parseExpr()
        inRhs = old
        return x
    }

    mutating func parseExpr() -> Expr {
        parseBinaryExpr(nil, Token.lowestPrecedence + 1)
    }

    /// Operator-precedence parsing of binary expressions whose operators bind at least `prec1`.
    mutating func parseBinaryExpr(_ lhs: Expr?, _ prec1: Int) -> Expr {
        var x = lhs ?? parseUnaryExpr()
        // Every operator deepens the (left-leaning) tree, so it counts as a nesting level, as in
        // go/parser: the tree's depth bounds the recursion of its deinitialisation and of walkers.
        var n = 0
        defer { nestLev -= n }
        while true {
            n += 1
            enter()
            var op = tok
            if inRhs && op == .assign { op = .eql }
            let oprec = op.precedence
            if oprec < prec1 { return x }
            let opPos = expect(op)
            let y = parseBinaryExpr(nil, oprec + 1)
            x = BinaryExpr(x: x, opPos: opPos, op: op, y: y)
        }
    }

    /// UnaryExpr = PrimaryExpr | unary_op UnaryExpr .
    mutating func parseUnaryExpr() -> Expr {
        enter()
        defer { leave() }
        switch tok {
        case .add, .sub, .not, .xor, .and, .tilde:
            let p = Pos(pos)
            let op = tok
            next()
            let x = parseUnaryExpr()
            return UnaryExpr(opPos: p, op: op, x: x)
        case .arrow:
            let arrow = Pos(pos)
            next()
            let x = parseUnaryExpr()
            if let chan = x as? ChanType {
                return receiveChannelType(arrow: arrow, chan)
            }
            return UnaryExpr(opPos: arrow, op: .arrow, x: x)
        case .mul:
            let p = Pos(pos)
            next()
            let x = parseUnaryExpr()
            return StarExpr(star: p, x: x)
        default:
            return parsePrimaryExpr(nil)
        }
    }

    /// `<-` followed by a channel type: re-associates `<-chan T` (and `<-chan <-chan T`, …) as
    /// receive-only channel types, as `go/parser` does.
    private mutating func receiveChannelType(arrow: Pos, _ chan: ChanType) -> Expr {
        var chain: [(ChanType, Pos)] = []
        var current: ChanType? = chan
        var arrow = arrow
        var dir = ChanDir.send
        while let t = current, dir == .send {
            if t.dir == .recv { errorExpected(t.arrow.offset, "'chan'") }
            chain.append((t, arrow))
            arrow = t.arrow
            dir = t.dir
            current = t.value as? ChanType
        }
        if dir == .send { errorExpected(arrow.offset, "channel type") }
        var rebuilt: Expr?
        for (t, newArrow) in chain.reversed() {
            rebuilt = ChanType(begin: newArrow, arrow: newArrow, dir: .recv, value: rebuilt ?? t.value)
        }
        return rebuilt ?? chan
    }

    /// PrimaryExpr: an operand followed by selectors, indexes, slices, type assertions, calls and
    /// composite-literal bodies.
    mutating func parsePrimaryExpr(_ operand: Expr?) -> Expr {
        var x = operand ?? parseOperand()
        var n = 0
        defer { nestLev -= n }  // each selector, index, call, … deepens the tree (see parseBinaryExpr)
        while true {
            n += 1
            enter()
            switch tok {
            case .period:
                next()
                switch tok {
                case .ident:
                    x = SelectorExpr(x: x, sel: parseIdent())
                case .lparen:
                    x = parseTypeAssertion(x)
                default:
                    let p = pos
                    errorExpected(p, "selector or type assertion")
                    if tok != .rbrace { next() }  // make progress
                    x = SelectorExpr(x: x, sel: Ident(namePos: Pos(p), name: "_"))
                }
            case .lbrack:
                x = parseIndexOrSliceOrInstance(x)
            case .lparen:
                x = parseCallOrConversion(x)
            case .lbrace:
                // operand may have returned a parenthesized complit type; accept it but complain
                let t = Parser.unparen(x)
                switch t.kind {
                case .badExpr, .ident, .selectorExpr, .indexExpr, .indexListExpr:
                    if exprLev < 0 { return x }  // x is possibly a composite literal type
                case .arrayType, .structType, .mapType:
                    break  // x is a composite literal type
                default:
                    return x
                }
                if t !== x { error(t.pos.offset, "cannot parenthesize type in composite literal") }
                x = parseLiteralValue(x)
            default:
                return x
            }
        }
    }

    static func unparen(_ x: Expr) -> Expr {
        var x = x
        while let p = x as? ParenExpr { x = p.x }
        return x
    }

    /// Operand = Literal | OperandName [ TypeArgs ] | "(" Expression ")" .
    mutating func parseOperand() -> Expr {
        switch tok {
        case .ident:
            return parseIdent()
        case .int, .float, .imag, .char, .string:
            let x = BasicLit(valuePos: Pos(pos), valueEnd: Pos(tokEnd), tokenKind: tok, source: text)
            next()
            return x
        case .lparen:
            let lparen = Pos(pos)
            next()
            exprLev += 1
            let x = parseRhs()  // types may be parenthesized: (some type)
            exprLev -= 1
            let rparen = expect(.rparen)
            return ParenExpr(lparen: lparen, x: x, rparen: rparen)
        case .func:
            return parseFuncTypeOrLit()
        default:
            break
        }
        if let type = tryIdentOrType() { return type }  // could be a conversion: (type)(x)
        let p = pos
        errorExpected(p, "operand")
        advance(to: .stmtStart)
        return BadExpr(from: Pos(p), to: Pos(pos))
    }

    mutating func parseFuncTypeOrLit() -> Expr {
        let type = parseFuncType()
        guard tok == .lbrace, let funcType = type as? FuncType else { return type }
        exprLev += 1
        let body = parseBody()
        exprLev -= 1
        return FuncLit(type: funcType, body: body)
    }

    mutating func parseTypeAssertion(_ x: Expr) -> Expr {
        let lparen = expect(.lparen)
        var type: Expr?
        if tok == .type {
            next()  // type switch: typ == nil
        } else {
            type = parseType()
        }
        let rparen = expect(.rparen)
        return TypeAssertExpr(x: x, lparen: lparen, type: type, rparen: rparen)
    }

    /// `x[i]`, `x[lo:hi]`, `x[lo:hi:max]` or `f[T1, T2]`.
    mutating func parseIndexOrSliceOrInstance(_ x: Expr) -> Expr {
        let lbrack = expect(.lbrack)
        if tok == .rbrack {
            // empty index, slice or index expressions are not permitted
            errorExpected(pos, "operand")
            let rbrack = Pos(pos)
            next()
            return IndexExpr(x: x, lbrack: lbrack, index: BadExpr(from: rbrack, to: rbrack), rbrack: rbrack)
        }
        exprLev += 1
        var args: [Expr] = []
        var index0: Expr?
        var index1: Expr?
        var index2: Expr?
        var colon0 = Pos.invalid
        var colon1 = Pos.invalid
        if tok != .colon {
            index0 = parseRhs()
        }
        var ncolons = 0
        switch tok {
        case .colon:
            while tok == .colon && ncolons < 2 {
                if ncolons == 0 { colon0 = Pos(pos) } else { colon1 = Pos(pos) }
                ncolons += 1
                next()
                if tok != .colon && tok != .rbrack && tok != .eof {
                    if ncolons == 1 { index1 = parseRhs() } else { index2 = parseRhs() }
                }
            }
        case .comma:
            // instance expression
            if let first = index0 { args.append(first) }
            while tok == .comma {
                next()
                if tok != .rbrack && tok != .eof {
                    args.append(parseType())
                }
            }
        default:
            break
        }
        exprLev -= 1
        let rbrack = expect(.rbrack)

        if ncolons > 0 {
            var slice3 = false
            if ncolons == 2 {
                slice3 = true
                if index1 == nil {
                    error(colon0.offset, "middle index required in 3-index slice")
                    index1 = BadExpr(from: colon0.advanced(by: 1), to: colon1)
                }
                if index2 == nil {
                    error(colon1.offset, "final index required in 3-index slice")
                    index2 = BadExpr(from: colon1.advanced(by: 1), to: rbrack)
                }
            }
            return SliceExpr(x: x, lbrack: lbrack, low: index0, high: index1, max: index2, slice3: slice3,
                             rbrack: rbrack)
        }
        if args.isEmpty {
            let idx = index0 ?? BadExpr(from: lbrack, to: rbrack)
            return IndexExpr(x: x, lbrack: lbrack, index: idx, rbrack: rbrack)
        }
        return Parser.packIndexExpr(x, lbrack, args, rbrack)
    }

    mutating func parseCallOrConversion(_ fun: Expr) -> CallExpr {
        let lparen = expect(.lparen)
        exprLev += 1
        var list: [Expr] = []
        var ellipsis = Pos.invalid
        while tok != .rparen && tok != .eof && !ellipsis.isValid {
            list.append(parseRhs(), reserving: 4)  // builtins may expect a type: make(some type, ...)
            if tok == .ellipsis {
                ellipsis = Pos(pos)
                next()
            }
            if !atComma("argument list", .rparen) { break }
            next()
        }
        exprLev -= 1
        let rparen = expectClosing(.rparen, "argument list")
        return CallExpr(fun: fun, lparen: lparen, args: list, ellipsis: ellipsis, rparen: rparen)
    }

    mutating func parseValue() -> Expr {
        if tok == .lbrace { return parseLiteralValue(nil) }
        return parseExpr()
    }

    mutating func parseElement() -> Expr {
        let x = parseValue()
        if tok == .colon {
            let colon = Pos(pos)
            next()
            return KeyValueExpr(key: x, colon: colon, value: parseValue())
        }
        return x
    }

    /// LiteralValue = "{" [ ElementList [ "," ] ] "}" .
    mutating func parseLiteralValue(_ type: Expr?) -> Expr {
        enter()
        defer { leave() }
        let lbrace = expect(.lbrace)
        var elts: [Expr] = []
        exprLev += 1
        while tok != .rbrace && tok != .eof {
            elts.append(parseElement(), reserving: 8)
            if !atComma("composite literal", .rbrace) { break }
            next()
        }
        exprLev -= 1
        let rbrace = expectClosing(.rbrace, "composite literal")
        return CompositeLit(type: type, lbrace: lbrace, elts: elts, rbrace: rbrace)
    }
}
