// Specs and declarations (go/ast: ImportSpec … FuncDecl). Go spec section "Declarations and scope".

/// An import: `name "path"`.
public final class ImportSpec: Spec, @unchecked Sendable {
    /// The local name (`.` or `_` included), or `nil`.
    public let name: Ident?
    /// The import path literal, quotes included.
    public let path: BasicLit
    init(name: Ident?, path: BasicLit) {
        self.name = name
        self.path = path
        super.init()
    }
    public override var kind: NodeKind { .importSpec }
    public override var pos: Pos { name?.pos ?? path.pos }
    public override var end: Pos { path.end }
    public override func forEachChild(_ body: (Node) -> Void) {
        if let name { body(name) }
        body(path)
    }
}

/// A `const` or `var` spec: `names type = values`.
public final class ValueSpec: Spec, @unchecked Sendable {
    /// The declared names.
    public let names: [Ident]
    /// The declared type, if any.
    public let type: Expr?
    /// The initial values (possibly none).
    public let values: [Expr]
    init(names: [Ident], type: Expr?, values: [Expr]) {
        self.names = names
        self.type = type
        self.values = values
        super.init()
    }
    public override var kind: NodeKind { .valueSpec }
    public override var pos: Pos { names.first?.pos ?? .invalid }
    public override var end: Pos { values.last?.end ?? type?.end ?? names.last?.end ?? .invalid }
    public override func forEachChild(_ body: (Node) -> Void) {
        for n in names { body(n) }
        if let type { body(type) }
        for v in values { body(v) }
    }
}

/// A type definition `name[params] type` or alias `name = type`.
public final class TypeSpec: Spec, @unchecked Sendable {
    /// The type name.
    public let name: Ident
    /// Type parameters of a generic type, or `nil`.
    public let typeParams: FieldList?
    /// Position of `=` for an alias, or invalid.
    public let assign: Pos
    /// The underlying (or aliased) type.
    public let type: Expr
    init(name: Ident, typeParams: FieldList?, assign: Pos, type: Expr) {
        self.name = name
        self.typeParams = typeParams
        self.assign = assign
        self.type = type
        super.init()
    }
    public override var kind: NodeKind { .typeSpec }
    public override var pos: Pos { name.pos }
    public override var end: Pos { type.end }
    public override func forEachChild(_ body: (Node) -> Void) {
        body(name)
        if let typeParams { body(typeParams) }
        body(type)
    }
}

/// A placeholder for a declaration containing syntax errors.
public final class BadDecl: Decl, @unchecked Sendable {
    /// Start of the bad region.
    public let from: Pos
    /// End of the bad region.
    public let to: Pos
    init(from: Pos, to: Pos) {
        self.from = from
        self.to = to
        super.init()
    }
    public override var kind: NodeKind { .badDecl }
    public override var pos: Pos { from }
    public override var end: Pos { to }
}

/// An `import`, `const`, `type` or `var` declaration, with one spec or a parenthesized group.
public final class GenDecl: Decl, @unchecked Sendable {
    /// Position of the keyword.
    public let tokPos: Pos
    /// ``Token/import``, ``Token/const``, ``Token/type`` or ``Token/var``.
    public let tok: Token
    /// Position of `(` for a group, or invalid.
    public let lparen: Pos
    /// The specs.
    public let specs: [Spec]
    /// Position of `)` for a group, or invalid.
    public let rparen: Pos
    init(tokPos: Pos, tok: Token, lparen: Pos, specs: [Spec], rparen: Pos) {
        self.tokPos = tokPos
        self.tok = tok
        self.lparen = lparen
        self.specs = specs
        self.rparen = rparen
        super.init()
    }
    public override var kind: NodeKind { .genDecl }
    public override var pos: Pos { tokPos }
    public override var end: Pos { rparen.isValid ? rparen.advanced(by: 1) : (specs.first?.end ?? tokPos) }
    public override func forEachChild(_ body: (Node) -> Void) {
        for s in specs { body(s) }
    }
}

/// A function or method declaration.
public final class FuncDecl: Decl, @unchecked Sendable {
    /// The receiver of a method, or `nil` for a function.
    public let recv: FieldList?
    /// The function or method name.
    public let name: Ident
    /// The signature; its ``FuncType/funcPos`` is the `func` keyword, its type parameters the
    /// function's.
    public let type: FuncType
    /// The body, or `nil` for an external (assembly) function.
    public let body: BlockStmt?
    init(recv: FieldList?, name: Ident, type: FuncType, body: BlockStmt?) {
        self.recv = recv
        self.name = name
        self.type = type
        self.body = body
        super.init()
    }
    public override var kind: NodeKind { .funcDecl }
    public override var pos: Pos { type.pos }
    public override var end: Pos { body?.end ?? type.end }
    public override func forEachChild(_ body: (Node) -> Void) {
        if let recv { body(recv) }
        body(name)
        body(type)
        if let b = self.body { body(b) }
    }
}
