// Source files and declarations. Go spec sections "Source file organization", "Declarations and scope".

extension Parser {
    /// SourceFile = PackageClause ";" { ImportDecl ";" } { TopLevelDecl ";" } .
    mutating func parseFile() -> ParseResult {
        let packagePos = expect(.package)
        let name = parseIdent()
        expectSemi()

        var decls: [Decl] = []
        while tok == .import {
            decls.append(parseGenDecl(.import), reserving: 16)
        }
        var prev = Token.import
        while tok != .eof {
            if tok == .import && prev != .import {
                error(pos, "imports must appear before other declarations")
            }
            prev = tok
            decls.append(parseDecl(sync: .declStart), reserving: 16)
        }
        let diagnostics = diagnostics()
        let file = File(
            path: path, package: packagePos, name: name, decls: decls, imports: imports, comments: comments,
            text: text)
        return ParseResult(file: file, diagnostics: diagnostics)
    }

    mutating func parseDecl(sync: TokenSet) -> Decl {
        switch tok {
        case .import, .const, .var, .type:
            return parseGenDecl(tok)
        case .func:
            return parseFuncDecl()
        default:
            let p = pos
            errorExpected(p, "declaration")
            advance(to: sync)
            return BadDecl(from: Pos(p), to: Pos(pos))
        }
    }

    /// GenDecl = keyword ( Spec | "(" { Spec ";" } ")" ) .
    mutating func parseGenDecl(_ keyword: Token) -> GenDecl {
        let tokPos = expect(keyword)
        var lparen = Pos.invalid
        var rparen = Pos.invalid
        var specs: [Spec] = []
        if tok == .lparen {
            lparen = Pos(pos)
            next()
            while tok != .rparen && tok != .eof {
                specs.append(parseSpec(keyword), reserving: 8)
            }
            rparen = expect(.rparen)
            expectSemi()
        } else {
            specs.append(parseSpec(keyword))
        }
        return GenDecl(tokPos: tokPos, tok: keyword, lparen: lparen, specs: specs, rparen: rparen)
    }

    mutating func parseSpec(_ keyword: Token) -> Spec {
        switch keyword {
        case .import: return parseImportSpec()
        case .type: return parseTypeSpec()
        default: return parseValueSpec(keyword)
        }
    }

    mutating func parseImportSpec() -> Spec {
        var ident: Ident?
        switch tok {
        case .ident:
            ident = parseIdent()
        case .period:
            ident = Ident(namePos: Pos(pos), name: ".")
            next()
        default:
            break
        }
        let p = pos
        var end = pos
        if tok == .string {
            end = tokEnd
            next()
        } else if tok.isLiteral {
            error(p, "import path must be a string")
            next()
        } else {
            error(p, "missing import path")
            advance(to: .exprEnd)
        }
        expectSemi()
        let spec = ImportSpec(
            name: ident, path: BasicLit(valuePos: Pos(p), valueEnd: Pos(end), tokenKind: .string, source: text))
        imports.append(spec)
        return spec
    }

    mutating func parseValueSpec(_ keyword: Token) -> Spec {
        let idents = parseIdentList()
        var type: Expr?
        var values: [Expr] = []
        if keyword == .const {
            if tok != .eof && tok != .semicolon && tok != .rparen {
                type = tryIdentOrType()
                if tok == .assign {
                    next()
                    values = parseList(inRhs: true)
                }
            }
        } else {
            if tok != .assign { type = parseType() }
            if tok == .assign {
                next()
                values = parseList(inRhs: true)
            }
        }
        expectSemi()
        return ValueSpec(names: idents, type: type, values: values)
    }

