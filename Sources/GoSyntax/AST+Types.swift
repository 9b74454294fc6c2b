// Type nodes, fields and field lists (go/ast). Go spec section "Types".

/// `[len]elt` (array) or `[]elt` (slice).
public final class ArrayType: Expr, @unchecked Sendable {
    /// Position of `[`.
    public let lbrack: Pos
    /// The length: `nil` for a slice type, an ``Ellipsis`` for `[...]T`.
    public let len: Expr?
    /// The element type.
    public let elt: Expr
    init(lbrack: Pos, len: Expr?, elt: Expr) {
        self.lbrack = lbrack
        self.len = len
        self.elt = elt
        super.init()
    }
    public override var kind: NodeKind { .arrayType }
    public override var pos: Pos { lbrack }
    public override var end: Pos { elt.end }
    public override func forEachChild(_ body: (Node) -> Void) {
        if let len { body(len) }
        body(elt)
    }
}

/// `struct { fields }`.
public final class StructType: Expr, @unchecked Sendable {
    /// Position of `struct`.
    public let structPos: Pos
    /// The fields, with the braces' positions.
    public let fields: FieldList
    init(structPos: Pos, fields: FieldList) {
        self.structPos = structPos
        self.fields = fields
        super.init()
    }
    public override var kind: NodeKind { .structType }
    public override var pos: Pos { structPos }
    public override var end: Pos { fields.end }
    public override func forEachChild(_ body: (Node) -> Void) { body(fields) }
}

/// A function signature: `func[T any](params) results`.
public final class FuncType: Expr, @unchecked Sendable {
    /// Position of `func`; invalid for a method in an interface.
    public let funcPos: Pos
    /// Type parameters of a generic function declaration, or `nil`.
    public let typeParams: FieldList?
    /// The parameters (always present, possibly empty).
    public let params: FieldList
    /// The results, or `nil` when there are none.
    public let results: FieldList?
    init(funcPos: Pos, typeParams: FieldList?, params: FieldList, results: FieldList?) {
        self.funcPos = funcPos
        self.typeParams = typeParams
        self.params = params
        self.results = results
        super.init()
    }
    public override var kind: NodeKind { .funcType }
    public override var pos: Pos { funcPos.isValid ? funcPos : params.pos }
    public override var end: Pos { results?.end ?? params.end }
    public override func forEachChild(_ body: (Node) -> Void) {
        if let typeParams { body(typeParams) }
        body(params)
        if let results { body(results) }
    }
}

/// `interface { methods and embedded elements }`.
public final class InterfaceType: Expr, @unchecked Sendable {
    /// Position of `interface`.
    public let interfacePos: Pos
    /// Methods (fields with one name and a ``FuncType``) and embedded elements (fields without names).
    public let methods: FieldList
    init(interfacePos: Pos, methods: FieldList) {
        self.interfacePos = interfacePos
        self.methods = methods
        super.init()
    }
    public override var kind: NodeKind { .interfaceType }
    public override var pos: Pos { interfacePos }
    public override var end: Pos { methods.end }
    public override func forEachChild(_ body: (Node) -> Void) { body(methods) }
}

/// `map[key]value`.
public final class MapType: Expr, @unchecked Sendable {
    /// Position of `map`.
    public let mapPos: Pos
    /// The key type.
    public let key: Expr
    /// The value type.
    public let value: Expr
    init(mapPos: Pos, key: Expr, value: Expr) {
        self.mapPos = mapPos
        self.key = key
        self.value = value
        super.init()
    }
    public override var kind: NodeKind { .mapType }
    public override var pos: Pos { mapPos }
    public override var end: Pos { value.end }
    public override func forEachChild(_ body: (Node) -> Void) {
        body(key)
        body(value)
    }
}

/// The direction of a channel type.
public struct ChanDir: OptionSet, Hashable, Sendable {
    /// The raw bits: 1 send, 2 receive.
    public let rawValue: UInt8
    /// Creates a direction from raw bits.
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    /// `chan<- T`
    public static let send = ChanDir(rawValue: 1)
    /// `<-chan T`
    public static let recv = ChanDir(rawValue: 2)
    /// `chan T` (both directions).
    public static let both: ChanDir = [.send, .recv]
}

/// `chan T`, `chan<- T` or `<-chan T`.
public final class ChanType: Expr, @unchecked Sendable {
    /// Position of `chan`, or of `<-` for `<-chan`.
    public let begin: Pos
    /// Position of `<-`, or invalid for `chan T`.
    public let arrow: Pos
    /// The direction.
    public let dir: ChanDir
    /// The element type.
    public let value: Expr
    init(begin: Pos, arrow: Pos, dir: ChanDir, value: Expr) {
        self.begin = begin
        self.arrow = arrow
        self.dir = dir
        self.value = value
        super.init()
    }
    public override var kind: NodeKind { .chanType }
    public override var pos: Pos { begin }
    public override var end: Pos { value.end }
    public override func forEachChild(_ body: (Node) -> Void) { body(value) }
}

/// A field of a struct, a parameter or result, a type parameter, or an interface element.
public final class Field: Node, @unchecked Sendable {
    /// The names; empty for an embedded field, an unnamed parameter or an interface element.
    public let names: [Ident]
    /// The field type (the signature for an interface method, the constraint for a type parameter).
    public let type: Expr
    /// The struct tag, if any.
    public let tag: BasicLit?
    init(names: [Ident], type: Expr, tag: BasicLit?) {
        self.names = names
        self.type = type
        self.tag = tag
        super.init()
    }
    public override var kind: NodeKind { .field }
    public override var pos: Pos { names.first?.pos ?? type.pos }
    public override var end: Pos { tag?.end ?? type.end }
    public override func forEachChild(_ body: (Node) -> Void) {
        for n in names { body(n) }
        body(type)
        if let tag { body(tag) }
    }
}

/// A list of fields enclosed in `()`, `[]` or `{}` (the delimiters may be absent for a single result).
public final class FieldList: Node, @unchecked Sendable {
    /// Position of the opening delimiter, or invalid.
    public let opening: Pos
    /// The fields.
    public let list: [Field]
    /// Position of the closing delimiter, or invalid.
    public let closing: Pos
    init(opening: Pos, list: [Field], closing: Pos) {
        self.opening = opening
        self.list = list
        self.closing = closing
        super.init()
    }
    /// The number of names declared (an unnamed field counts 1).
    public var numFields: Int { list.reduce(0) { $0 + max(1, $1.names.count) } }
    public override var kind: NodeKind { .fieldList }
    public override var pos: Pos { opening.isValid ? opening : (list.first?.pos ?? .invalid) }
    public override var end: Pos { closing.isValid ? closing.advanced(by: 1) : (list.last?.end ?? .invalid) }
    public override func forEachChild(_ body: (Node) -> Void) {
        for f in list { body(f) }
    }
}
