import ConcModel
import GoSyntax

extension GoLowering {
    /// Lowers the whole file: package-level names first (visible everywhere), then every body.
    func lowerFile() -> Unit {
        for spec in tree.imports {
            let path = spec.path.value.filter { $0 != "\"" && $0 != "`" }
            let last = path.split(separator: "/").last.map(String.init) ?? path
            let local = spec.name?.name ?? last
            imports[local] = last
            if local == "." { dotImports.append(last) }
            if GoAPITable.concurrencyImports.contains(path) {
                mentionsConcurrency = true
            }
        }
        for decl in tree.decls {
            decl.inspect { node in
                if let branch = node as? BranchStmt, branch.tok == .goto { gotoOffsets.append(branch.pos.offset) }
                return true
            }
            if let general = decl as? GenDecl { collectPackageLevel(general) }
            if let function = decl as? FuncDecl { declaredFunctionNames.insert(function.name.name) }
            if let function = decl as? FuncDecl, function.recv == nil, let results = function.type.results?.list,
               results.count == 1, results[0].names.count <= 1, results[0].type is ChanType {
                channelFunctions.insert(function.name.name)
            }
        }
        for decl in tree.decls {
            if let function = decl as? FuncDecl { lowerFunction(function) }
        }
        resolveNamedSpawns()
        var unit = Unit(file: file, language: .go, functions: functions, bindings: bindings,
                        languageVersion: languageVersion, mentionsConcurrency: mentionsConcurrency || hasGoStatement)
        unit.types = typeDeclarations
        unit.packageName = tree.name.name
        unit.bufferedChannelFields = bufferedChannelFields
        unit.inputParameters = inputParameters()
        unit.isTestCode = file.path.hasSuffix("_test.go")
        return unit
    }

    var hasGoStatement: Bool {
        functions.contains { function in
            function.body.contains { if case .spawn = $0 { return true } else { return false } }
        }
    }

    func collectPackageLevel(_ decl: GenDecl) {
        for spec in decl.specs {
            if let value = spec as? ValueSpec {
                if decl.tok == .const {
                    for (index, name) in value.names.enumerated() where index < value.values.count {
                        noteConstant(name.name, value: value.values[index])
                    }
                    continue
                }
                for (index, name) in value.names.enumerated() {
                    let initializer = index < value.values.count ? value.values[index] : nil
                    let facts = typeFacts(type: value.type, value: initializer)
                    let id = makeBinding(name: name.name, kind: .global, isMutable: true, range: range(name), type: facts, function: .some(nil))
                    globals[name.name] = id
                    // A package-level table (`var tests = []T{…}`, `var bufs [2]T`) has a fixed size.
                    if let literal = initializer as? CompositeLit, literal.type is ArrayType {
                        literalCounts[id] = literal.elts.count
                    } else if let count = arrayLength(value.type) {
                        literalCounts[id] = count
                    }
                }
            } else if let type = spec as? TypeSpec, let structType = type.type as? StructType {
                var fields: [String: TypeFacts] = [:]
                for field in structType.fields.list {
                    let facts = GoAPITable.facts(ofType: field.type, imports: imports)
                    if field.names.isEmpty {
                        if facts.category == .lock || facts.category == .readWriteLock { embedsLock.insert(type.name.name) }
                    }
                    for name in field.names { fields[name.name] = facts }
                }
                structFields[type.name.name] = fields
                typeDeclarations.append(typeDeclaration(type, structType))
            }
        }
    }

    /// Type facts from a declared type or an initializer.
    func typeFacts(type: Expr?, value: Expr?) -> TypeFacts {
        let declared = GoAPITable.facts(ofType: type, imports: imports)
        if declared.category != .unknown || value == nil { return declared }
        guard var value else { return declared }
        if let literal = value as? BasicLit, literal.tokenKind == .int { return TypeFacts(.value, name: "int") }
        if constantValue(value) != nil { return TypeFacts(.value, name: "int") }
        if let call = value as? CallExpr {
            var name = text(call.fun)
            if let selector = call.fun as? SelectorExpr, let package = selector.x as? Ident, let path = imports[package.name] {
                name = path + "." + selector.sel.name
            }
            if GoAPITable.integerCalls.contains(name) { return TypeFacts(.value, name: "int") }
            if let made = GoAPITable.constructors[name], let category = GoAPITable.typeCategories[made] {
                return TypeFacts(category, name: made)
            }
        }
        if let unary = value as? UnaryExpr, unary.op == .and { value = unary.x }
        if let call = value as? CallExpr {
            if let ident = call.fun as? Ident, ident.name == "make", let first = call.args.first {
                return GoAPITable.facts(ofType: first, imports: imports)
            }
            if let ident = call.fun as? Ident, ident.name == "new", let first = call.args.first {
                return GoAPITable.facts(ofType: first, imports: imports)
            }
            if let selector = call.fun as? SelectorExpr, let package = selector.x as? Ident,
               imports[package.name] == "errgroup", selector.sel.name == "WithContext" {
                return TypeFacts(.group, name: "errgroup.Group")
            }
        }
        if let composite = value as? CompositeLit {
            let facts = GoAPITable.facts(ofType: composite.type, imports: imports)
            if facts.category != .unknown { return facts }
            if let name = facts.name { return TypeFacts(.reference, name: name) }
        }
        return declared
    }

