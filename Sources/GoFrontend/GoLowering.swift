import ConcModel
import GoSyntax

/// The state of lowering one Go file into the concurrency model.
final class GoLowering: ModelBuilder {
    let tree: GoSyntax.File
    let languageVersion: (major: Int, minor: Int)?
    /// Import names in scope: local name → last path element (`errgroup` for
    /// `golang.org/x/sync/errgroup`).
    var imports: [String: String] = [:]
    /// Field types by struct type name: the lock and group fields a receiver carries.
    var structFields: [String: [String: TypeFacts]] = [:]
    /// Struct types that embed a mutex (`type T struct { sync.Mutex }`): `t.Lock()` locks `t`.
    var embedsLock: Set<String> = []
    /// The struct types the file declares, for the package index.
    var typeDeclarations: [TypeDeclaration] = []
    /// Channel fields made with a buffer (`Type.field`).
    var bufferedChannelFields: Set<String> = []
    /// Locals made as buffered channels (`memMu := make(chan T, 1)`), for the fields they are
    /// stored in.
    var bufferedChannelLocals: Set<BindingID> = []
    /// Package-level names declared in other files, met as the roots of lock paths.
    var implicitGlobals: [String: BindingID] = [:]
    /// Integer constants declared in the file, for channel capacities and loop bounds.
    var constants: [String: Int] = [:]
    /// Declared functions by name, for `go worker(x)`.
    var declaredFunctions: [String: FunctionID] = [:]
    /// Function literals bound to a variable (`f := func() {…}`), for `go f()`.
    var functionValues: [BindingID: FunctionID] = [:]
    /// Element counts of slices and arrays bound to a composite literal (`xs := []T{a, b, c}`):
    /// ranging over one is a loop with a constant trip count.
    var literalCounts: [BindingID: Int] = [:]
    /// Slices made with `make([]T, n)` where `n` is a count rather than `len(input)`: ranging
    /// over one is a counted loop, with a constant trip count when `n` is a constant.
    var madeCounts: [BindingID: Int?] = [:]
    /// Collections grown only within constant bounds (see `noteGrowth`): ranging over one is a
    /// counted loop whose trip count is not known exactly.
    var boundedCollections: Set<BindingID> = []
    /// Locals whose elements come from input: what an input-reading call returned, or a
    /// collection grown beyond constant bounds or handed to a call that may grow it.
    var inputCollections: Set<BindingID> = []
    /// For each collection whose size is tracked, the loop depth it was declared at.
    var countedSinceLoopDepth: [BindingID: Int] = [:]
    /// Package-level functions declared in the file whose single result is a channel.
    var channelFunctions: Set<String> = []
    /// Locals bound to the channel such a function returns (`ch := produce()`), with its name.
    var channelsFromCalls: [BindingID: String] = [:]
    /// The most elements a local collection can hold, while only counted loops grow it.
    var collectionBounds: [BindingID: Int] = [:]
    /// Names of the functions and methods the file declares.
    var declaredFunctionNames: Set<String> = []
    /// What calls to them pass, by argument position (see `noteArgumentSources`).
    var argumentSources: [(callee: String, position: Int, source: ArgumentSource)] = []
    /// Channels handed to `signal.Notify`: what they carry are OS signals.
    var signalChannels: Set<BindingID> = []
    /// Byte offsets of the file's `goto` statements.
    var gotoOffsets: [Int] = []
    /// The loops around the statement being lowered, innermost last.
    var loopStack: [LoopFrame] = []
    /// Slices and arrays of integers (`counts := []int{1, 2, 4}`): their elements are counts.
    var integerElements: Set<BindingID> = []
    /// Byte lengths of string constants, for ranging over one (`range []byte(content)`).
    var stringConstantLengths: [String: Int] = [:]
    /// Packages imported with `.` (`. "sync/atomic"` in atomic's own tests): their functions are
    /// called unqualified.
    var dotImports: [String] = []
    var mentionsConcurrency = false
    /// Inside `synctest.Test` / `synctest.Run`: time is fake and `time.Sleep` waits exactly.
    var synctestDepth = 0
    /// Nesting depth of expressions and statements; beyond ``maximumDepth`` subtrees are skipped.
    var depth = 0
    static let maximumDepth = 500
    var tooDeep = false

    init(file: SourceFile, tree: GoSyntax.File, languageVersion: (major: Int, minor: Int)?) {
        self.tree = tree
        self.languageVersion = languageVersion
        super.init(file: file)
    }

    /// Loop variables are per-iteration from Go 1.22 (the language version of the file).
    var loopVariablesPerIteration: Bool {
        guard let version = languageVersion else { return true }
        return version.major > 1 || version.minor >= 22
    }

    override func place(ofPath path: String, root: BindingID?) -> Place? { placeOfPath(path, root: root) }

    func range(_ node: Node) -> SourceRange {
        SourceRange(start: position(node.pos), end: position(node.end))
    }

    func position(_ pos: Pos) -> SourcePosition {
        file.position(ofOffset: max(0, pos.offset))
    }

    func resolve(_ name: String) -> BindingID? {
        resolveLexically(name)
    }

    /// The text of a node, squeezed to one line (for names and messages).
    func text(_ node: Node) -> String {
        let start = max(0, node.pos.offset)
        let end = min(file.bytes.count, max(start, node.end.offset))
        guard end - start <= 120 else { return "…" }
        let text = String(decoding: file.bytes[start..<end], as: UTF8.self)
        return text.contains("\n") ? "…" : text
    }

    /// The integer value of a constant expression: a literal, a declared constant, or a simple
    /// sum, difference or product of them.
    func constantValue(_ expr: Expr?) -> Int? {
        guard let expr else { return nil }
        if let literal = expr as? BasicLit, literal.tokenKind == .int {
            return Int(literal.value.filter { $0 != "_" }) ?? Int(literal.value.filter { $0 != "_" }.dropFirst(2), radix: 16)
        }
        if let ident = expr as? Ident { return constants[ident.name] }
        if let paren = expr as? ParenExpr { return constantValue(paren.x) }
        if let binary = expr as? BinaryExpr, let x = constantValue(binary.x), let y = constantValue(binary.y) {
            switch binary.op {
            case .add: return x.addingReportingOverflow(y).overflow ? nil : x + y
            case .sub: return x - y
            case .mul: return x.multipliedReportingOverflow(by: y).overflow ? nil : x * y
            default: return nil
            }
        }
        return nil
    }
}