    /// TypeSpec = identifier [ TypeParameters ] [ "=" ] Type . Resolves `type A[N] T` (array) against
    /// `type A[P C] T` (generic) as `go/parser` does.
    mutating func parseTypeSpec() -> Spec {
        let name = parseIdent()
        if tok == .lbrack {
            let lbrack = Pos(pos)
            next()
            if tok == .ident {
                var x: Expr = parseIdent()
                if tok != .lbrack {
                    exprLev += 1
                    let lhs = parsePrimaryExpr(x)
                    x = parseBinaryExpr(lhs, Token.lowestPrecedence + 1)
                    exprLev -= 1
                }
                let (pname, ptype) = Parser.extractName(x, force: tok == .comma)
                if let pname, ptype != nil || tok != .rbrack {
                    return parseGenericType(name: name, open: lbrack, name0: pname, type0: ptype)
                }
                let type = parseArrayType(lbrack: lbrack, len: x)
                expectSemi()
                return TypeSpec(name: name, typeParams: nil, assign: .invalid, type: type)
            }
            let type = parseArrayType(lbrack: lbrack, len: nil)
            expectSemi()
            return TypeSpec(name: name, typeParams: nil, assign: .invalid, type: type)
        }
        var assign = Pos.invalid
        if tok == .assign {
            assign = Pos(pos)
            next()
        }
        let type = parseType()
        expectSemi()
        return TypeSpec(name: name, typeParams: nil, assign: assign, type: type)
    }

    mutating func parseGenericType(name: Ident, open: Pos, name0: Ident, type0: Expr?) -> Spec {
        let list = parseParameterList(name0: name0, type0: type0, closing: .rbrack, dddOK: false)
        let close = expect(.rbrack)
        let typeParams = FieldList(opening: open, list: list, closing: close)
        var assign = Pos.invalid
        if tok == .assign {
            assign = Pos(pos)
            next()
        }
        let type = parseType()
        expectSemi()
        return TypeSpec(name: name, typeParams: typeParams, assign: assign, type: type)
    }

    /// Splits `x` into a type parameter name and its constraint when `x` has the form `P C`, `P *C`,
    /// `P (C)` or `P C | D` parsed as an expression (`go/parser`'s `extractName`).
    static func extractName(_ x: Expr, force: Bool) -> (Ident?, Expr?) {
        switch x {
        case let x as Ident:
            return (x, nil)
        case let x as BinaryExpr:
            switch x.op {
            case .mul:
                if let name = x.x as? Ident, force || isTypeElem(x.y) {
                    return (name, StarExpr(star: x.opPos, x: x.y))
                }
            case .or:
                let (name, lhs) = extractName(x.x, force: force || isTypeElem(x.y))
                if let name, let lhs {
                    return (name, BinaryExpr(x: lhs, opPos: x.opPos, op: x.op, y: x.y))
                }
            default:
                break
            }
        case let x as CallExpr:
            if let name = x.fun as? Ident, x.args.count == 1, !x.ellipsis.isValid, force || isTypeElem(x.args[0]) {
                return (name, ParenExpr(lparen: x.lparen, x: x.args[0], rparen: x.rparen))
            }
        default:
            break
        }
        return (nil, x)
    }

    /// Whether `x` is certainly a type element (not an expression).
    static func isTypeElem(_ x: Expr) -> Bool {
        switch x {
        case is ArrayType, is StructType, is FuncType, is InterfaceType, is MapType, is ChanType:
            return true
        case let x as BinaryExpr:
            return isTypeElem(x.x) || isTypeElem(x.y)
        case let x as UnaryExpr:
            return x.op == .tilde
        case let x as ParenExpr:
            return isTypeElem(x.x)
        default:
            return false
        }
    }

    /// FunctionDecl / MethodDecl.
    mutating func parseFuncDecl() -> FuncDecl {
        let funcPos = expect(.func)
        var recv: FieldList?
        if tok == .lparen {
            recv = parseParameters(result: false)
        }
        let ident = parseIdent()
        var typeParams: FieldList?
        if tok == .lbrack {
            typeParams = parseTypeParameters()
        }
        let params = parseParameters(result: false) ?? FieldList(opening: .invalid, list: [], closing: .invalid)
        let results = parseParameters(result: true)

        var body: BlockStmt?
        switch tok {
        case .lbrace:
            body = parseBody()
            expectSemi()
        case .semicolon:
            next()
            if tok == .lbrace {
                error(pos, "unexpected semicolon or newline before {")
                body = parseBody()
                expectSemi()
            }
        default:
            expectSemi()
        }
        let type = FuncType(funcPos: funcPos, typeParams: typeParams, params: params, results: results)
        return FuncDecl(recv: recv, name: ident, type: type, body: body)
    }
}
