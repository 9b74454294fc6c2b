// Control-flow statements: if, switch, type switch, select, for and range. Go spec sections "If
// statements", "Switch statements", "Select statements", "For statements".
//
// Headers are parsed with `exprLev = -1`, so that `if x == T{} {` is read as the condition `x == T`
// followed by the body (the composite-literal ambiguity of the spec's "Composite literals" section).

extension Parser {
    mutating func parseIfHeader() -> (Stmt?, Expr) {
        if tok == .lbrace {
            error(pos, "missing condition in if statement")
            return (nil, BadExpr(from: Pos(pos), to: Pos(pos)))
        }
        let prevLev = exprLev
        exprLev = -1
        defer { exprLev = prevLev }

        var initStmt: Stmt?
        if tok != .semicolon {
            // accept potential variable declaration but complain
            if tok == .var {
                next()
                error(pos, "var declaration not allowed in if initializer")
            }
            initStmt = parseSimpleStmt(.basic).0
        }
        var condStmt: Stmt?
        var semiPos = -1
        var semiIsNewline = false
        if tok != .lbrace {
            if tok == .semicolon {
                semiPos = pos
                semiIsNewline = isNewlineSemi
                next()
            } else {
                expect(.semicolon)
            }
            if tok != .lbrace {
                condStmt = parseSimpleStmt(.basic).0
            }
        } else {
            condStmt = initStmt
            initStmt = nil
        }
        var cond: Expr?
        if condStmt != nil {
            cond = makeExpr(condStmt, want: "boolean expression")
        } else if semiPos >= 0 {
            error(semiPos, semiIsNewline ? "unexpected newline, expecting { after if clause"
                : "missing condition in if statement")
        }
        return (initStmt, cond ?? BadExpr(from: Pos(pos), to: Pos(pos)))
    }

    mutating func parseIfStmt() -> Stmt {
        enter()
        defer { leave() }
        let ifPos = expect(.if)
        let (initStmt, cond) = parseIfHeader()
        let body = parseBlockStmt()
        var elseStmt: Stmt?
        if tok == .else {
            next()
            switch tok {
            case .if:
                elseStmt = parseIfStmt()
            case .lbrace:
                elseStmt = parseBlockStmt()
                expectSemi()
            default:
                errorExpected(pos, "if statement or block")
                elseStmt = BadStmt(from: Pos(pos), to: Pos(pos))
            }
        } else {
            expectSemi()
        }
        return IfStmt(ifPos: ifPos, initStmt: initStmt, cond: cond, body: body, elseStmt: elseStmt)
    }

    mutating func parseCaseClause() -> CaseClause {
        let p = Pos(pos)
        var list: [Expr] = []
        if tok == .case {
            next()
            list = parseList(inRhs: true)
        } else {
            expect(.default)
        }
        let colon = expect(.colon)
        let body = parseStmtList()
        return CaseClause(casePos: p, list: list, colon: colon, body: body)
    }

    static func isTypeSwitchAssert(_ x: Expr) -> Bool {
        if let a = x as? TypeAssertExpr { return a.type == nil }
        return false
    }

    mutating func isTypeSwitchGuard(_ s: Stmt?) -> Bool {
        switch s {
        case let t as ExprStmt:
            return Parser.isTypeSwitchAssert(t.x)  // x.(type)
        case let t as AssignStmt:
            // v := x.(type)
            if t.lhs.count == 1 && t.rhs.count == 1 && Parser.isTypeSwitchAssert(t.rhs[0]) {
                switch t.tok {
                case .assign:
                    // permit v = x.(type) but complain
                    error(t.tokPos.offset, "expected ':=', found '='")
                    return true
                case .define:
                    return true
                default:
                    break
                }
            }
        default:
            break
        }
        return false
    }

    mutating func parseSwitchStmt() -> Stmt {
        let switchPos = expect(.switch)
        var s1: Stmt?
        var s2: Stmt?
        if tok != .lbrace {
            let prevLev = exprLev
            exprLev = -1
            if tok != .semicolon {
                s2 = parseSimpleStmt(.basic).0
            }
            if tok == .semicolon {
                next()
                s1 = s2
                s2 = nil
                if tok != .lbrace {
                    // A TypeSwitchGuard may declare a variable in addition to the variable declared
                    // in the initial SimpleStmt.
                    s2 = parseSimpleStmt(.basic).0
                }
            }
            exprLev = prevLev
        }
        let typeSwitch = isTypeSwitchGuard(s2)
        let lbrace = expect(.lbrace)
        var list: [Stmt] = []
        while tok == .case || tok == .default {
            list.append(parseCaseClause(), reserving: 4)
        }
        let rbrace = expect(.rbrace)
        expectSemi()
        let body = BlockStmt(lbrace: lbrace, list: list, rbrace: rbrace)
        if typeSwitch, let s2 {
            return TypeSwitchStmt(switchPos: switchPos, initStmt: s1, assign: s2, body: body)
        }
        return SwitchStmt(switchPos: switchPos, initStmt: s1, tag: makeExpr(s2, want: "switch expression"),
                          body: body)
    }

