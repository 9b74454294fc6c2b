// Statement nodes (go/ast: BadStmt … RangeStmt). Go spec section "Statements".

/// A placeholder for a statement containing syntax errors.
public final class BadStmt: Stmt, @unchecked Sendable {
    /// Start of the bad region.
    public let from: Pos
    /// End of the bad region.
    public let to: Pos
    init(from: Pos, to: Pos) {
        self.from = from
        self.to = to
        super.init()
    }
    public override var kind: NodeKind { .badStmt }
    public override var pos: Pos { from }
    public override var end: Pos { to }
}

/// A `const`, `type` or `var` declaration inside a function body.
public final class DeclStmt: Stmt, @unchecked Sendable {
    /// The declaration (a ``GenDecl``, or a ``BadDecl`` after errors).
    public let decl: Decl
    init(decl: Decl) {
        self.decl = decl
        super.init()
    }
    public override var kind: NodeKind { .declStmt }
    public override var pos: Pos { decl.pos }
    public override var end: Pos { decl.end }
    public override func forEachChild(_ body: (Node) -> Void) { body(decl) }
}

/// An empty statement: an explicit `;`, or the implicit one before a `}` or at a newline.
public final class EmptyStmt: Stmt, @unchecked Sendable {
    /// Position of the `;` (or of the `}` / newline it stands for).
    public let semicolon: Pos
    /// Whether the semicolon is implicit (inserted, or before `}`).
    public let implicit: Bool
    init(semicolon: Pos, implicit: Bool) {
        self.semicolon = semicolon
        self.implicit = implicit
        super.init()
    }
    public override var kind: NodeKind { .emptyStmt }
    public override var pos: Pos { semicolon }
    public override var end: Pos { implicit ? semicolon : semicolon.advanced(by: 1) }
}

/// `label: stmt`.
public final class LabeledStmt: Stmt, @unchecked Sendable {
    /// The label.
    public let label: Ident
    /// Position of `:`.
    public let colon: Pos
    /// The labeled statement (an ``EmptyStmt`` when the label ends a block).
    public let stmt: Stmt
    init(label: Ident, colon: Pos, stmt: Stmt) {
        self.label = label
        self.colon = colon
        self.stmt = stmt
        super.init()
    }
    public override var kind: NodeKind { .labeledStmt }
    public override var pos: Pos { label.pos }
    public override var end: Pos { stmt.end }
    public override func forEachChild(_ body: (Node) -> Void) {
        body(label)
        body(stmt)
    }
}

/// An expression used as a statement (a call or a receive).
public final class ExprStmt: Stmt, @unchecked Sendable {
    /// The expression.
    public let x: Expr
    init(x: Expr) {
        self.x = x
        super.init()
    }
    public override var kind: NodeKind { .exprStmt }
    public override var pos: Pos { x.pos }
    public override var end: Pos { x.end }
    public override func forEachChild(_ body: (Node) -> Void) { body(x) }
}

/// A channel send `ch <- value`.
public final class SendStmt: Stmt, @unchecked Sendable {
    /// The channel.
    public let chan: Expr
    /// Position of `<-`.
    public let arrow: Pos
    /// The value sent.
    public let value: Expr
    init(chan: Expr, arrow: Pos, value: Expr) {
        self.chan = chan
        self.arrow = arrow
        self.value = value
        super.init()
    }
    public override var kind: NodeKind { .sendStmt }
    public override var pos: Pos { chan.pos }
    public override var end: Pos { value.end }
    public override func forEachChild(_ body: (Node) -> Void) {
        body(chan)
        body(value)
    }
}

/// `x++` or `x--`.
public final class IncDecStmt: Stmt, @unchecked Sendable {
    /// The operand.
    public let x: Expr
    /// Position of the operator.
    public let tokPos: Pos
    /// ``Token/inc`` or ``Token/dec``.
    public let tok: Token
    init(x: Expr, tokPos: Pos, tok: Token) {
        self.x = x
        self.tokPos = tokPos
        self.tok = tok
        super.init()
    }
    public override var kind: NodeKind { .incDecStmt }
    public override var pos: Pos { x.pos }
    public override var end: Pos { tokPos.advanced(by: 2) }
    public override func forEachChild(_ body: (Node) -> Void) { body(x) }
}

