import Testing
@testable import GoSyntax

@Suite("Parser")
struct ParserTests {
    @Test("a generic function has type parameters with constraints, unions and ~T terms")
    func genericFunction() throws {
        let result = parse("package p\nfunc Map[K comparable, V ~int | ~string, F any](m map[K]V, f F) []V { return nil }\n")
        #expect(result.diagnostics.isEmpty)
        let fn = try #require(result.file.decls.first as? FuncDecl)
        let tparams = try #require(fn.type.typeParams)
        #expect(tparams.list.map { $0.names.map(\.name) } == [["K"], ["V"], ["F"]])
        let union = try #require(tparams.list[1].type as? BinaryExpr)
        #expect(union.op == .or)
        #expect((union.x as? UnaryExpr)?.op == .tilde)
    }

    @Test("generic types: type parameters are told apart from array lengths")
    func genericTypeOrArray() throws {
        let result = parse("""
            package p
            type A[N]int
            type B[P any] struct{ x P }
            type C[P *Q] []P
            type D[P *Q,] []P
            type E[P interface{ ~int }] P
            type F[N * 2]int
            type G = map[string]int
            """)
        #expect(result.diagnostics.isEmpty)
        let specs = result.file.decls.compactMap { ($0 as? GenDecl)?.specs.first as? TypeSpec }
        #expect(specs.map { $0.typeParams != nil } == [false, true, false, true, true, false, false])
        #expect(specs[2].type is ArrayType)  // C[P *Q] is an array of length P*Q
        #expect(specs[6].assign.isValid)
    }

    @Test("instantiation with one type argument is an IndexExpr, with several an IndexListExpr")
    func instantiation() {
        let (stmts, diags) = statements("_ = f[int](1)\n_ = g[int, string]\nvar x List[Pair[K, V]]")
        #expect(diags.isEmpty)
        let k = stmts.flatMap(kinds)
        #expect(k.contains("IndexExpr"))
        #expect(k.contains("IndexListExpr"))
    }

    @Test("range over integers, functions and channels, with and without variables")
    func rangeForms() throws {
        let (stmts, diags) = statements("""
            for i := range 10 {}
            for range 3 {}
            for k, v := range seq {}
            for x = range ch {}
            for yield := range func(f func(int) bool) {} {}
            """)
        #expect(diags.isEmpty)
        let ranges = stmts.compactMap { $0 as? RangeStmt }
        #expect(ranges.count == 5)
        #expect(ranges[0].tok == .define && (ranges[0].x as? BasicLit)?.value == "10")
        #expect(ranges[1].key == nil && !ranges[1].tokPos.isValid)
        #expect(ranges[2].value != nil)
        #expect(ranges[3].tok == .assign)
        #expect(ranges[4].x is FuncLit)
    }

    @Test("select with send, receive, receive-assign and default clauses")
    func selectStmt() throws {
        let (stmts, diags) = statements("""
            select {
            case ch <- 1:
            case v := <-in:
                _ = v
            case v, ok = <-in:
            case <-done:
                return
            default:
            }
            """)
        #expect(diags.isEmpty)
        let sel = try #require(stmts.first as? SelectStmt)
        let clauses = sel.body.list.compactMap { $0 as? CommClause }
        #expect(clauses.count == 5)
        #expect(clauses[0].comm is SendStmt)
        #expect((clauses[1].comm as? AssignStmt)?.tok == .define)
        #expect((clauses[2].comm as? AssignStmt)?.lhs.count == 2)
        #expect(((clauses[3].comm as? ExprStmt)?.x as? UnaryExpr)?.op == .arrow)
        #expect(clauses[4].comm == nil)
    }

    @Test("type switches with and without a short variable declaration")
    func typeSwitch() throws {
        let (stmts, diags) = statements("""
            switch x := y.(type) {
            case int, string:
            case nil:
            default:
            }
            switch init(); y.(type) {}
            switch z := 1; z {}
            """)
        #expect(diags.isEmpty)
        let ts = try #require(stmts[0] as? TypeSwitchStmt)
        #expect((ts.assign as? AssignStmt)?.tok == .define)
        let ts2 = try #require(stmts[1] as? TypeSwitchStmt)
        #expect(ts2.initStmt is ExprStmt && ts2.assign is ExprStmt)
        #expect(stmts[2] is SwitchStmt)
    }

    @Test("labeled statements, goto, break and continue with labels")
    func labels() throws {
        let (stmts, diags) = statements("""
            outer:
            for {
                for {
                    continue outer
                    break outer
                }
                goto end
            }
            end:
            """)
        #expect(diags.isEmpty)
        let labeled = try #require(stmts.first as? LabeledStmt)
        #expect(labeled.label.name == "outer" && labeled.stmt is ForStmt)
        let last = try #require(stmts.last as? LabeledStmt)
        #expect(last.stmt is EmptyStmt)  // a label right before "}"
        let branches = stmts.flatMap(kinds).filter { $0 == "BranchStmt" }
        #expect(branches.count == 3)
    }

    @Test("composite literals of named types need parentheses in if, for and switch headers")
    func compositeLiteralAmbiguity() throws {
        let (stmts, diags) = statements("""
            if x == (T{}) {}
            if v := (T{a: 1}); v.a > 0 {}
            for _, v := range []T{{1}, {2}} {}
            switch s := (struct{ a int }{1}); s.a {}
            if x := []int{1}; len(x) > 0 {}
            _ = T{a: 1}
            """)
        #expect(diags.isEmpty)
        #expect(stmts.count == 6)
        let ifStmt = try #require(stmts[0] as? IfStmt)
        #expect(ifStmt.cond is BinaryExpr)
        // Without parentheses the braces start the body, as go/parser reads it.
        let bare = statements("if x == T {}\n").diagnostics
        #expect(bare.isEmpty)
        #expect(!statements("if x := T{}; true {}").diagnostics.isEmpty)
    }

