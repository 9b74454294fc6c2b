// Types, fields, parameters and type parameters. Go spec sections "Types", "Type parameter declarations".

extension Parser {
    mutating func parseIdent() -> Ident {
        let p = pos
        if tok == .ident {
            let name = lit
            next()
            return Ident(namePos: Pos(p), name: name)
        }
        expect(.ident)  // use expect() error handling
        return Ident(namePos: Pos(p), name: "_")
    }

    mutating func parseIdentList() -> [Ident] {
        var list = [parseIdent()]
        while tok == .comma {
            next()
            list.append(parseIdent())
        }
        return list
    }

    mutating func parseType() -> Expr {
        if let type = tryIdentOrType() { return type }
        let p = pos
        errorExpected(p, "type")
        advance(to: .exprEnd)
        return BadExpr(from: Pos(p), to: Pos(pos))
    }

    mutating func parseQualifiedIdent(_ ident: Ident?) -> Expr {
        let type = parseTypeName(ident)
        if tok == .lbrack { return parseTypeInstance(type) }
        return type
    }

    /// TypeName = identifier | PackageName "." identifier .
    mutating func parseTypeName(_ ident: Ident?) -> Expr {
        let ident = ident ?? parseIdent()
        if tok == .period {
            next()
            let sel = parseIdent()
            return SelectorExpr(x: ident, sel: sel)
        }
        return ident
    }

    /// ArrayType = "[" ArrayLength "]" ElementType . `len` is the already parsed length, if any.
    mutating func parseArrayType(lbrack: Pos, len: Expr?) -> Expr {
        var len = len
        if len == nil {
            exprLev += 1
            if tok == .ellipsis {
                len = Ellipsis(ellipsis: Pos(pos), elt: nil)
                next()
            } else if tok != .rbrack {
                len = parseRhs()
            }
            exprLev -= 1
        }
        if tok == .comma {
            error(pos, "unexpected comma; expecting ]")
            next()
        }
        expect(.rbrack)
        let elt = parseType()
        return ArrayType(lbrack: lbrack, len: len, elt: elt)
    }

    /// After `name [`: an array-typed field `name [N]T` or an embedded instance `T[A, B]`.
    /// Returns the field name (nil for an embedded instance) and the type.
    mutating func parseArrayFieldOrTypeInstance(_ x: Ident) -> (Ident?, Expr) {
        let lbrack = expect(.lbrack)
        var trailingComma = -1
        var args: [Expr] = []
        if tok != .rbrack {
            exprLev += 1
            args.append(parseRhs())
            while tok == .comma {
                let comma = pos
                next()
                if tok == .rbrack {
                    trailingComma = comma
                    break
                }
                args.append(parseRhs())
            }
            exprLev -= 1
        }
        let rbrack = expect(.rbrack)
        if args.isEmpty {
            let elt = parseType()
            return (x, ArrayType(lbrack: lbrack, len: nil, elt: elt))
        }
        if args.count == 1, let elt = tryIdentOrType() {
            if trailingComma >= 0 { error(trailingComma, "unexpected comma; expecting ]") }
            return (x, ArrayType(lbrack: lbrack, len: args[0], elt: elt))
        }
        return (nil, Parser.packIndexExpr(x, lbrack, args, rbrack))
    }

    /// FieldDecl = (IdentifierList Type | EmbeddedField) [ Tag ] .
    mutating func parseFieldDecl() -> Field {
        var names: [Ident] = []
        var type: Expr
        switch tok {
        case .ident:
            let name = parseIdent()
            if tok == .period || tok == .string || tok == .semicolon || tok == .rbrace {
                type = tok == .period ? parseQualifiedIdent(name) : name
            } else {
                names = [name]
                while tok == .comma {
                    next()
                    names.append(parseIdent())
                }
                if names.count == 1 && tok == .lbrack {
                    let (n, t) = parseArrayFieldOrTypeInstance(name)
                    type = t
                    if n == nil { names = [] }
                } else {
                    type = parseType()
                }
            }
        case .mul:
            let star = Pos(pos)
            next()
            if tok == .lparen {
                error(pos, "cannot parenthesize embedded type")
                next()
                type = parseQualifiedIdent(nil)
                if tok == .rparen { next() }
            } else {
                type = parseQualifiedIdent(nil)
            }
            type = StarExpr(star: star, x: type)
        case .lparen:
            error(pos, "cannot parenthesize embedded type")
            next()
            if tok == .mul {
                let star = Pos(pos)
                next()
                type = StarExpr(star: star, x: parseQualifiedIdent(nil))
            } else {
                type = parseQualifiedIdent(nil)
            }
            if tok == .rparen { next() }
        default:
            let p = pos
            errorExpected(p, "field name or embedded type")
            advance(to: .exprEnd)
            type = BadExpr(from: Pos(p), to: Pos(pos))
        }
        var tag: BasicLit?
        if tok == .string {
            tag = BasicLit(valuePos: Pos(pos), valueEnd: Pos(tokEnd), tokenKind: .string, source: text)
            next()
        }
        expectSemi()
        return Field(names: names, type: type, tag: tag)
    }

