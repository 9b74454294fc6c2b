import ConcModel
import GoSyntax

extension GoLowering {
    func lowerBlock(_ block: BlockStmt) -> [Step] {
        collect { withScope { for statement in block.list { lowerStmt(statement) } } }
    }

    func lowerStmt(_ stmt: Stmt) {
        depth += 1
        defer { depth -= 1 }
        guard depth < Self.maximumDepth else { tooDeep = true; return }
        switch stmt {
        case let node as ExprStmt:
            lowerExpr(node.x)
        case let node as AssignStmt:
            lowerAssign(node)
        case let node as IncDecStmt:
            lowerRead(target: node.x)
            lowerWrite(target: node.x, kind: .increment, node: node)
        case let node as SendStmt:
            lowerExpr(node.value)
            let channel = channelBinding(node.chan)
            emit(.channel(ChannelStep(kind: .send, channel: channel, channelPath: text(node.chan), api: "<-", range: range(node))))
        case let node as GoStmt:
            lowerGo(node)
        case let node as DeferStmt:
            // The deferred function value is evaluated at the `defer` statement: `defer
            // leaktest.Check(t)()` runs `Check` now and its result at return.
            if let inner = node.call.fun as? CallExpr { lowerCall(inner) }
            let body = collect { lowerCall(node.call) }
            emit(.deferred(Deferred(body: body, range: range(node))))
        case let node as ReturnStmt:
            for result in node.results { lowerExpr(result) }
            var exit = Exit(kind: .return, range: range(node))
            if node.results.count == 1, let literal = node.results[0] as? Ident, ["true", "false"].contains(literal.name) {
                exit.returnsBool = literal.name == "true"
            }
            emit(.exit(exit))
        case let node as BranchStmt:
            if node.tok == .continue {
                emit(.exit(Exit(kind: .loopExit, range: range(node), continuesLoop: true, label: node.label?.name)))
            } else if node.tok == .break {
                emit(.exit(breakExit(range: range(node), label: node.label?.name)))
            }
        case let node as BlockStmt:
            for step in lowerBlock(node) { emit(step) }
        case let node as IfStmt:
            withScope { lowerIf(node) }
        case let node as SwitchStmt:
            let label = takeLabel()
            withScope {
                let conditionStart = stepStack[stepStack.count - 1].count
                if let initStmt = node.initStmt { lowerStmt(initStmt) }
                if let tag = node.tag { lowerExpr(tag) }
                let tested = testedCalls(since: conditionStart)
                withBreakTarget(.switchArm) { lowerClauses(node.body, range: range(node), label: label, testedCalls: tested) }
            }
        case let node as TypeSwitchStmt:
            let label = takeLabel()
            withScope {
                if let initStmt = node.initStmt { lowerStmt(initStmt) }
                lowerStmt(node.assign)
                withBreakTarget(.switchArm) { lowerClauses(node.body, range: range(node), label: label) }
            }
        case let node as SelectStmt:
            _ = takeLabel()
            withBreakTarget(.select) { lowerSelect(node) }
        case let node as ForStmt:
            lowerFor(node)
        case let node as RangeStmt:
            lowerRange(node)
        case let node as LabeledStmt:
            let labelsStatement = node.stmt is ForStmt || node.stmt is RangeStmt || node.stmt is SwitchStmt
                || node.stmt is TypeSwitchStmt || node.stmt is SelectStmt
            pendingLabel = labelsStatement ? node.label.name : nil
            lowerStmt(node.stmt)
            pendingLabel = nil
        case let node as DeclStmt:
            if let general = node.decl as? GenDecl { lowerLocalDecl(general) }
        default:
            break
        }
    }

    func lowerIf(_ node: IfStmt) {
        let conditionStart = stepStack[stepStack.count - 1].count
        if let initStmt = node.initStmt { lowerStmt(initStmt) }
        lowerExpr(node.cond)
        let tested = testedCalls(since: conditionStart)
        // `if mu.TryLock() { … }` holds the lock in its body; `if !mu.TryLock() { return }`
        // holds it after the if.
        let tried = triedLock(node.cond)
        var arms = [lowerBlock(node.body)]
        if let tried, !tried.negated { arms[0].insert(.sync(tried.lock), at: 0) }
        var isExhaustive = false
        if let elseStmt = node.elseStmt {
            arms.append(collect { withScope { lowerStmt(elseStmt) } })
            isExhaustive = true
        }
        var branch = Branch(arms: arms, isExhaustive: isExhaustive, range: range(node), turn: atomicTurn(node.cond))
        branch.testedCalls = tested
        emit(.branch(branch))
        if let tried, tried.negated, node.elseStmt == nil, Self.leaves(node.body) { emit(.sync(tried.lock)) }
    }

