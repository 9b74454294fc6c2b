/// The kind of an AST node, spelled as the `go/ast` type name (`"CallExpr"`, `"GoStmt"`, …).
public enum NodeKind: String, Sendable, CaseIterable {
    // Files and comments
    /// ``File``
    case file = "File"
    /// ``Comment``
    case comment = "Comment"
    // Expressions
    /// ``BadExpr``
    case badExpr = "BadExpr"
    /// ``Ident``
    case ident = "Ident"
    /// ``Ellipsis``
    case ellipsis = "Ellipsis"
    /// ``BasicLit``
    case basicLit = "BasicLit"
    /// ``FuncLit``
    case funcLit = "FuncLit"
    /// ``CompositeLit``
    case compositeLit = "CompositeLit"
    /// ``ParenExpr``
    case parenExpr = "ParenExpr"
    /// ``SelectorExpr``
    case selectorExpr = "SelectorExpr"
    /// ``IndexExpr``
    case indexExpr = "IndexExpr"
    /// ``IndexListExpr``
    case indexListExpr = "IndexListExpr"
    /// ``SliceExpr``
    case sliceExpr = "SliceExpr"
    /// ``TypeAssertExpr``
    case typeAssertExpr = "TypeAssertExpr"
    /// ``CallExpr``
    case callExpr = "CallExpr"
    /// ``StarExpr``
    case starExpr = "StarExpr"
    /// ``UnaryExpr``
    case unaryExpr = "UnaryExpr"
    /// ``BinaryExpr``
    case binaryExpr = "BinaryExpr"
    /// ``KeyValueExpr``
    case keyValueExpr = "KeyValueExpr"
    // Types
    /// ``ArrayType``
    case arrayType = "ArrayType"
    /// ``StructType``
    case structType = "StructType"
    /// ``FuncType``
    case funcType = "FuncType"
    /// ``InterfaceType``
    case interfaceType = "InterfaceType"
    /// ``MapType``
    case mapType = "MapType"
    /// ``ChanType``
    case chanType = "ChanType"
    /// ``Field``
    case field = "Field"
    /// ``FieldList``
    case fieldList = "FieldList"
    // Statements
    /// ``BadStmt``
    case badStmt = "BadStmt"
    /// ``DeclStmt``
    case declStmt = "DeclStmt"
    /// ``EmptyStmt``
    case emptyStmt = "EmptyStmt"
    /// ``LabeledStmt``
    case labeledStmt = "LabeledStmt"
    /// ``ExprStmt``
    case exprStmt = "ExprStmt"
    /// ``SendStmt``
    case sendStmt = "SendStmt"
    /// ``IncDecStmt``
    case incDecStmt = "IncDecStmt"
    /// ``AssignStmt``
    case assignStmt = "AssignStmt"
    /// ``GoStmt``
    case goStmt = "GoStmt"
    /// ``DeferStmt``
    case deferStmt = "DeferStmt"
    /// ``ReturnStmt``
    case returnStmt = "ReturnStmt"
    /// ``BranchStmt``
    case branchStmt = "BranchStmt"
    /// ``BlockStmt``
    case blockStmt = "BlockStmt"
    /// ``IfStmt``
    case ifStmt = "IfStmt"
    /// ``CaseClause``
    case caseClause = "CaseClause"
    /// ``SwitchStmt``
    case switchStmt = "SwitchStmt"
    /// ``TypeSwitchStmt``
    case typeSwitchStmt = "TypeSwitchStmt"
    /// ``CommClause``
    case commClause = "CommClause"
    /// ``SelectStmt``
    case selectStmt = "SelectStmt"
    /// ``ForStmt``
    case forStmt = "ForStmt"
    /// ``RangeStmt``
    case rangeStmt = "RangeStmt"
    // Specs and declarations
    /// ``ImportSpec``
    case importSpec = "ImportSpec"
    /// ``ValueSpec``
    case valueSpec = "ValueSpec"
    /// ``TypeSpec``
    case typeSpec = "TypeSpec"
    /// ``BadDecl``
    case badDecl = "BadDecl"
    /// ``GenDecl``
    case genDecl = "GenDecl"
    /// ``FuncDecl``
    case funcDecl = "FuncDecl"
}