    @Test("method expressions, conversions, slices and type assertions parse as go/ast shapes")
    func primaryExpressions() throws {
        let (stmts, diags) = statements("""
            f := (*T).Method
            g := T.Method
            b := []byte(s)[1:2:3]
            v, ok := x.(interface{ M() })
            c := (<-chan int)(nil)
            """)
        #expect(diags.isEmpty)
        let f = try #require((stmts[0] as? AssignStmt)?.rhs.first as? SelectorExpr)
        #expect((f.x as? ParenExpr)?.x is StarExpr)
        let slice = try #require((stmts[2] as? AssignStmt)?.rhs.first as? SliceExpr)
        #expect(slice.slice3)
        #expect((stmts[3] as? AssignStmt)?.rhs.first is TypeAssertExpr)
        let conv = try #require((stmts[4] as? AssignStmt)?.rhs.first as? CallExpr)
        #expect(((conv.fun as? ParenExpr)?.x as? ChanType)?.dir == .recv)
    }

    @Test("go and defer statements hold the call; goroutine closures are FuncLits")
    func goAndDefer() throws {
        let (stmts, diags) = statements("go func() { counter++ }()\ndefer mu.Unlock()\ngo worker(ch)")
        #expect(diags.isEmpty)
        let g = try #require(stmts[0] as? GoStmt)
        #expect(g.call.fun is FuncLit)
        #expect(stmts[1] is DeferStmt)
        #expect(!statements("go f").diagnostics.isEmpty)  // must be a call
    }

    @Test("channel types of every direction, including <-chan <-chan T")
    func channelTypes() throws {
        let result = parse("package p\nvar a chan int\nvar b chan<- int\nvar c <-chan int\nvar d <-chan <-chan int\nvar e chan (<-chan int)")
        #expect(result.diagnostics.isEmpty)
        let types = result.file.decls.compactMap { (($0 as? GenDecl)?.specs.first as? ValueSpec)?.type as? ChanType }
        #expect(types.map(\.dir) == [.both, .send, .recv, .recv, .both])
        #expect((types[3].value as? ChanType)?.dir == .recv)
    }

    @Test("interfaces with methods, embedded types and type-set unions")
    func interfaces() throws {
        let result = parse("package p\ntype I interface {\n\tM(x int) error\n\tio.Reader\n\t~int | ~float64\n\tList[int]\n}\n")
        #expect(result.diagnostics.isEmpty)
        let spec = try #require((result.file.decls.first as? GenDecl)?.specs.first as? TypeSpec)
        let iface = try #require(spec.type as? InterfaceType)
        #expect(iface.methods.list.count == 4)
        #expect(iface.methods.list[0].type is FuncType && iface.methods.list[0].names.first?.name == "M")
        #expect(iface.methods.list[2].type is BinaryExpr)
        #expect(iface.methods.list[3].type is IndexExpr)
    }

    @Test("parameters are grouped as go/parser groups them")
    func parameterGrouping() throws {
        let result = parse("package p\nfunc f(a, b int, c ...string) (x int, err error)\nfunc g(int, string) error\n")
        #expect(result.diagnostics.isEmpty)
        let fns = result.file.decls.compactMap { $0 as? FuncDecl }
        #expect(fns[0].type.params.list.map { $0.names.count } == [2, 1])
        #expect(fns[0].type.params.list[1].type is Ellipsis)
        #expect(fns[0].body == nil)
        #expect(fns[1].type.params.list.map { $0.names.count } == [0, 0])
        #expect(fns[1].type.results?.opening.isValid == false)
    }

    @Test("every node's end is at or after its start")
    func positionsAreOrdered() {
        let result = parse("package p\nimport \"fmt\"\nfunc main() {\n\tx := []int{1, 2}\n\tfor i := range x { fmt.Println(i) }\n}\n")
        var ok = true
        result.file.inspect { node in
            if node.pos.isValid && node.end.isValid && node.end < node.pos { ok = false }
            return true
        }
        #expect(ok)
        #expect(result.file.imports.first?.path.value == "\"fmt\"")
    }

    @Test("the walker visits every node once, in order, and can skip subtrees")
    func walker() {
        struct Counter: ASTVisitor {
            var entered = 0
            var left = 0
            mutating func visit(_ node: Node) -> Bool {
                entered += 1
                return !(node is FuncLit)
            }
            mutating func visitPost(_ node: Node) { left += 1 }
        }
        let result = parse("package p\nfunc f() { go func() { a := 1; _ = a }() }\n")
        var counter = Counter()
        walk(result.file, &counter)
        #expect(counter.entered == counter.left)
        #expect(counter.entered < kinds(result.file).count)
        #expect(kinds(result.file).first == "File")
    }

    @Test("the dump lists node kinds with line:column, then comments")
    func dump() {
        let result = parse("package p\n\n// c\nvar x = 1\n")
        #expect(ASTDump.dump(result.file) == """
            File 1:1
            Ident 1:9
            GenDecl 4:1
            ValueSpec 4:5
            Ident 4:5
            BasicLit 4:9
            Comment 3:1

            """)
    }
}