    func lowerFunction(_ decl: FuncDecl) {
        guard let body = decl.body else { return }
        let name = decl.name.name
        var entry = Function.Entry.none
        if decl.recv == nil {
            if name == "main" && tree.name.name == "main" { entry = .main }
            if name == "init" { entry = .initializer }
            // Examples are documentation: background goroutines there are part of the story.
            for prefix in ["Test", "Benchmark", "Fuzz"] where name.hasPrefix(prefix) && file.path.hasSuffix("_test.go") {
                let rest = name.dropFirst(prefix.count)
                if rest.isEmpty || !(rest.first?.isLowercase ?? false) { entry = .test }
            }
        }
        var ownerType: String?
        if let receiver = decl.recv?.list.first {
            var type: Expr = receiver.type
            if let star = type as? StarExpr { type = star.x }
            if let index = type as? IndexExpr { type = index.x }
            if let indexList = type as? IndexListExpr { type = indexList.x }
            ownerType = (type as? Ident)?.name
        }
        let id = function(name: name, kind: .declared, entry: entry, isAsync: false, isolation: .nonisolated,
                          ownerType: ownerType, range: range(decl)) {
            var parameters: [BindingID] = []
            if let receiver = decl.recv?.list.first {
                for receiverName in receiver.names {
                    var facts = TypeFacts(.reference, name: ownerType)
                    if let ownerType, embedsLock.contains(ownerType) { facts = TypeFacts(.reference, name: ownerType) }
                    parameters.append(declare(name: receiverName.name, kind: .receiver, isMutable: true, range: range(receiverName), type: facts))
                }
            }
            parameters += declareFields(decl.type.params, kind: .parameter)
            _ = declareFields(decl.type.results, kind: .result)
            for statement in body.list { lowerStmt(statement) }
            return parameters
        }
        if decl.recv == nil { declaredFunctions[name] = id } else { declaredFunctions[ownerType.map { "\($0).\(name)" } ?? name] = id }
        functions[id.index].errorResults = Self.errorResults(decl.type.results)
        annotate(id, decl)
    }

    /// The positions of the results declared `error` (`(T, error)` → `[1]`).
    static func errorResults(_ list: FieldList?) -> [Int] {
        var positions: [Int] = []
        var position = 0
        for field in list?.list ?? [] {
            let count = max(field.names.count, 1)
            if (field.type as? Ident)?.name == "error" { positions += position..<(position + count) }
            position += count
        }
        return positions
    }

    func declareFields(_ list: FieldList?, kind: Binding.Kind) -> [BindingID] {
        guard let list else { return [] }
        var result: [BindingID] = []
        for field in list.list {
            var facts = GoAPITable.facts(ofType: field.type, imports: imports)
            // `wg sync.WaitGroup`: the function gets a copy of the caller's group.
            if kind == .parameter, facts.category == .group, facts.name == "sync.WaitGroup", !(field.type is StarExpr) {
                facts.isCopy = true
            }
            for name in field.names {
                result.append(declare(name: name.name, kind: kind, isMutable: true, range: range(name), type: facts))
            }
        }
        return result
    }

    /// `go worker(x)`: the body is the declared function, once every function is built.
    func resolveNamedSpawns() {
        for index in functions.indices {
            functions[index].body = functions[index].body.map(resolveSpawn)
        }
    }

    /// A declared function by name; for `x.method`, the method of that name when only one type
    /// in the file declares it.
    func declaredFunction(named callee: String) -> FunctionID? {
        if let id = declaredFunctions[callee] { return id }
        guard let method = callee.split(separator: ".").last.map(String.init), callee.contains(".") else { return nil }
        let candidates = declaredFunctions.filter { $0.key.hasSuffix("." + method) }
        return candidates.count == 1 ? candidates.first?.value : nil
    }

    private func resolveSpawn(_ step: Step) -> Step {
        switch step {
        case .spawn(var spawn):
            if spawn.body == nil, let callee = spawn.callee { spawn.body = declaredFunction(named: callee) }
            return .spawn(spawn)
        case .loop(var loop):
            loop.body = loop.body.map(resolveSpawn)
            return .loop(loop)
        case .branch(var branch):
            branch.arms = branch.arms.map { $0.map(resolveSpawn) }
            return .branch(branch)
        case .select(var select):
            for index in select.cases.indices { select.cases[index].body = select.cases[index].body.map(resolveSpawn) }
            return .select(select)
        case .critical(var critical):
            critical.body = critical.body.map(resolveSpawn)
            return .critical(critical)
        case .deferred(var deferred):
            deferred.body = deferred.body.map(resolveSpawn)
            return .deferred(deferred)
        default:
            return step
        }
    }
}
