import Testing
@testable import GoSyntax

@Suite("Error recovery")
struct ErrorRecoveryTests {
    /// The invalid inputs of go/parser's own tests (`src/go/parser/short_test.go`, BSD licence), with
    /// the message go/parser gives; the `/* ERROR */` markers are ordinary comments to the parser.
    static let goParserInvalids: [(String, String)] = [
        ("foo /* ERROR \"expected 'package'\" */ !", "expected 'package'"),
        ("package p; func f() { if { /* ERROR \"missing condition\" */ } };", "missing condition"),
        ("package p; func f() { if ; /* ERROR \"missing condition\" */ {} };", "missing condition"),
        ("package p; func f() { if f(); /* ERROR \"missing condition\" */ {} };", "missing condition"),
        ("package p; func f() { if _ = range /* ERROR \"expected operand\" */ x; true {} };", "expected operand"),
        ("package p; func f() { switch _ /* ERROR \"expected switch expression\" */ = range x; true {} };", "expected switch expression"),
        ("package p; func f() { for _ = range x ; /* ERROR \"expected '{'\" */ ; {} };", "expected '{'"),
        ("package p; func f() { for ; ; _ = range /* ERROR \"expected operand\" */ x {} };", "expected operand"),
        ("package p; func f() { for ; _ /* ERROR \"expected boolean or range expression\" */ = range x ; {} };", "expected boolean or range expression"),
        ("package p; func f() { switch t = /* ERROR \"expected ':=', found '='\" */ t.(type) {} };", "expected ':=', found '='"),
        ("package p; func f() { switch t /* ERROR \"expected switch expression\" */ , t = t.(type) {} };", "expected switch expression"),
        ("package p; func f() { switch t /* ERROR \"expected switch expression\" */ = t.(type), t {} };", "expected switch expression"),
        ("package p; func f() { _ = (<-<- /* ERROR \"expected 'chan'\" */ chan int)(nil) };", "expected 'chan'"),
        ("package p; func f() { _ = (<-chan<-chan<-chan<-chan<-chan<- /* ERROR \"expected channel type\" */ int)(nil) };", "expected channel type"),
        ("package p; func f() { if x := g(); x /* ERROR \"expected boolean expression\" */ = 0 {}};", "expected boolean expression"),
        ("package p; func f() { _ = x = /* ERROR \"expected '=='\" */ 0 {}};", "expected '=='"),
        ("package p; func f() { _ = 1 == func()int { var x bool; x = x = /* ERROR \"expected '=='\" */ true; return x }() };", "expected '=='"),
        ("package p; func f() { var s []int; _ = s[] /* ERROR \"expected operand\" */ };", "expected operand"),
        ("package p; func f() { var s []int; _ = s[i:j: /* ERROR \"final index required\" */ ] };", "final index required"),
        ("package p; func f() { var s []int; _ = s[i: /* ERROR \"middle index required\" */ :k] };", "middle index required"),
        ("package p; func f() { var s []int; _ = s[i: /* ERROR \"middle index required\" */ :] };", "middle index required"),
        ("package p; func f() { var s []int; _ = s[: /* ERROR \"middle index required\" */ :] };", "middle index required"),
        ("package p; func f() { var s []int; _ = s[: /* ERROR \"middle index required\" */ ::] };", "middle index required"),
        ("package p; func f() { var s []int; _ = s[i:j:k: /* ERROR \"expected ']'\" */ l] };", "expected ']'"),
        ("package p; func f() { for x /* ERROR \"boolean or range expression\" */ = []string {} }", "boolean or range expression"),
        ("package p; func f() { for x /* ERROR \"boolean or range expression\" */ := []string {} }", "boolean or range expression"),
        ("package p; func f() { for i /* ERROR \"boolean or range expression\" */ , x = []string {} }", "boolean or range expression"),
        ("package p; func f() { for i /* ERROR \"boolean or range expression\" */ , x := []string {} }", "boolean or range expression"),
        ("package p; func f() { go f /* ERROR HERE \"must be function call\" */ }", "must be function call"),
        ("package p; func f() { go ( /* ERROR \"must not be parenthesized\" */ f()) }", "must not be parenthesized"),
        ("package p; func f() { defer func() {} /* ERROR HERE \"must be function call\" */ }", "must be function call"),
        ("package p; func f() { defer ( /* ERROR \"must not be parenthesized\" */ f()) }", "must not be parenthesized"),
        ("package p; func f() { go func() { func() { f(x func /* ERROR \"missing ','\" */ (){}) } } }", "missing ','"),
        ("package p; func _() (type /* ERROR \"found 'type'\" */ T)(T)", "found 'type'"),
        ("package p; func (type /* ERROR \"found 'type'\" */ T)(T) _()", "found 'type'"),
        ("package p; type _[A+B, /* ERROR \"unexpected comma\" */ ] int", "unexpected comma"),
        ("package p; type _ struct{ [ /* ERROR \"expected '}', found '\\['\" */ ]byte }", "expected '}', found '['"),
        ("package p; type _ struct{ ( /* ERROR \"cannot parenthesize embedded type\" */ int) }", "cannot parenthesize embedded type"),
        ("package p; type _ struct{ ( /* ERROR \"cannot parenthesize embedded type\" */ []byte) }", "cannot parenthesize embedded type"),
        ("package p; type _ struct{ *( /* ERROR \"cannot parenthesize embedded type\" */ int) }", "cannot parenthesize embedded type"),
        ("package p; type _ struct{ *( /* ERROR \"cannot parenthesize embedded type\" */ []byte) }", "cannot parenthesize embedded type"),
        ("package p; func f() (a b string /* ERROR \"missing ','\" */ , ok bool)", "missing ','"),
        ("package p; var x, y, z; /* ERROR \"expected type\" */", "expected type"),
        ("package p; var _ = struct { x int, /* ERROR \"expected ';', found ','\" */ }{};", "expected ';', found ','"),
        ("package p; var _ = struct { x int, /* ERROR \"expected ';', found ','\" */ y float }{};", "expected ';', found ','"),
        ("package p; type _ struct { int, } /* ERROR \"expected 'IDENT', found '}'\" */ ;", "expected 'IDENT', found '}'"),
        ("package p; type _ struct { int, float } /* ERROR \"expected type, found '}'\" */ ;", "expected type, found '}'"),
        ("package p; func f() { if true {} else ; /* ERROR \"expected if statement or block\" */ }", "expected if statement or block"),
        ("package p; func f() { if true {} else defer /* ERROR \"expected if statement or block\" */ f() }", "expected if statement or block"),
        ("package p; func f(a, b ... /* ERROR \"can only use ... with final parameter\" */ int)", "can only use ... with final parameter"),
        ("package p; func f(a ... /* ERROR \"can only use ... with final parameter\" */ int, b int)", "can only use ... with final parameter"),
        ("package p; func f(... /* ERROR \"can only use ... with final parameter\" */ int, int)", "can only use ... with final parameter"),
        ("package p; func f() (... /* ERROR \"invalid use of ...\" */ int)", "invalid use of ..."),
        ("package p; func f() (a, b ... /* ERROR \"invalid use of ...\" */ int)", "invalid use of ..."),
        ("package p; func f[T ... /* ERROR \"invalid use of ...\" */ C]()() {}", "invalid use of ..."),
        ("package p; type _[_ any] int; var _ = T[] /* ERROR \"expected operand\" */ {}", "expected operand"),
        ("package p; var _ func[ /* ERROR \"must have no type parameters\" */ T any](T)", "must have no type parameters"),
        ("package p; func _[]/* ERROR \"empty type parameter list\" */()", "empty type parameter list"),
        ("package p; type _[A,] /* ERROR \"missing type constraint\" */ struct{ A }", "missing type constraint"),
        ("package p; func _[type /* ERROR \"found 'type'\" */ P, *Q interface{}]()", "found 'type'"),
        ("package p; func f() {goto; /* ERROR \"expected 'IDENT', found ';'\" */ }", "expected 'IDENT', found ';'"),
        ("package p; func f() {goto} /* ERROR \"expected 'IDENT', found '}'\" */ }", "expected 'IDENT', found '}'"),
    ]

