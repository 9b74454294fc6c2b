// Signatures, parameter lists, type parameters and interfaces. Go spec sections "Function types",
// "Interface types", "Type parameter declarations".

extension Parser {
    /// A parameter while a parameter list is being read: name and/or type.
    struct ParamEntry {
        var name: Ident?
        var type: Expr?
    }

    mutating func parseParamDecl(_ name: Ident?, typeSetsOK: Bool) -> ParamEntry {
        var f = ParamEntry()
        if name == nil && typeSetsOK && tok == .tilde {
            return ParamEntry(name: nil, type: embeddedElem(nil))
        }
        if name != nil || tok == .ident {
            f.name = name ?? parseIdent()
            switch tok {
            case .ident, .mul, .arrow, .func, .chan, .map, .struct, .interface, .lparen:
                f.type = parseType()
            case .lbrack:
                if let n = f.name {
                    (f.name, f.type) = parseArrayFieldOrTypeInstance(n)
                }
            case .ellipsis:
                f.type = parseDotsType()
                return f  // don't allow ...type "|" ...
            case .period:
                f.type = parseQualifiedIdent(f.name)
                f.name = nil
            case .tilde:
                if typeSetsOK {
                    f.type = embeddedElem(nil)
                    return f
                }
            case .or:
                if typeSetsOK {
                    f.type = embeddedElem(f.name)
                    f.name = nil
                    return f
                }
            default:
                break
            }
        } else {
            switch tok {
            case .mul, .arrow, .func, .lbrack, .chan, .map, .struct, .interface, .lparen:
                f.type = parseType()
            case .ellipsis:
                f.type = parseDotsType()
                return f
            default:
                errorExpected(pos, "')'")
                advance(to: .exprEnd)
            }
        }
        if typeSetsOK && tok == .or, let t = f.type {
            f.type = embeddedElem(t)
        }
        return f
    }

    /// ParameterList, grouping `a, b int` into one field; also type parameter lists (`closing` `]`).
    mutating func parseParameterList(name0: Ident?, type0: Expr?, closing: Token, dddOK: Bool) -> [Field] {
        let tparams = closing == .rbrack
        var name0 = name0
        var type0 = type0
        let pos0 = name0?.pos.offset ?? type0?.pos.offset ?? pos

        var list: [ParamEntry] = []
        var named = 0  // parameters with an explicit name and type
        var typed = 0  // parameters with an explicit type
        while name0 != nil || (tok != closing && tok != .eof) {
            var par: ParamEntry
            if let t0 = type0 {
                par = ParamEntry(name: name0, type: tparams ? embeddedElem(t0) : t0)
            } else {
                par = parseParamDecl(name0, typeSetsOK: tparams)
            }
            name0 = nil
            type0 = nil
            if par.name != nil || par.type != nil {
                list.append(par, reserving: 4)
                if par.name != nil && par.type != nil { named += 1 }
                if par.type != nil { typed += 1 }
            }
            if !atComma("parameter list", closing) { break }
            next()
        }
        if list.isEmpty { return [] }

        if named == 0 {
            // all unnamed => found names are type names
            for i in list.indices where list[i].name != nil {
                list[i].type = list[i].name
                list[i].name = nil
            }
            if tparams {
                if named == typed {
                    error(pos, "missing type constraint")
                } else {
                    error(pos0, list.count == 1 ? "missing type parameter name or invalid array length"
                        : "missing type parameter name")
                }
            }
        } else if named != list.count {
            // some named or we're in a type parameter list => all must be named
            var errPos = -1
            var type: Expr?
            for i in list.indices.reversed() {
                if let t = list[i].type {
                    type = t
                    if list[i].name == nil {
                        errPos = t.pos.offset
                        list[i].name = Ident(namePos: t.pos, name: "_")
                    }
                } else if let t = type {
                    list[i].type = t
                } else {
                    let np = list[i].name?.pos ?? Pos(pos)
                    errPos = np.offset
                    list[i].type = BadExpr(from: np, to: Pos(pos))
                }
            }
            if errPos >= 0 {
                if named == typed {
                    error(pos, tparams ? "missing type constraint" : "missing parameter type")
                } else if tparams {
                    error(errPos, list.count == 1 ? "missing type parameter name or invalid array length"
                        : "missing type parameter name")
                } else {
                    error(errPos, "missing parameter name")
                }
            }
        }

        // check use of ...
        var first = true
        for i in list.indices {
            if let t = list[i].type as? Ellipsis, !dddOK || i + 1 < list.count {
                if first {
                    first = false
                    error(t.ellipsis.offset, dddOK ? "can only use ... with final parameter" : "invalid use of ...")
                }
                list[i].type = BadExpr(from: t.pos, to: t.end)
            }
        }

        var params: [Field] = []
        if named == 0 {
            for par in list {
                if let t = par.type { params.append(Field(names: [], type: t, tag: nil)) }
            }
            return params
        }
        var names: [Ident] = []
        var type: Expr?
        for par in list {
            if par.type !== type {
                if !names.isEmpty, let t = type {
                    params.append(Field(names: names, type: t, tag: nil), reserving: 4)
                    names = []
                }
                type = par.type
            }
            if let n = par.name { names.append(n) }
        }
        if !names.isEmpty, let t = type {
            params.append(Field(names: names, type: t, tag: nil))
        }
        return params
    }