/// An assignment or short variable declaration: `lhs = rhs`, `lhs := rhs`, `lhs op= rhs`.
public final class AssignStmt: Stmt, @unchecked Sendable {
    /// The left-hand sides.
    public let lhs: [Expr]
    /// Position of the operator.
    public let tokPos: Pos
    /// ``Token/assign``, ``Token/define`` or an assignment operator such as ``Token/addAssign``.
    public let tok: Token
    /// The right-hand sides.
    public let rhs: [Expr]
    init(lhs: [Expr], tokPos: Pos, tok: Token, rhs: [Expr]) {
        self.lhs = lhs
        self.tokPos = tokPos
        self.tok = tok
        self.rhs = rhs
        super.init()
    }
    public override var kind: NodeKind { .assignStmt }
    public override var pos: Pos { lhs.first?.pos ?? tokPos }
    public override var end: Pos { rhs.last?.end ?? tokPos }
    public override func forEachChild(_ body: (Node) -> Void) {
        for e in lhs { body(e) }
        for e in rhs { body(e) }
    }
}

/// `go call`: starts a goroutine.
public final class GoStmt: Stmt, @unchecked Sendable {
    /// Position of `go`.
    public let goPos: Pos
    /// The call run in the new goroutine.
    public let call: CallExpr
    init(goPos: Pos, call: CallExpr) {
        self.goPos = goPos
        self.call = call
        super.init()
    }
    public override var kind: NodeKind { .goStmt }
    public override var pos: Pos { goPos }
    public override var end: Pos { call.end }
    public override func forEachChild(_ body: (Node) -> Void) { body(call) }
}

/// `defer call`.
public final class DeferStmt: Stmt, @unchecked Sendable {
    /// Position of `defer`.
    public let deferPos: Pos
    /// The deferred call.
    public let call: CallExpr
    init(deferPos: Pos, call: CallExpr) {
        self.deferPos = deferPos
        self.call = call
        super.init()
    }
    public override var kind: NodeKind { .deferStmt }
    public override var pos: Pos { deferPos }
    public override var end: Pos { call.end }
    public override func forEachChild(_ body: (Node) -> Void) { body(call) }
}

/// `return results`.
public final class ReturnStmt: Stmt, @unchecked Sendable {
    /// Position of `return`.
    public let returnPos: Pos
    /// The returned expressions (possibly none).
    public let results: [Expr]
    init(returnPos: Pos, results: [Expr]) {
        self.returnPos = returnPos
        self.results = results
        super.init()
    }
    public override var kind: NodeKind { .returnStmt }
    public override var pos: Pos { returnPos }
    public override var end: Pos { results.last?.end ?? returnPos.advanced(by: 6) }
    public override func forEachChild(_ body: (Node) -> Void) {
        for e in results { body(e) }
    }
}

/// `break`, `continue`, `goto` or `fallthrough`, with an optional label.
public final class BranchStmt: Stmt, @unchecked Sendable {
    /// Position of the keyword.
    public let tokPos: Pos
    /// The keyword token.
    public let tok: Token
    /// The label, if any.
    public let label: Ident?
    init(tokPos: Pos, tok: Token, label: Ident?) {
        self.tokPos = tokPos
        self.tok = tok
        self.label = label
        super.init()
    }
    public override var kind: NodeKind { .branchStmt }
    public override var pos: Pos { tokPos }
    public override var end: Pos { label?.end ?? tokPos.advanced(by: tok.text.utf8.count) }
    public override func forEachChild(_ body: (Node) -> Void) { if let label { body(label) } }
}

/// A braced statement list (also the body of `switch` and `select`, holding clauses).
public final class BlockStmt: Stmt, @unchecked Sendable {
    /// Position of `{`.
    public let lbrace: Pos
    /// The statements.
    public let list: [Stmt]
    /// Position of `}`, or invalid if it is missing.
    public let rbrace: Pos
    init(lbrace: Pos, list: [Stmt], rbrace: Pos) {
        self.lbrace = lbrace
        self.list = list
        self.rbrace = rbrace
        super.init()
    }
    public override var kind: NodeKind { .blockStmt }
    public override var pos: Pos { lbrace }
    public override var end: Pos {
        rbrace.isValid ? rbrace.advanced(by: 1) : (list.last?.end ?? lbrace.advanced(by: 1))
    }
    public override func forEachChild(_ body: (Node) -> Void) {
        for s in list { body(s) }
    }
}

