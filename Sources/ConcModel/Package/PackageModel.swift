/// One package: the summaries of all its files joined, with an index of its types, methods and
/// functions, and the facts that need the whole package — what a call acquires through its
/// callees, and which locks every caller of a function holds.
///
/// Go: the files of one directory with one package clause. Swift: the files of one SwiftPM
/// target, otherwise of one directory. Calls resolve by receiver type where it is known, by
/// name for plain functions; anything else is unknown code and assumed harmless.
public final class PackageModel: Sendable {
    /// A name for the package (its directory, and the Go package name).
    public let name: String
    public let units: [UnitSummary]
    /// Every summary of every file, in file order.
    public let summaries: [FunctionSummary]
    /// Declared types by name; a Swift type's extensions add nothing but methods.
    public let types: [String: TypeDeclaration]
    /// Types declared more than once (Go files for different build tags, Swift alternatives):
    /// their fields may belong to builds that never meet.
    public let ambiguousTypes: Set<String>
    /// Channel fields (`Type.field`) made with a buffer somewhere in the package.
    public let bufferedChannelFields: Set<String>
    /// Summary indices of methods, by receiver type and method name.
    let methods: [String: [String: [Int]]]
    /// Summary indices of plain (non-method) declared functions, by name.
    let functions: [String: [Int]]
    /// Summary indices of closures by key.
    let byKey: [String: [Int]]
    /// Methods whose name only one type of the package declares, by name.
    let uniqueMethods: [String: [Int]]
    /// Closure summaries by the key of the declared function they are written in.
    let closuresByEnclosing: [String: [Int]]

    public init(name: String, units: [UnitSummary]) {
        self.name = name
        self.units = units
        var summaries: [FunctionSummary] = []
        var types: [String: TypeDeclaration] = [:]
        var ambiguous = Set<String>()
        for unit in units {
            summaries += unit.functions
            for type in unit.types {
                if var existing = types[type.name] {
                    if existing.kind == .extension, type.kind != .extension {
                        var replacement = type
                        replacement.fields += existing.fields
                        types[type.name] = replacement
                    } else {
                        if type.kind != .extension, existing.kind != .extension { ambiguous.insert(type.name) }
                        existing.fields += type.kind == .extension ? [] : type.fields.filter { field in !existing.fields.contains { $0.name == field.name } }
                        types[type.name] = existing
                    }
                } else {
                    types[type.name] = type
                }
            }
        }
        var methods: [String: [String: [Int]]] = [:]
        var functions: [String: [Int]] = [:]
        var byKey: [String: [Int]] = [:]
        for (index, summary) in summaries.enumerated() {
            byKey[summary.key, default: []].append(index)
            guard summary.kind == .declared, summary.closureRole == .none else { continue }
            if let owner = summary.ownerType, summary.key == "\(owner).\(summary.name)" {
                methods[owner, default: [:]][summary.name, default: []].append(index)
            } else if summary.ownerType == nil, summary.key == summary.name {
                functions[summary.name, default: []].append(index)
            }
        }
        var owners: [String: Set<String>] = [:]
        for (owner, byName) in methods { for name in byName.keys { owners[name, default: []].insert(owner) } }
        var uniqueMethods: [String: [Int]] = [:]
        for (name, types) in owners where types.count == 1 {
            if let owner = types.first, let found = methods[owner]?[name] { uniqueMethods[name] = found }
        }
        self.uniqueMethods = uniqueMethods
        self.ambiguousTypes = ambiguous
        var closuresByEnclosing: [String: [Int]] = [:]
        for (index, summary) in summaries.enumerated() where summary.closureRole != .none {
            closuresByEnclosing[summary.enclosingKey, default: []].append(index)
        }
        self.closuresByEnclosing = closuresByEnclosing
        self.bufferedChannelFields = units.reduce(into: Set<String>()) { $0.formUnion($1.bufferedChannelFields) }
        self.summaries = summaries
        self.types = types
        self.methods = methods
        self.functions = functions
        self.byKey = byKey
    }

    // MARK: Types

    /// The declared field `field` of type `type`, when the package declares both.
    public func field(_ field: String, of type: String?) -> FieldDeclaration? {
        guard let type, let declaration = types[type] else { return nil }
        return declaration.fields.first { $0.name == field }
    }

    /// The package type the location holds, following declared field types (`s.r` → `resolver`).
    public func type(of ref: StateRef) -> String? {
        var current = ref.rootType
        for name in ref.fields {
            guard let next = field(name, of: current)?.type.name, types[next] != nil else { return nil }
            current = next
        }
        return current.flatMap { types[$0] != nil ? $0 : nil }
    }