    /// `mu.TryLock()` / `mu.TryRLock()` (or its negation) as a condition: the lock it takes when
    /// it succeeds.
    func triedLock(_ cond: Expr) -> (lock: Sync, negated: Bool)? {
        var expr = cond
        var negated = false
        if let paren = expr as? ParenExpr { expr = paren.x }
        if let unary = expr as? UnaryExpr, unary.op == .not { expr = unary.x; negated = true }
        guard let call = expr as? CallExpr, call.args.isEmpty, let selector = call.fun as? SelectorExpr,
              ["TryLock", "TryRLock"].contains(selector.sel.name), let (id, path) = resolvePath(selector.x)
        else { return nil }
        let kind: Sync.Kind = selector.sel.name == "TryLock" ? .lock : .readLock
        return (Sync(kind: kind, target: id, targetPath: path, range: range(call)), negated)
    }

    /// Whether a block always leaves by its last statement (`return`, `continue`, `break`, `panic`).
    static func leaves(_ block: BlockStmt) -> Bool {
        guard let last = block.list.last else { return false }
        if last is ReturnStmt || last is BranchStmt { return true }
        if let expression = last as? ExprStmt, let call = expression.x as? CallExpr, (call.fun as? Ident)?.name == "panic" { return true }
        return false
    }

    func lowerClauses(_ body: BlockStmt, range: SourceRange, label: String?, testedCalls: [TestedCall] = []) {
        var arms: [[Step]] = []
        var hasDefault = false
        for clause in body.list {
            guard let clause = clause as? CaseClause else { continue }
            if clause.isDefault { hasDefault = true }
            arms.append(collect {
                withScope {
                    for expr in clause.list { lowerExpr(expr) }
                    for statement in clause.body { lowerStmt(statement) }
                }
            })
        }
        var branch = Branch(arms: arms, isExhaustive: hasDefault, range: range)
        branch.isSwitch = true
        branch.label = label
        branch.testedCalls = testedCalls
        emit(.branch(branch))
    }

    func lowerLocalDecl(_ decl: GenDecl) {
        for spec in decl.specs {
            guard let value = spec as? ValueSpec else { continue }
            if decl.tok == .const {
                for (index, name) in value.names.enumerated() where index < value.values.count {
                    noteConstant(name.name, value: value.values[index])
                }
                continue
            }
            let firstStep = stepStack[stepStack.count - 1].count
            for expr in value.values { lowerExpr(expr) }
            var declared: [BindingID?] = []
            // `var v, ok = c.Get(k)`: each name holds one result of the call.
            defer { noteCallResults(declared, since: firstStep, spread: value.names.count > 1 && value.values.count == 1) }
            for (index, name) in value.names.enumerated() {
                let initializer = index < value.values.count ? value.values[index] : nil
                let id = declare(name: name.name, kind: .local, isMutable: true, range: range(name),
                                 type: typeFacts(type: value.type, value: initializer))
                declared.append(id)
                bindings[id.index].derivedFrom = readBindings(since: firstStep)
                if let initializer { noteValue(initializer, boundTo: id) }
                if let count = arrayLength(value.type) { noteCountedCollection(id, count: count) }
                // `var s []T` and `var m map[K]V` start empty.
                if initializer == nil, value.type is MapType || (value.type as? ArrayType)?.len == nil && value.type is ArrayType {
                    noteCountedCollection(id, count: 0)
                }
            }
        }
    }

    // MARK: Loops

    func lowerFor(_ node: ForStmt) {
        let label = takeLabel()
        var domain: Loop.Domain = .condition
        var variables: [BindingID] = []
        var header: [Step] = []
        var body: [Step] = []
        withScope {
            if let initStmt = node.initStmt {
                let before = bindings.count
                lowerStmt(initStmt)
                for index in before..<bindings.count where bindings[index].kind == .local {
                    bindings[index] = Binding(
                        id: bindings[index].id, name: bindings[index].name, kind: .loopVariable, isMutable: true,
                        isPerIteration: loopVariablesPerIteration, function: bindings[index].function,
                        range: bindings[index].range, type: bindings[index].type)
                    variables.append(bindings[index].id)
                }
            }
            domain = forDomain(node)
            withLoop(LoopFrame(domain: domain, caps: cappedCollections(node.cond), node: node)) {
                header = collect {
                    if let cond = node.cond { lowerExpr(cond) }
                    if let post = node.post { lowerStmt(post) }
                }
                withBreakTarget(.loop) { body = lowerBlock(node.body) }
            }
        }
        var loop = Loop(domain: domain, variables: variables, header: header, body: markLastSpawn(body), range: range(node))
        loop.label = label
        emit(.loop(loop))
    }