/// `if init; cond { body } else …`.
public final class IfStmt: Stmt, @unchecked Sendable {
    /// Position of `if`.
    public let ifPos: Pos
    /// The initialization statement, if any.
    public let initStmt: Stmt?
    /// The condition.
    public let cond: Expr
    /// The then-branch.
    public let body: BlockStmt
    /// The else-branch: a ``BlockStmt`` or another ``IfStmt``, or `nil`.
    public let elseStmt: Stmt?
    init(ifPos: Pos, initStmt: Stmt?, cond: Expr, body: BlockStmt, elseStmt: Stmt?) {
        self.ifPos = ifPos
        self.initStmt = initStmt
        self.cond = cond
        self.body = body
        self.elseStmt = elseStmt
        super.init()
    }
    public override var kind: NodeKind { .ifStmt }
    public override var pos: Pos { ifPos }
    public override var end: Pos { elseStmt?.end ?? body.end }
    public override func forEachChild(_ body: (Node) -> Void) {
        if let initStmt { body(initStmt) }
        body(cond)
        body(self.body)
        if let elseStmt { body(elseStmt) }
    }
}

/// A `case list:` or `default:` clause of an expression or type switch.
public final class CaseClause: Stmt, @unchecked Sendable {
    /// Position of `case` or `default`.
    public let casePos: Pos
    /// The expressions or types; empty for `default`.
    public let list: [Expr]
    /// Position of `:`.
    public let colon: Pos
    /// The statements of the clause.
    public let body: [Stmt]
    init(casePos: Pos, list: [Expr], colon: Pos, body: [Stmt]) {
        self.casePos = casePos
        self.list = list
        self.colon = colon
        self.body = body
        super.init()
    }
    /// Whether this is the `default` clause.
    public var isDefault: Bool { list.isEmpty }
    public override var kind: NodeKind { .caseClause }
    public override var pos: Pos { casePos }
    public override var end: Pos { body.last?.end ?? colon.advanced(by: 1) }
    public override func forEachChild(_ body: (Node) -> Void) {
        for e in list { body(e) }
        for s in self.body { body(s) }
    }
}

/// `switch init; tag { clauses }`.
public final class SwitchStmt: Stmt, @unchecked Sendable {
    /// Position of `switch`.
    public let switchPos: Pos
    /// The initialization statement, if any.
    public let initStmt: Stmt?
    /// The tag expression, if any.
    public let tag: Expr?
    /// The ``CaseClause``s.
    public let body: BlockStmt
    init(switchPos: Pos, initStmt: Stmt?, tag: Expr?, body: BlockStmt) {
        self.switchPos = switchPos
        self.initStmt = initStmt
        self.tag = tag
        self.body = body
        super.init()
    }
    public override var kind: NodeKind { .switchStmt }
    public override var pos: Pos { switchPos }
    public override var end: Pos { body.end }
    public override func forEachChild(_ body: (Node) -> Void) {
        if let initStmt { body(initStmt) }
        if let tag { body(tag) }
        body(self.body)
    }
}

/// `switch init; x := y.(type) { clauses }`.
public final class TypeSwitchStmt: Stmt, @unchecked Sendable {
    /// Position of `switch`.
    public let switchPos: Pos
    /// The initialization statement, if any.
    public let initStmt: Stmt?
    /// `x := y.(type)` (an ``AssignStmt``) or `y.(type)` (an ``ExprStmt``).
    public let assign: Stmt
    /// The ``CaseClause``s.
    public let body: BlockStmt
    init(switchPos: Pos, initStmt: Stmt?, assign: Stmt, body: BlockStmt) {
        self.switchPos = switchPos
        self.initStmt = initStmt
        self.assign = assign
        self.body = body
        super.init()
    }
    public override var kind: NodeKind { .typeSwitchStmt }
    public override var pos: Pos { switchPos }
    public override var end: Pos { body.end }
    public override func forEachChild(_ body: (Node) -> Void) {
        if let initStmt { body(initStmt) }
        body(assign)
        body(self.body)
    }
}