    mutating func parseStructType() -> Expr {
        let structPos = expect(.struct)
        let lbrace = expect(.lbrace)
        var list: [Field] = []
        while tok == .ident || tok == .mul || tok == .lparen {
            list.append(parseFieldDecl(), reserving: 8)
        }
        let rbrace = expect(.rbrace)
        return StructType(structPos: structPos, fields: FieldList(opening: lbrace, list: list, closing: rbrace))
    }

    mutating func parsePointerType() -> Expr {
        let star = expect(.mul)
        let base = parseType()
        return StarExpr(star: star, x: base)
    }

    mutating func parseDotsType() -> Expr {
        let p = expect(.ellipsis)
        let elt = parseType()
        return Ellipsis(ellipsis: p, elt: elt)
    }

    mutating func parseMapType() -> Expr {
        let mapPos = expect(.map)
        expect(.lbrack)
        let key = parseType()
        expect(.rbrack)
        let value = parseType()
        return MapType(mapPos: mapPos, key: key, value: value)
    }

    mutating func parseChanType() -> Expr {
        let p = Pos(pos)
        var dir = ChanDir.both
        var arrow = Pos.invalid
        if tok == .chan {
            next()
            if tok == .arrow {
                arrow = Pos(pos)
                next()
                dir = .send
            }
        } else {
            arrow = expect(.arrow)
            expect(.chan)
            dir = .recv
        }
        let value = parseType()
        return ChanType(begin: p, arrow: arrow, dir: dir, value: value)
    }

    /// `T[A, B]`: instantiation of a generic type.
    mutating func parseTypeInstance(_ type: Expr) -> Expr {
        let opening = expect(.lbrack)
        exprLev += 1
        var list: [Expr] = []
        while tok != .rbrack && tok != .eof {
            list.append(parseType())
            if !atComma("type argument list", .rbrack) { break }
            next()
        }
        exprLev -= 1
        let closing = expectClosing(.rbrack, "type argument list")
        if list.isEmpty {
            errorExpected(closing.offset, "type argument list")
            return IndexExpr(x: type, lbrack: opening, index: BadExpr(from: opening.advanced(by: 1), to: closing),
                             rbrack: closing)
        }
        return Parser.packIndexExpr(type, opening, list, closing)
    }

    /// A type, or nil (without consuming anything) when the current token cannot start one.
    mutating func tryIdentOrType() -> Expr? {
        enter()
        defer { leave() }
        switch tok {
        case .ident:
            let type = parseTypeName(nil)
            if tok == .lbrack { return parseTypeInstance(type) }
            return type
        case .lbrack:
            let lbrack = expect(.lbrack)
            return parseArrayType(lbrack: lbrack, len: nil)
        case .struct:
            return parseStructType()
        case .mul:
            return parsePointerType()
        case .func:
            return parseFuncType()
        case .interface:
            return parseInterfaceType()
        case .map:
            return parseMapType()
        case .chan, .arrow:
            return parseChanType()
        case .lparen:
            let lparen = Pos(pos)
            next()
            let type = parseType()
            let rparen = expect(.rparen)
            return ParenExpr(lparen: lparen, x: type, rparen: rparen)
        default:
            return nil
        }
    }

    static func packIndexExpr(_ x: Expr, _ lbrack: Pos, _ exprs: [Expr], _ rbrack: Pos) -> Expr {
        if exprs.count == 1 {
            return IndexExpr(x: x, lbrack: lbrack, index: exprs[0], rbrack: rbrack)
        }
        if exprs.isEmpty {
            return IndexExpr(x: x, lbrack: lbrack, index: BadExpr(from: lbrack, to: rbrack), rbrack: rbrack)
        }
        return IndexListExpr(x: x, lbrack: lbrack, indices: exprs, rbrack: rbrack)
    }
}