/// The root of the AST class hierarchy, mirroring `go/ast.Node`.
///
/// Nodes are immutable after construction: every stored property of every subclass is a `let`, which
/// is why the hierarchy can be `Sendable` (a parsed ``File`` may be shared between threads). The
/// conformance is `@unchecked` only because Swift does not check non-final classes.
public class Node: @unchecked Sendable {
    init() {}

    /// The node's kind (its `go/ast` type name). Computed, not stored, to keep nodes small.
    public var kind: NodeKind { .file }

    /// The position of the node's first byte, as `go/ast`'s `Pos()`.
    public var pos: Pos { .invalid }

    /// The position just after the node's last byte, as `go/ast`'s `End()`.
    public var end: Pos { .invalid }

    /// Calls `body` on each direct child, in the order `go/ast.Walk` visits them.
    public func forEachChild(_ body: (Node) -> Void) {}
}

/// An expression or a type (`go/ast.Expr`).
public class Expr: Node, @unchecked Sendable {}

/// A statement (`go/ast.Stmt`).
public class Stmt: Node, @unchecked Sendable {}

/// A declaration (`go/ast.Decl`): ``GenDecl``, ``FuncDecl`` or ``BadDecl``.
public class Decl: Node, @unchecked Sendable {}

/// A specification inside a ``GenDecl`` (`go/ast.Spec`): import, value or type spec.
public class Spec: Node, @unchecked Sendable {}

/// A `//` or `/* */` comment, with its position (`go/ast.Comment`).
public final class Comment: Node, @unchecked Sendable {
    /// Position of the leading `/`.
    public let slash: Pos
    /// Position just after the comment (before the newline that ends a `//` comment).
    public let endPos: Pos
    private let source: SourceText

    init(slash: Pos, end: Pos, source: SourceText) {
        self.slash = slash
        self.endPos = end
        self.source = source
        super.init()
    }

    /// The comment text including `//` or `/* */`; carriage returns are removed, like `go/scanner`.
    /// Read from the source on each access.
    public var text: String { source.text(from: slash.offset, to: endPos.offset, stripCR: true) }

    /// Whether this is a `/* */` comment.
    public var isGeneral: Bool {
        let bytes = source.bytes
        return slash.offset + 1 < bytes.count && bytes[slash.offset + 1] == UInt8(ascii: "*")
    }

    public override var kind: NodeKind { .comment }
    public override var pos: Pos { slash }
    public override var end: Pos { endPos }
}

/// A parsed Go source file (`go/ast.File`), the root of the tree.
///
/// Besides the declarations it holds every comment of the file in source order (directives such as
/// `//go:build`, `// want "…"` and `// conclint:ignore …` included) and the line table that turns a
/// ``Pos`` into a line and column.
public final class File: Node, @unchecked Sendable {
    /// The path given to ``GoParser/parse(source:path:)``.
    public let path: String
    /// Position of the `package` keyword (invalid if it is missing).
    public let package: Pos
    /// The package name.
    public let name: Ident
    /// Top-level declarations, in source order.
    public let decls: [Decl]
    /// The import specs of the file, in source order.
    public let imports: [ImportSpec]
    /// All comments of the file, in source order.
    public let comments: [Comment]
    private let text: SourceText

    init(path: String, package: Pos, name: Ident, decls: [Decl], imports: [ImportSpec], comments: [Comment],
         text: SourceText)
    {
        self.path = path
        self.package = package
        self.name = name
        self.decls = decls
        self.imports = imports
        self.comments = comments
        self.text = text
        super.init()
    }

    /// The source bytes the tree was parsed from (UTF-8; offsets in ``Pos`` index into it).
    public var source: [UInt8] { text.bytes }

    /// The line table of the source (byte offset → line, column), built on first use.
    public var lines: LineTable { text.lines }

    /// The line and column of `pos` in this file (columns in UTF-8 bytes, 1-based).
    public func position(of pos: Pos) -> Position { lines.position(of: pos) }

    public override var kind: NodeKind { .file }
    public override var pos: Pos { package }
    public override var end: Pos { decls.last?.end ?? name.end }
    public override func forEachChild(_ body: (Node) -> Void) {
        body(name)
        for d in decls { body(d) }
    }
}