/// A `case comm:` or `default:` clause of a `select`.
public final class CommClause: Stmt, @unchecked Sendable {
    /// Position of `case` or `default`.
    public let casePos: Pos
    /// The send or receive statement; `nil` for `default`.
    public let comm: Stmt?
    /// Position of `:`.
    public let colon: Pos
    /// The statements of the clause.
    public let body: [Stmt]
    init(casePos: Pos, comm: Stmt?, colon: Pos, body: [Stmt]) {
        self.casePos = casePos
        self.comm = comm
        self.colon = colon
        self.body = body
        super.init()
    }
    public override var kind: NodeKind { .commClause }
    public override var pos: Pos { casePos }
    public override var end: Pos { body.last?.end ?? colon.advanced(by: 1) }
    public override func forEachChild(_ body: (Node) -> Void) {
        if let comm { body(comm) }
        for s in self.body { body(s) }
    }
}

/// `select { clauses }`.
public final class SelectStmt: Stmt, @unchecked Sendable {
    /// Position of `select`.
    public let selectPos: Pos
    /// The ``CommClause``s.
    public let body: BlockStmt
    init(selectPos: Pos, body: BlockStmt) {
        self.selectPos = selectPos
        self.body = body
        super.init()
    }
    public override var kind: NodeKind { .selectStmt }
    public override var pos: Pos { selectPos }
    public override var end: Pos { body.end }
    public override func forEachChild(_ body: (Node) -> Void) { body(self.body) }
}

/// `for init; cond; post { body }` (any part may be absent).
public final class ForStmt: Stmt, @unchecked Sendable {
    /// Position of `for`.
    public let forPos: Pos
    /// The initialization statement, if any.
    public let initStmt: Stmt?
    /// The condition; `nil` for an infinite loop.
    public let cond: Expr?
    /// The post statement, if any.
    public let post: Stmt?
    /// The loop body.
    public let body: BlockStmt
    init(forPos: Pos, initStmt: Stmt?, cond: Expr?, post: Stmt?, body: BlockStmt) {
        self.forPos = forPos
        self.initStmt = initStmt
        self.cond = cond
        self.post = post
        self.body = body
        super.init()
    }
    public override var kind: NodeKind { .forStmt }
    public override var pos: Pos { forPos }
    public override var end: Pos { body.end }
    public override func forEachChild(_ body: (Node) -> Void) {
        if let initStmt { body(initStmt) }
        if let cond { body(cond) }
        if let post { body(post) }
        body(self.body)
    }
}

/// `for key, value := range x { body }`: over a slice, array, string, map, channel, integer or
/// function (Go spec "For statements with range clause").
public final class RangeStmt: Stmt, @unchecked Sendable {
    /// Position of `for`.
    public let forPos: Pos
    /// The key (or index) variable, if any.
    public let key: Expr?
    /// The value variable, if any.
    public let value: Expr?
    /// Position of `:=` or `=`; invalid for `for range x`.
    public let tokPos: Pos
    /// ``Token/define``, ``Token/assign``, or ``Token/illegal`` when there are no variables.
    public let tok: Token
    /// Position of `range`.
    public let rangePos: Pos
    /// The value ranged over.
    public let x: Expr
    /// The loop body.
    public let body: BlockStmt
    init(forPos: Pos, key: Expr?, value: Expr?, tokPos: Pos, tok: Token, rangePos: Pos, x: Expr, body: BlockStmt)
    {
        self.forPos = forPos
        self.key = key
        self.value = value
        self.tokPos = tokPos
        self.tok = tok
        self.rangePos = rangePos
        self.x = x
        self.body = body
        super.init()
    }
    public override var kind: NodeKind { .rangeStmt }
    public override var pos: Pos { forPos }
    public override var end: Pos { body.end }
    public override func forEachChild(_ body: (Node) -> Void) {
        if let key { body(key) }
        if let value { body(value) }
        body(x)
        body(self.body)
    }
}