    mutating func parseCommClause() -> CommClause {
        let p = Pos(pos)
        var comm: Stmt?
        if tok == .case {
            next()
            var lhs = parseList(inRhs: false)
            if tok == .arrow {
                // SendStmt
                if lhs.count > 1 {
                    errorExpected(lhs[0].pos.offset, "1 expression")
                    // continue with first expression
                }
                let arrow = Pos(pos)
                next()
                let rhs = parseRhs()
                comm = SendStmt(chan: lhs[0], arrow: arrow, value: rhs)
            } else if tok == .assign || tok == .define {
                // RecvStmt with assignment
                let t = tok
                if lhs.count > 2 {
                    errorExpected(lhs[0].pos.offset, "1 or 2 expressions")
                    lhs = Array(lhs[0..<2])
                }
                let tokPos = Pos(pos)
                next()
                let rhs = parseRhs()
                comm = AssignStmt(lhs: lhs, tokPos: tokPos, tok: t, rhs: [rhs])
            } else {
                // lhs must be a single receive operation
                if lhs.count > 1 {
                    errorExpected(lhs[0].pos.offset, "1 expression")
                }
                comm = ExprStmt(x: lhs[0])
            }
        } else {
            expect(.default)
        }
        let colon = expect(.colon)
        let body = parseStmtList()
        return CommClause(casePos: p, comm: comm, colon: colon, body: body)
    }

    mutating func parseSelectStmt() -> Stmt {
        let selectPos = expect(.select)
        let lbrace = expect(.lbrace)
        var list: [Stmt] = []
        while tok == .case || tok == .default {
            list.append(parseCommClause(), reserving: 4)
        }
        let rbrace = expect(.rbrace)
        expectSemi()
        return SelectStmt(selectPos: selectPos, body: BlockStmt(lbrace: lbrace, list: list, rbrace: rbrace))
    }

    mutating func parseForStmt() -> Stmt {
        let forPos = expect(.for)
        var s1: Stmt?
        var s2: Stmt?
        var s3: Stmt?
        var isRange = false
        // for a range clause without variables: the position of `range` and the ranged value
        var bareRange: (Pos, Expr)?
        if tok != .lbrace {
            let prevLev = exprLev
            exprLev = -1
            if tok != .semicolon {
                if tok == .range {
                    // for range x (nil lhs in assignment)
                    let rangePos = Pos(pos)
                    next()
                    bareRange = (rangePos, parseRhs())
                    isRange = true
                } else {
                    (s2, isRange) = parseSimpleStmt(.rangeOK)
                }
            }
            if !isRange && tok == .semicolon {
                next()
                s1 = s2
                s2 = nil
                if tok != .semicolon {
                    s2 = parseSimpleStmt(.basic).0
                }
                expectSemi()
                if tok != .lbrace {
                    s3 = parseSimpleStmt(.basic).0
                }
            }
            exprLev = prevLev
        }
        let body = parseBlockStmt()
        expectSemi()

        if let (rangePos, x) = bareRange {
            return RangeStmt(forPos: forPos, key: nil, value: nil, tokPos: .invalid, tok: .illegal,
                             rangePos: rangePos, x: x, body: body)
        }
        if isRange, let a = s2 as? AssignStmt, let r = a.rhs.first as? UnaryExpr {
            var key: Expr?
            var value: Expr?
            switch a.lhs.count {
            case 0:
                break
            case 1:
                key = a.lhs[0]
            case 2:
                key = a.lhs[0]
                value = a.lhs[1]
            default:
                errorExpected(a.lhs[a.lhs.count - 1].pos.offset, "at most 2 expressions")
                return BadStmt(from: forPos, to: body.end)
            }
            return RangeStmt(forPos: forPos, key: key, value: value, tokPos: a.tokPos, tok: a.tok,
                             rangePos: r.opPos, x: r.x, body: body)
        }
        return ForStmt(forPos: forPos, initStmt: s1, cond: makeExpr(s2, want: "boolean or range expression"),
                       post: s3, body: body)
    }
}