    /// `for i := a; i < b; i++` with constant bounds counts; `for {}` is forever; a loop driven by
    /// `scanner.Scan()` reads input.
    func forDomain(_ node: ForStmt) -> Loop.Domain {
        guard let cond = node.cond else { return .forever }
        if let binary = cond as? BinaryExpr, [.lss, .leq, .gtr, .geq].contains(binary.op) {
            var start = 0
            if let assign = node.initStmt as? AssignStmt, let value = assign.rhs.first {
                start = constantValue(value) ?? 0
            }
            if let bound = constantValue(binary.y), binary.x is Ident {
                let count = binary.op == .leq ? bound - start + 1 : bound - start
                return .constantCount(max(0, count))
            }
            return .count
        }
        var readsInput = false
        cond.inspect { node in
            if let call = node as? CallExpr, let selector = call.fun as? SelectorExpr,
               ["Scan", "ReadLine", "ReadString", "ReadBytes", "ReadRune"].contains(selector.sel.name) {
                readsInput = true
            }
            return !readsInput
        }
        return readsInput ? .input : .condition
    }

    func lowerRange(_ node: RangeStmt) {
        let label = takeLabel()
        lowerExpr(node.x)
        if rangeReadsNoElement(node) { noteHeaderOnlyRead(of: node.x) }
        var domain: Loop.Domain = .collection
        let channelSource = channelFunctionCalled(node.x)
            ?? (node.x as? Ident).flatMap { resolve($0.name) }.flatMap { channelsFromCalls[$0] }
        if channelSource != nil, !(node.x is Ident) {
            domain = .channel(nil)
        } else if let count = constantValue(node.x) {
            domain = .constantCount(count)
        } else if let literal = node.x as? CompositeLit, literal.type is ArrayType {
            domain = .constantCount(literal.elts.count)
        } else if let literal = node.x as? CompositeLit, let count = arrayLength(literal.type) {
            domain = .constantCount(count)
        } else if let ident = node.x as? Ident, let id = resolve(ident.name), let count = literalCounts[id],
                  !sizeMayChangeInEnclosingLoops(id, name: ident.name) {
            domain = .constantCount(count)
        } else if let ident = node.x as? Ident, let id = resolve(ident.name), boundedCollections.contains(id),
                  !sizeMayChangeInEnclosingLoops(id, name: ident.name) {
            // Grown only within constant bounds: as many elements as the code chose.
            domain = .count
        } else if let ident = node.x as? Ident, let id = resolve(ident.name), let made = madeCounts[id] {
            // A slice of n slots made here: ranging over it counts n, like `for i := 0; i < n; i++`.
            domain = made.map { .constantCount($0) } ?? .count
        } else if let ident = node.x as? Ident, let id = resolve(ident.name) {
            switch bindings[id.index].type.category {
            case .channel: domain = .channel(id)
            case .value: domain = .count
            default: domain = bindings[id.index].type.name == "array" ? .count : .collection
            }
        } else if let (id, path) = resolvePath(node.x), isArrayField(path, of: id) {
            // `range state.data` over a field declared `data [K]T`: a fixed number of slots.
            domain = .count
        } else if isIntegerExpression(node.x) {
            // Go 1.22 ranges over an integer: a counted loop.
            domain = .count
        } else if let length = stringConstantLength(node.x) {
            domain = .constantCount(length)
        }
        var variables: [BindingID] = []
        var body: [Step] = []
        withScope {
            if node.tok == .define {
                // A counted range's key is an integer, and so is each element of a slice of integers.
                let elementIsInteger = (node.x as? Ident).flatMap { resolve($0.name) }.map(integerElements.contains) ?? false
                var keyIsInteger = domain == .count
                if case .constantCount = domain { keyIsInteger = true }
                for (position, expr) in [node.key, node.value].enumerated() {
                    guard let ident = expr as? Ident, ident.name != "_" else { continue }
                    let isInteger = position == 0 ? keyIsInteger : elementIsInteger
                    variables.append(declare(name: ident.name, kind: .loopVariable, isMutable: true, range: range(ident),
                                             type: isInteger ? TypeFacts(.value, name: "int") : .unknown,
                                             isPerIteration: loopVariablesPerIteration))
                }
            } else {
                for expr in [node.key, node.value] {
                    if let expr { lowerWrite(target: expr, kind: .assign, node: node) }
                }
            }
            withLoop(LoopFrame(domain: domain, caps: [], node: node)) { withBreakTarget(.loop) { body = lowerBlock(node.body) } }
        }
        if case .channel = domain { mentionsConcurrency = true }
        // What a loop takes out of an object's field comes from that object (`for r := range
        // mux.requests`), as `r := <-mux.requests` would.
        if node.x is SelectorExpr, let source = resolvePath(node.x)?.0 {
            for variable in variables { bindings[variable.index].derivedFrom = [source] }
        }
        var loop = Loop(domain: domain, variables: variables, body: markLastSpawn(body), range: range(node))
        loop.source = resolvePath(node.x)?.0
        loop.sourcePlace = resolvePath(node.x).flatMap { place(ofPath: $0.1, root: $0.0) }
        loop.elementsFromInput = domain == .collection && rangesOverInput(node.x)
        loop.channelSource = channelSource
        if case .channel(let id?) = domain, signalChannels.contains(id) { loop.receivesSignals = true }
        if domain == .count, let ident = node.x as? Ident, let id = resolve(ident.name), boundedCollections.contains(id) {
            loop.mostElements = collectionBounds[id]
        }
        loop.label = label
        emit(.loop(loop))
    }

