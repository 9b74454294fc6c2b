// Statements. Go spec section "Statements".

extension Parser {
    /// The contexts a simple statement may appear in.
    enum SimpleStmtMode {
        case basic, labelOK, rangeOK
    }

    mutating func parseStmtList() -> [Stmt] {
        var list: [Stmt] = []
        while tok != .case && tok != .default && tok != .rbrace && tok != .eof {
            list.append(parseStmt(), reserving: 8)
        }
        return list
    }

    mutating func parseBody() -> BlockStmt {
        let lbrace = expect(.lbrace)
        let list = parseStmtList()
        let rbrace = expect2(.rbrace)
        return BlockStmt(lbrace: lbrace, list: list, rbrace: rbrace)
    }

    mutating func parseBlockStmt() -> BlockStmt { parseBody() }

    mutating func parseStmt() -> Stmt {
        enter()
        defer { leave() }
        switch tok {
        case .const, .type, .var:
            return DeclStmt(decl: parseDecl(sync: .stmtStart))
        case .ident, .int, .float, .imag, .char, .string, .func, .lparen,  // operands
            .lbrack, .struct, .map, .chan, .interface,  // composite types
            .add, .sub, .mul, .and, .xor, .arrow, .not:  // unary operators
            let (s, _) = parseSimpleStmt(.labelOK)
            // because of the required look-ahead, labeled statements are parsed by parseSimpleStmt
            if !(s is LabeledStmt) { expectSemi() }
            return s
        case .go:
            return parseGoOrDeferStmt()
        case .defer:
            return parseGoOrDeferStmt()
        case .return:
            return parseReturnStmt()
        case .break, .continue, .goto, .fallthrough:
            return parseBranchStmt(tok)
        case .lbrace:
            let s = parseBlockStmt()
            expectSemi()
            return s
        case .if:
            return parseIfStmt()
        case .switch:
            return parseSwitchStmt()
        case .select:
            return parseSelectStmt()
        case .for:
            return parseForStmt()
        case .semicolon:
            let s = EmptyStmt(semicolon: Pos(pos), implicit: isNewlineSemi)
            next()
            return s
        case .rbrace:
            // a semicolon may be omitted before a closing "}"
            return EmptyStmt(semicolon: Pos(pos), implicit: true)
        default:
            let p = pos
            errorExpected(p, "statement")
            advance(to: .stmtStart)
            return BadStmt(from: Pos(p), to: Pos(pos))
        }
    }

    /// SimpleStmt: expression, send, inc/dec, assignment, short variable declaration; also labeled
    /// statements (`.labelOK`) and range clauses (`.rangeOK`, then the Bool result is true).
    mutating func parseSimpleStmt(_ mode: SimpleStmtMode) -> (Stmt, Bool) {
        // The first expression is parsed on its own: most statements have a single one, and they need
        // no array.
        let oldRhs = inRhs
        inRhs = false
        let x0 = parseExpr()
        var lhs: [Expr]?
        if tok == .comma {
            var list = [x0]
            while tok == .comma {
                next()
                list.append(parseExpr(), reserving: 4)
            }
            lhs = list
        }
        inRhs = oldRhs
        switch tok {
        case .define, .assign, .addAssign, .subAssign, .mulAssign, .quoAssign, .remAssign, .andAssign,
            .orAssign, .xorAssign, .shlAssign, .shrAssign, .andNotAssign:
            let x = lhs ?? [x0]
            let p = Pos(pos)
            let t = tok
            next()
            if mode == .rangeOK && tok == .range && (t == .define || t == .assign) {
                let rangePos = Pos(pos)
                next()
                let y = UnaryExpr(opPos: rangePos, op: .range, x: parseRhs())
                return (AssignStmt(lhs: x, tokPos: p, tok: t, rhs: [y]), true)
            }
            return (AssignStmt(lhs: x, tokPos: p, tok: t, rhs: parseList(inRhs: true)), false)
        default:
            break
        }
        if lhs != nil {
            errorExpected(x0.pos.offset, "1 expression")
            // continue with first expression
        }
        switch tok {
        case .colon:
            let colon = Pos(pos)
            next()
            if mode == .labelOK, let label = x0 as? Ident {
                // Go spec: the scope of a label is the body of the function in which it is declared
                return (LabeledStmt(label: label, colon: colon, stmt: parseStmt()), false)
            }
            error(colon.offset, "illegal label declaration")
            return (BadStmt(from: x0.pos, to: colon.advanced(by: 1)), false)
        case .arrow:
            let arrow = Pos(pos)
            next()
            let y = parseRhs()
            return (SendStmt(chan: x0, arrow: arrow, value: y), false)
        case .inc, .dec:
            let s = IncDecStmt(x: x0, tokPos: Pos(pos), tok: tok)
            next()
            return (s, false)
        default:
            return (ExprStmt(x: x0), false)
        }
    }

    /// The call of a `go` or `defer` statement (Go spec "Go statements", "Defer statements").
    private mutating func parseGoOrDeferStmt() -> Stmt {
        let keyword = tok
        let p = expect(keyword)
        let name = keyword == .go ? "go" : "defer"
        var call: CallExpr?
        var x = parseRhs()  // could be a conversion: (some type)(x)
        let t = Parser.unparen(x)
        if t !== x {
            error(x.pos.offset, "expression in \(name) must not be parenthesized")
            x = t
        }
        if let c = x as? CallExpr {
            call = c
        } else if !(x is BadExpr) {
            error(x.end.offset, "expression in \(name) must be function call")
        }
        expectSemi()
        guard let call else { return BadStmt(from: p, to: p.advanced(by: name.utf8.count)) }
        return keyword == .go ? GoStmt(goPos: p, call: call) : DeferStmt(deferPos: p, call: call)
    }

    mutating func parseReturnStmt() -> Stmt {
        let p = Pos(pos)
        expect(.return)
        var x: [Expr] = []
        if tok != .semicolon && tok != .rbrace {
            x = parseList(inRhs: true)
        }
        expectSemi()
        return ReturnStmt(returnPos: p, results: x)
    }

    mutating func parseBranchStmt(_ keyword: Token) -> Stmt {
        let p = expect(keyword)
        var label: Ident?
        if keyword == .goto || ((keyword == .continue || keyword == .break) && tok == .ident) {
            label = parseIdent()
        }
        expectSemi()
        return BranchStmt(tokPos: p, tok: keyword, label: label)
    }

    /// The expression of an expression statement, or an error (and a ``BadExpr``) for another statement.
    mutating func makeExpr(_ s: Stmt?, want: String) -> Expr? {
        guard let s else { return nil }
        if let es = s as? ExprStmt { return es.x }
        let found = s is AssignStmt ? "assignment" : "simple statement"
        error(s.pos.offset, "expected \(want), found \(found) (missing parentheses around composite literal?)")
        return BadExpr(from: s.pos, to: s.end)
    }
}