    /// TypeParameters = "[" TypeParamList [ "," ] "]" . Nil (after an error) when empty.
    mutating func parseTypeParameters() -> FieldList? {
        let lbrack = expect(.lbrack)
        var list: [Field] = []
        if tok != .rbrack {
            list = parseParameterList(name0: nil, type0: nil, closing: .rbrack, dddOK: false)
        }
        let rbrack = expect(.rbrack)
        if list.isEmpty {
            error(rbrack.offset, "empty type parameter list")
            return nil
        }
        return FieldList(opening: lbrack, list: list, closing: rbrack)
    }

    /// Parameters, or (for results) a parenthesized list or a single unparenthesized type.
    mutating func parseParameters(result: Bool) -> FieldList? {
        if !result || tok == .lparen {
            let lparen = expect(.lparen)
            var list: [Field] = []
            if tok != .rparen {
                list = parseParameterList(name0: nil, type0: nil, closing: .rparen, dddOK: !result)
            }
            let rparen = expect(.rparen)
            return FieldList(opening: lparen, list: list, closing: rparen)
        }
        if let type = tryIdentOrType() {
            return FieldList(opening: .invalid, list: [Field(names: [], type: type, tag: nil)], closing: .invalid)
        }
        return nil
    }

    mutating func parseFuncType() -> Expr {
        let funcPos = expect(.func)
        if tok == .lbrack, let tparams = parseTypeParameters() {
            error(tparams.opening.offset, "function type must have no type parameters")
        }
        let params = parseParameters(result: false) ?? FieldList(opening: .invalid, list: [], closing: .invalid)
        let results = parseParameters(result: true)
        return FuncType(funcPos: funcPos, typeParams: nil, params: params, results: results)
    }

    mutating func parseSignature(funcPos: Pos) -> FuncType {
        let params = parseParameters(result: false) ?? FieldList(opening: .invalid, list: [], closing: .invalid)
        let results = parseParameters(result: true)
        return FuncType(funcPos: funcPos, typeParams: nil, params: params, results: results)
    }

    /// MethodElem or an embedded type name / instance inside an interface.
    mutating func parseMethodSpec() -> Field {
        let x = parseTypeName(nil)
        guard let ident = x as? Ident else {
            return Field(names: [], type: tok == .lbrack ? parseTypeInstance(x) : x, tag: nil)
        }
        switch tok {
        case .lbrack:
            // generic method or embedded instantiated type
            let lbrack = Pos(pos)
            next()
            exprLev += 1
            let x = parseExpr()
            exprLev -= 1
            if let name0 = x as? Ident, tok != .comma && tok != .rbrack {
                // generic method m[T any]
                _ = parseParameterList(name0: name0, type0: nil, closing: .rbrack, dddOK: false)
                expect(.rbrack)
                error(lbrack.offset, "interface method must have no type parameters")
                return Field(names: [ident], type: parseSignature(funcPos: .invalid), tag: nil)
            }
            // embedded instantiated type
            var list = [x]
            if atComma("type argument list", .rbrack) {
                exprLev += 1
                next()
                while tok != .rbrack && tok != .eof {
                    list.append(parseType())
                    if !atComma("type argument list", .rbrack) { break }
                    next()
                }
                exprLev -= 1
            }
            let rbrack = expectClosing(.rbrack, "type argument list")
            return Field(names: [], type: Parser.packIndexExpr(ident, lbrack, list, rbrack), tag: nil)
        case .lparen:
            return Field(names: [ident], type: parseSignature(funcPos: .invalid), tag: nil)
        default:
            return Field(names: [], type: x, tag: nil)
        }
    }

    /// A union of terms `A | ~B | …`, starting with `x` if given.
    mutating func embeddedElem(_ x: Expr?) -> Expr {
        var x = x ?? embeddedTerm()
        var n = 0
        defer { nestLev -= n }  // each term deepens the tree (see parseBinaryExpr)
        while tok == .or {
            n += 1
            enter()
            let opPos = Pos(pos)
            next()
            let y = embeddedTerm()
            x = BinaryExpr(x: x, opPos: opPos, op: .or, y: y)
        }
        return x
    }

    mutating func embeddedTerm() -> Expr {
        if tok == .tilde {
            let opPos = Pos(pos)
            next()
            let type = parseType()
            return UnaryExpr(opPos: opPos, op: .tilde, x: type)
        }
        if let t = tryIdentOrType() { return t }
        let p = pos
        errorExpected(p, "~ term or type")
        advance(to: .exprEnd)
        return BadExpr(from: Pos(p), to: Pos(pos))
    }

    mutating func parseInterfaceType() -> Expr {
        let interfacePos = expect(.interface)
        let lbrace = expect(.lbrace)
        var list: [Field] = []
        loop: while true {
            switch tok {
            case .ident:
                var f = parseMethodSpec()
                if f.names.isEmpty {
                    f = Field(names: [], type: embeddedElem(f.type), tag: nil)
                }
                expectSemi()
                list.append(f, reserving: 4)
            case .tilde:
                let type = embeddedElem(nil)
                expectSemi()
                list.append(Field(names: [], type: type, tag: nil))
            default:
                guard let t = tryIdentOrType() else { break loop }
                let type = embeddedElem(t)
                expectSemi()
                list.append(Field(names: [], type: type, tag: nil))
            }
        }
        let rbrace = expect(.rbrace)
        return InterfaceType(interfacePos: interfacePos, methods: FieldList(opening: lbrace, list: list, closing: rbrace))
    }
}