    /// Marks a `go` statement that is the last statement of a loop body (what `go vet`'s
    /// loopclosure checks).
    func markLastSpawn(_ body: [Step]) -> [Step] {
        guard case .spawn(var spawn)? = body.last else { return body }
        spawn.endsLoopBody = true
        return body.dropLast() + [.spawn(spawn)]
    }

    // MARK: Select

    func lowerSelect(_ node: SelectStmt) {
        mentionsConcurrency = true
        var cases: [Select.Case] = []
        for clause in node.body.list {
            guard let clause = clause as? CommClause else { continue }
            var kind: Select.Case.Kind = .default
            var channelExpr: Expr?
            var steps: [Step] = []
            steps = collect {
                withScope {
                    switch clause.comm {
                    case let send as SendStmt:
                        kind = .send
                        channelExpr = send.chan
                        lowerExpr(send.value)
                    case let expr as ExprStmt:
                        channelExpr = receivedChannel(expr.x)
                        kind = .receive
                    case let assign as AssignStmt:
                        channelExpr = assign.rhs.first.flatMap(receivedChannel)
                        kind = .receive
                        if assign.tok == .define {
                            for lhs in assign.lhs {
                                if let ident = lhs as? Ident { declare(name: ident.name, kind: .local, isMutable: true, range: range(ident)) }
                            }
                        }
                    default:
                        break
                    }
                    // `case <-ctx.Done():` evaluates the call, reading `ctx`: the case waits on it.
                    if kind == .receive, let call = channelExpr as? CallExpr { lowerCall(call) }
                    for statement in clause.body { lowerStmt(statement) }
                }
            }
            if kind == .receive, let channelExpr { kind = receiveKind(channelExpr) }
            cases.append(Select.Case(
                kind: kind, channel: channelExpr.flatMap(channelBinding), channelPath: channelExpr.map(text) ?? "",
                body: steps, range: range(clause)))
        }
        emit(.select(Select(cases: cases, range: range(node))))
    }

    func receivedChannel(_ expr: Expr) -> Expr? {
        if let unary = expr as? UnaryExpr, unary.op == .arrow { return unary.x }
        return nil
    }

    /// A receive from `time.After`, a timer or ticker is a timeout; from `ctx.Done()` or a
    /// done / quit / stop channel, a cancellation.
    func receiveKind(_ channel: Expr) -> Select.Case.Kind {
        if let call = channel as? CallExpr, let selector = call.fun as? SelectorExpr {
            if let package = selector.x as? Ident, imports[package.name] == "time" { return .timeout }
            if selector.sel.name == "Done" { return .cancellation }
        }
        if let selector = channel as? SelectorExpr, selector.sel.name == "C" { return .timeout }
        let name = text(channel).lowercased()
        if ["done", "quit", "stop", "closing", "shutdown", "cancel", "exit"].contains(where: { name.hasSuffix($0) || name.hasPrefix($0) }) {
            return .cancellation
        }
        return .receive
    }
}