    /// The declared field a location ends at (`m.links` → the `links` field of `mesh`).
    public func declaredField(of ref: StateRef) -> (owner: String, field: FieldDeclaration)? {
        guard let last = ref.fields.last else { return nil }
        var prefix = ref
        prefix.fields.removeLast()
        prefix.reachesElement = false
        let owner = prefix.fields.isEmpty ? ref.rootType : type(of: prefix)
        guard let owner, let declaration = field(last, of: owner) else { return nil }
        return (owner, declaration)
    }

    /// A name for the location that is the same in every function of the package: the type
    /// that declares the last field and the field (`mesh.mu`, `broker.logState`), a package
    /// variable (`var:mu`), or a receiver type that embeds its lock (`registry`). `nil` for
    /// locals and unknown types.
    public func typeKey(_ ref: StateRef) -> String? {
        if case .global = ref.root { return ref.typeKey }
        if ref.fields.isEmpty {
            if case .receiver = ref.root, let type = ref.rootType { return type }
            return nil
        }
        if let (owner, field) = declaredField(of: ref) { return "\(owner).\(field.name)" }
        return ref.typeKey
    }

    /// Whether the channel field a type key names (`client.memMu`) was made with a buffer: that
    /// field, or the field of that name of a type the owner embeds (`comm.memMu`, promoted into
    /// a `client` that embeds `comm`), two levels down.
    public func isBufferedChannelField(_ key: String) -> Bool {
        if bufferedChannelFields.contains(key) { return true }
        guard let dot = key.lastIndex(of: ".") else { return false }
        let field = key[key.index(after: dot)...]
        var owners = [String(key[..<dot])]
        for _ in 0..<2 {
            owners = owners.flatMap { owner in
                (types[owner]?.fields ?? []).filter(\.isEmbedded).compactMap { embedded in
                    (embedded.type.name ?? embedded.name).split(separator: ".").last.map { String($0.drop { $0 == "*" }) }
                }
            }
            if owners.contains(where: { bufferedChannelFields.contains("\($0).\(field)") }) { return true }
        }
        return false
    }

    // MARK: Calls

    /// The summaries a call may run: same-package methods by receiver type, functions by name.
    public func callees(of call: CallEvent, in caller: FunctionSummary) -> [Int] {
        if call.isOnSelf, let owner = caller.ownerType {
            if let found = methods[owner]?[call.name] { return found }
            if call.receiver == nil, !call.callee.contains(".") { return functions[call.name] ?? [] }
            return []
        }
        if let receiver = call.receiver {
            if let type = receiver.fields.isEmpty ? receiver.rootType : type(of: receiver), types[type] != nil {
                return methods[type]?[call.name] ?? []
            }
            // An unknown receiver: the method when exactly one type of the package has one of
            // that name.
            return uniqueMethods[call.name] ?? []
        }
        if !call.callee.contains(".") { return functions[call.name] ?? [] }
        return []
    }

    /// The callee's receiver as the caller names it.
    public func receiver(of call: CallEvent, in caller: FunctionSummary) -> StateRef? {
        if call.isOnSelf, call.receiver == nil { return StateRef(root: .receiver, rootType: caller.ownerType, fields: []) }
        return call.receiver
    }

    /// The summaries of the spawned and escaping closures written in the function `key`.
    public func closures(of key: String) -> [Int] {
        closuresByEnclosing[key] ?? []
    }

    /// The declared function the summary at `index` is written in (itself, for a declared
    /// function) and every spawned or escaping closure written in that function: the work that
    /// shares its locals.
    public func family(of index: Int) -> [Int] {
        let key = summaries[index].enclosingKey
        let declared = (byKey[key] ?? []).filter { summaries[$0].closureRole == .none }
        return declared + closures(of: key)
    }

    /// The summaries a spawn starts: its closure, or the declared function it names.
    public func spawned(_ spawn: SpawnEvent, in creator: FunctionSummary) -> [Int] {
        if let key = spawn.bodyKey, let found = byKey[key] { return found }
        guard let callee = spawn.callee else { return [] }
        let parts = callee.split(separator: ".")
        guard let last = parts.last.map(String.init) else { return [] }
        if parts.count == 1 { return functions[last] ?? [] }
        if parts.count == 2, let owner = creator.ownerType, methods[owner]?[last] != nil { return methods[owner]?[last] ?? [] }
        return []
    }
}