    @Test("go/parser's invalid inputs give an error with go/parser's message", arguments: goParserInvalids.indices)
    func goParserInvalid(index: Int) {
        let (source, message) = Self.goParserInvalids[index]
        // go/parser's test runs in AllErrors mode
        let diagnostics = GoParser.parse(source: source, path: "short.go", allErrors: true).diagnostics
        #expect(!parse(source).diagnostics.isEmpty)
        #expect(diagnostics.contains { $0.message.contains(message) }, "\(source): \(diagnostics)")
    }

    @Test("a broken statement is reported and the following statements and functions are still parsed")
    func brokenStatement() throws {
        let result = parse("""
            package p
            func f() {
                x := (1 +
                y := 2
                go g()
            }
            func h() { return }
            """)
        #expect(!result.diagnostics.isEmpty)
        let names = result.file.decls.compactMap { ($0 as? FuncDecl)?.name.name }
        #expect(names == ["f", "h"])
    }

    @Test("a bad top-level declaration becomes a BadDecl and parsing resumes at the next declaration")
    func badDeclaration() {
        let result = parse("package p\nx := 1\nvar v int\nfunc g() {}\n")
        #expect(result.diagnostics.first?.message == "expected declaration, found x")
        #expect(result.file.decls.map(\.kind) == [.badDecl, .genDecl, .funcDecl])
    }

    @Test("a missing closing brace at the end of the file is reported and the body is kept")
    func missingBrace() throws {
        let result = parse("package p\nfunc f() {\n\tgo work()\n")
        #expect(result.diagnostics.map(\.message) == ["expected '}', found 'EOF'"])
        let fn = try #require(result.file.decls.first as? FuncDecl)
        #expect(fn.body?.list.first is GoStmt)
    }

    @Test("a garbage token inside a block yields a BadStmt or BadExpr and the block's later statements")
    func garbageInBlock() throws {
        let (stmts, diagnostics) = statements("a := 1\n)\nb := 2\ndefer c()")
        #expect(!diagnostics.isEmpty)
        #expect(stmts.contains { $0 is DeferStmt })
    }

    @Test("at most one error is reported per line")
    func oneErrorPerLine() {
        let result = parse("package p\nfunc f() { x := ) ) ) ] ] }\n")
        let lines = result.diagnostics.map(\.position.line)
        #expect(Set(lines).count == lines.count)
    }

    @Test("a missing package clause is an error and the declarations are still parsed")
    func missingPackage() {
        let result = parse("func main() {}\n")
        #expect(result.diagnostics.first?.message.hasPrefix("expected 'package'") == true)
    }

    @Test("diagnostics are sorted by position and carry 1-based lines and byte columns")
    func diagnosticPositions() {
        let result = parse("package p\nvar s = \"open\nvar x = @\n")
        #expect(result.diagnostics.map(\.description).first == "2:9: string literal not terminated")
        let offsets = result.diagnostics.map(\.position.offset)
        #expect(offsets == offsets.sorted())
    }
}
