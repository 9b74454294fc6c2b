import ConcModel
import GoSyntax

extension GoLowering {
    func lowerExpr(_ expr: Expr) {
        depth += 1
        defer { depth -= 1 }
        guard depth < Self.maximumDepth else { tooDeep = true; return }
        switch expr {
        case let node as Ident:
            if let id = resolve(node.name) { readAccess(id, path: node.name, node: node) }
        case let node as SelectorExpr:
            if let (id, path) = resolvePath(node) {
                readAccess(id, path: path, node: node)
                lowerPathArguments(node.x)
            } else {
                lowerExpr(node.x)
            }
        case let node as CallExpr:
            lowerCall(node)
        case let node as FuncLit:
            let id = lowerFuncLit(node)
            emit(.closure(ClosureUse(function: id, invocation: .escaping)))
        case let node as UnaryExpr:
            if node.op == .arrow {
                lowerExpr(node.x)
                mentionsConcurrency = true
                emit(.channel(ChannelStep(kind: .receive, channel: channelBinding(node.x), channelPath: text(node.x), api: "<-", range: range(node))))
            } else {
                if node.op == .and { forgetSize(of: node.x) }
                let first = stepStack[stepStack.count - 1].count
                lowerExpr(node.x)
                if node.op == .and, node.x is SelectorExpr { markAddressOnly(of: node.x, since: first) }
            }
        case let node as BinaryExpr:
            // A chain `a + b + c + …` leans left; lowering its operands in a loop keeps a chain of
            // thousands of terms within the depth limit, so the code after it is still analysed.
            var operands = [node.y]
            var left: Expr = node.x
            while let link = left as? BinaryExpr {
                operands.append(link.y)
                left = link.x
            }
            lowerExpr(left)
            for operand in operands.reversed() { lowerExpr(operand) }
        case let node as ParenExpr:
            lowerExpr(node.x)
        case let node as IndexExpr:
            lowerExpr(node.x)
            noteConstantIndex(of: node.x, index: node.index)
            lowerExpr(node.index)
        case let node as StarExpr:
            // `*p` reads the whole value p points to, not just the pointer.
            if let (id, path) = resolvePath(node.x) {
                readAccess(id, path: "*" + path, node: node)
                lowerPathArguments(node.x)
            } else {
                lowerExpr(node.x)
            }
        case let node as CompositeLit:
            noteBufferedChannelFields(node)
            for element in node.elts { lowerExpr(element) }
        case let node as KeyValueExpr:
            lowerExpr(node.value)
        case let node as SliceExpr:
            lowerSlice(node, bounded: false)
        case let node as TypeAssertExpr:
            lowerExpr(node.x)
        default:
            break
        }
    }

    func readAccess(_ id: BindingID, path: String, node: Node) {
        let binding = bindings[id.index]
        emit(.access(Access(binding: id, kind: .read, isAtomic: binding.type.category == .atomic, path: path, range: range(node))))
    }

    /// `a.b.c` → the binding `a` and the path as written; `nil` when `a` is a package or unknown.
    func resolvePath(_ expr: Expr) -> (BindingID, String)? {
        var components: [String] = []
        var current: Expr = expr
        var steps = 0
        while steps < 64 {
            steps += 1
            switch current {
            case let ident as Ident:
                guard let id = resolve(ident.name) else { return nil }
                return (id, ([ident.name] + components.reversed()).joined(separator: "."))
            case let selector as SelectorExpr:
                components.append(selector.sel.name)
                current = selector.x
            case let index as IndexExpr:
                components.append("[…]")
                current = index.x
            case let star as StarExpr:
                current = star.x
            case let paren as ParenExpr:
                current = paren.x
            default:
                return nil
            }
        }
        return nil
    }

    func lowerPathArguments(_ expr: Expr) {
        var current: Expr = expr
        var steps = 0
        while steps < 64 {
            steps += 1
            if let selector = current as? SelectorExpr { current = selector.x; continue }
            if let index = current as? IndexExpr { lowerExpr(index.index); current = index.x; continue }
            if let star = current as? StarExpr { current = star.x; continue }
            if let paren = current as? ParenExpr { current = paren.x; continue }
            if let call = current as? CallExpr { lowerExpr(call); return }
            return
        }
    }

    func channelBinding(_ expr: Expr) -> BindingID? {
        if let ident = expr as? Ident { return resolve(ident.name) }
        if let (id, _) = resolvePath(expr) { return id }
        return nil
    }

    // MARK: Assignment

    func lowerAssign(_ node: AssignStmt) {
        let firstStep = stepStack[stepStack.count - 1].count
        for (index, value) in node.rhs.enumerated() {
            lowerExpr(value)
            // `_ = a[i:j]`: the reslice is thrown away, so only the header was read.
            if node.lhs.count == node.rhs.count, (node.lhs[index] as? Ident)?.name == "_", let slice = value as? SliceExpr {
                noteHeaderOnlyRead(of: slice.x)
            }
        }
        if node.rhs.count == 1, let call = node.rhs[0] as? CallExpr { noteLockMayFail(call, since: firstStep) }
        // The locals the statement sets hold what its calls returned (`v, ok := c.Get(k)`).
        var assignedLocals = [BindingID?](repeating: nil, count: node.lhs.count)
        defer { noteCallResults(assignedLocals, since: firstStep, spread: node.lhs.count > 1 && node.rhs.count == 1) }
        switch node.tok {
        case .define:
            for (index, lhs) in node.lhs.enumerated() {
                guard let ident = lhs as? Ident, ident.name != "_" else { continue }
                let value = node.lhs.count == node.rhs.count ? node.rhs[index] : (index == 0 ? node.rhs.first : nil)
                if let existing = scopes.last?[ident.name] {
                    // `:=` redeclares nothing that is already in this scope: it assigns.
                    writeAccess(existing, kind: .assign, path: ident.name, node: ident)
                    assignedLocals[index] = existing
                    continue
                }
                var facts = typeFacts(type: nil, value: value)
                if node.lhs.count == 2, node.rhs.count == 1, index == 0, let call = node.rhs.first as? CallExpr,
                   let selector = call.fun as? SelectorExpr, selector.sel.name == "WithContext",
                   let package = selector.x as? Ident, imports[package.name] == "errgroup" {
                    facts = TypeFacts(.group, name: "errgroup.Group")
                }
                let id = declare(name: ident.name, kind: .local, isMutable: true, range: range(ident), type: facts)
                assignedLocals[index] = id
                bindings[id.index].derivedFrom = readBindings(since: firstStep)
                if node.lhs.count == 1, let call = value as? CallExpr, isAfterFuncCall(call) {
                    markTimers(since: firstStep) { $0.handle = .bound(id) }
                }
                if let value { noteValue(value, boundTo: id) }
            }
        case .assign:
            for (index, lhs) in node.lhs.enumerated() {
                var kind = Access.WriteKind.assign
                if node.lhs.count == node.rhs.count { forgetSize(of: node.rhs[index], onlyMaps: true) }
                if node.lhs.count == node.rhs.count, let call = node.rhs[index] as? CallExpr,
                   let fun = call.fun as? Ident, fun.name == "append", let first = call.args.first,
                   text(first) == text(lhs) {
                    kind = .append
                    if let ident = lhs as? Ident, let id = resolve(ident.name) {
                        noteGrowth(of: id, by: call.ellipsis.isValid ? nil : call.args.count - 1)
                    }
                }
                lowerWrite(target: lhs, kind: kind, node: node)
                if let ident = lhs as? Ident, let id = resolve(ident.name), bindings[id.index].kind == .local {
                    assignedLocals[index] = id
                }
                if node.lhs.count == 1, let call = node.rhs.first as? CallExpr, isAfterFuncCall(call),
                   let ident = lhs as? Ident, let id = resolve(ident.name) {
                    markTimers(since: firstStep) { $0.handle = .bound(id) }
                }
                if node.lhs.count == node.rhs.count, let selector = lhs as? SelectorExpr, isBufferedChannel(node.rhs[index]),
                   let (id, path) = resolvePath(selector.x), let type = bindings[id.index].type.name, !path.contains(".") {
                    bufferedChannelFields.insert("\(type).\(selector.sel.name)")
                }
            }
        default:
            for lhs in node.lhs {
                lowerRead(target: lhs)
                lowerWrite(target: lhs, kind: .compound, node: node)
            }
        }
    }

    /// Remembers what a binding was initialised with: a function literal (for `go f()`) or a
    /// channel made here (the `make` step learns its binding).
    func noteValue(_ value: Expr, boundTo id: BindingID) {
        forgetSize(of: value, onlyMaps: true)
        if isInputCollectionCall(value) { inputCollections.insert(id) }
        if let name = channelFunctionCalled(value) {
            channelsFromCalls[id] = name
            bindings[id.index].type = TypeFacts(.channel, name: "chan")
        }
        if value is FuncLit {
            let literalRange = range(value)
            if let literal = functions.last(where: { $0.range == literalRange }) {
                functionValues[id] = literal.id
                bindings[id.index].closure = literal.id
            }
        }
        if let count = initialCollectionCount(value) { noteCountedCollection(id, count: count) }
        if let literal = value as? CompositeLit, let array = literal.type as? ArrayType {
            noteCountedCollection(id, count: literal.elts.count)
            if let element = array.elt as? Ident, GoAPITable.integerTypes.contains(element.name) { integerElements.insert(id) }
        }
        if let call = value as? CallExpr, let fun = call.fun as? Ident, fun.name == "make", call.args.count == 2,
           call.args[0] is ArrayType, let count = call.args.last, !isLengthOfInput(count) {
            madeCounts[id] = .some(constantValue(count))
        }
        if isBufferedMake(value) { bufferedChannelLocals.insert(id) }
        if let call = value as? CallExpr, let fun = call.fun as? Ident, fun.name == "make" {
            let site = range(call)
            let steps = stepStack[stepStack.count - 1]
            // The make step is the last one with the call's range (declarations may follow it).
            if let index = steps.lastIndex(where: { step in
                if case .channel(let channel) = step, case .make = channel.kind { return channel.range == site }
                return false
            }), case .channel(var step) = steps[index] {
                step.channel = id
                step.channelPath = bindings[id.index].name
                stepStack[stepStack.count - 1][index] = .channel(step)
            }
        }
    }

    /// `len(x)` (or an expression of it): a size taken from the input, not a chosen count.
    func isLengthOfInput(_ expr: Expr) -> Bool {
        var found = false
        expr.inspect { node in
            if let call = node as? CallExpr, let fun = call.fun as? Ident, fun.name == "len" || fun.name == "cap" { found = true }
            return !found
        }
        return found
    }

    func lowerRead(target: Expr) {
        if let ident = target as? Ident, let id = resolve(ident.name) {
            readAccess(id, path: ident.name, node: ident)
        } else if let (id, path) = resolvePath(target) {
            readAccess(id, path: path, node: target)
            if let index = target as? IndexExpr { noteConstantIndex(of: index.x, index: index.index) }
        }
    }

    func writeAccess(_ id: BindingID, kind: Access.WriteKind, path: String, node: Node, indexIsPrivate: Bool = false) {
        let binding = bindings[id.index]
        if kind == .append {
            // Growth is decided by `noteGrowth`, from the append's arguments.
        } else if kind == .assign && path == binding.name {
            // Replaced: no longer the literal, the made slice or the bounded collection it was.
            if binding.kind == .local, literalCounts[id] != nil || madeCounts[id] != nil || boundedCollections.contains(id) {
                inputCollections.insert(id)
            }
            literalCounts[id] = nil
            collectionBounds[id] = nil
            madeCounts[id] = nil
            boundedCollections.remove(id)
        }
        emit(.access(Access(binding: id, kind: .write(kind), isAtomic: binding.type.category == .atomic,
                            path: path, range: range(node), indexIsPrivate: indexIsPrivate)))
    }

    /// Records a write to the storage `target` names.
    func lowerWrite(target: Expr, kind: Access.WriteKind, node: Node) {
        switch target {
        case let ident as Ident:
            if ident.name != "_", let id = resolve(ident.name) { writeAccess(id, kind: kind, path: ident.name, node: target) }
        case let paren as ParenExpr:
            lowerWrite(target: paren.x, kind: kind, node: node)
        case let index as IndexExpr:
            lowerExpr(index.index)
            guard let (id, path) = resolvePath(index.x) else { lowerExpr(index.x); return }
            lowerPathArguments(index.x)
            let isMap = bindings[id.index].type.name == "map" && path == bindings[id.index].name
            // `rows[i][0] = v`: the first index picks the row, so it decides whose element it is.
            var rowIndex = index.index
            var cursor: Expr = index.x
            while let inner = cursor as? IndexExpr {
                rowIndex = inner.index
                cursor = inner.x
            }
            let isPrivate = indexIsPrivate(rowIndex)
            if isMap { noteGrowth(of: id, by: 1) }
            writeAccess(id, kind: isMap ? .mapStore : (kind == .assign || kind == .append ? .indexStore : kind),
                        path: path + "[…]", node: target, indexIsPrivate: isPrivate && !isMap)
            if !isMap {
                recordIndexBindings(of: rowIndex)
                noteConstantIndex(of: index.x, index: index.index)
            }
        case let selector as SelectorExpr:
            guard let (id, path) = resolvePath(selector) else { lowerExpr(selector.x); return }
            lowerPathArguments(selector.x)
            // `xs[i].f = v`: the index decides whose element it is.
            var indexExpr: Expr?
            var cursor: Expr = selector.x
            while indexExpr == nil {
                if let index = cursor as? IndexExpr { indexExpr = index.index } else if let inner = cursor as? SelectorExpr { cursor = inner.x } else { break }
            }
            let isPrivate = indexExpr.map(indexIsPrivate) ?? false
            writeAccess(id, kind: kind == .assign ? .fieldStore : kind, path: path, node: target, indexIsPrivate: isPrivate)
            if let indexExpr { recordIndexBindings(of: indexExpr) }
        case let star as StarExpr:
            guard let (id, path) = resolvePath(star.x) else { return }
            writeAccess(id, kind: kind == .assign ? .fieldStore : kind, path: "*" + path, node: target)
        default:
            lowerExpr(target)
        }
    }

    /// Attaches the bindings an index expression reads to the access just emitted, so rules can
    /// judge whether concurrent instances index distinct elements.
    func recordIndexBindings(of index: Expr) {
        guard case .access(var access)? = stepStack[stepStack.count - 1].last else { return }
        var names: [BindingID] = []
        index.inspect { node in
            if let ident = node as? Ident, let id = resolve(ident.name) { names.append(id) }
            return true
        }
        access.indexBindings = names
        stepStack[stepStack.count - 1][stepStack[stepStack.count - 1].count - 1] = .access(access)
    }

    /// Whether every name in an index is private to the function being built (a parameter or a
    /// local of the goroutine), so concurrent instances index distinct elements.
    func indexIsPrivate(_ expr: Expr) -> Bool {
        var sawName = false
        var allPrivate = true
        expr.inspect { node in
            if let ident = node as? Ident {
                if let id = resolve(ident.name) {
                    sawName = true
                    // A per-iteration loop variable is the goroutine's own, like a parameter.
                    let binding = bindings[id.index]
                    let perIteration = binding.kind == .loopVariable && binding.isPerIteration
                    if !isPrivateToCurrentFunction(id) && !perIteration { allPrivate = false }
                } else if constants[ident.name] == nil && imports[ident.name] == nil {
                    // An unknown name (a builtin like len) does not decide.
                }
            }
            if let selector = node as? SelectorExpr, selector.x is Ident { return true }
            return allPrivate
        }
        return sawName && allPrivate
    }

    // MARK: Function literals

    func lowerFuncLit(_ node: FuncLit) -> FunctionID {
        function(name: "func literal", kind: .closure, isAsync: false, isolation: .nonisolated, ownerType: nil, range: range(node)) {
            let parameters = declareFields(node.type.params, kind: .parameter)
            _ = declareFields(node.type.results, kind: .result)
            for statement in node.body.list { lowerStmt(statement) }
            return parameters
        }
    }
}

extension GoLowering {
    /// Go paths as `resolvePath` and the writes spell them: `s.mu`, `*p`, `s.links[…]`,
    /// `a.[…].f`. The root is `root`, or the binding the first name resolves to.
    func placeOfPath(_ path: String, root: BindingID?) -> Place? {
        var text = Substring(path)
        var components: [Place.Component] = []
        while text.first == "*" { text = text.dropFirst() }
        // Bytes for the usual ASCII path (see PathText), characters otherwise.
        let plain = PathText.isPlain(path)
        let parts = plain ? PathText.parts(of: String(text)) : text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        func elementsTrimmed(_ part: String) -> (name: String, elements: Int) {
            if plain {
                let trimmed = PathText.trimmingSuffixes("[…]", of: part)
                return (trimmed.rest, trimmed.count)
            }
            var name = Substring(part)
            var elements = 0
            while name.hasSuffix("[…]") { name = name.dropLast(3); elements += 1 }
            return (String(name), elements)
        }
        guard let first = parts.first else { return nil }
        let (rootName, rootElements) = elementsTrimmed(first)
        guard let id = root ?? resolve(rootName) ?? implicitPackageVariable(rootName) else { return nil }
        components.append(contentsOf: repeatElement(.element, count: rootElements))
        for part in parts.dropFirst() {
            let (name, elements) = elementsTrimmed(part)
            if !name.isEmpty { components.append(.field(name)) }
            components.append(contentsOf: repeatElement(.element, count: elements))
        }
        return Place(root: id, components: components)
    }
}

extension GoLowering {
    /// `make(chan T, n)` with a buffer that is not a constant zero.
    func isBufferedMake(_ expr: Expr) -> Bool {
        guard let call = expr as? CallExpr, let fun = call.fun as? Ident, fun.name == "make", call.args.count >= 2,
              call.args[0] is ChanType else { return false }
        return constantValue(call.args[1]).map { $0 > 0 } ?? true
    }

    /// `&s.r`: the read lowered for the selector since `first` is of the field's address only.
    func markAddressOnly(of selector: Expr, since first: Int) {
        let site = range(selector)
        rewriteSteps(since: first) { step in
            guard case .access(var access) = step, access.range == site, access.kind == .read else { return nil }
            access.takesAddressOnly = true
            return .access(access)
        }
    }

    /// Replaces each step emitted into the current block since `first` for which `rewrite`
    /// returns a step: amending what an expression lowered once its context is known.
    func rewriteSteps(since first: Int, _ rewrite: (Step) -> Step?) {
        let top = stepStack.count - 1
        for index in first..<stepStack[top].count {
            if let rewritten = rewrite(stepStack[top][index]) { stepStack[top][index] = rewritten }
        }
    }

    /// `l, err := store.Lock()`, `if err := conn.lock(); err != nil`: a `Lock` whose result is
    /// assigned (a handle, an error) is a project's own API that reports failure instead of
    /// waiting, as `TryLock` does (sync's `Lock` returns nothing). The lock step made for the call since `first` becomes a try.
    func noteLockMayFail(_ call: CallExpr, since first: Int) {
        guard let selector = call.fun as? SelectorExpr, ["Lock", "RLock", "lock"].contains(selector.sel.name) else { return }
        let site = range(call)
        rewriteSteps(since: first) { step in
            guard case .sync(var sync) = step, sync.range == site, sync.kind == .lock || sync.kind == .readLock else { return nil }
            sync.kind = .tryLock
            return .sync(sync)
        }
    }

    /// A buffered channel: `make(chan X, n)` with a buffer, a local made so, or a field this file
    /// gave a buffer (`workerComm{memMu: w.memMu}`).
    func isBufferedChannel(_ expr: Expr) -> Bool {
        if isBufferedMake(expr) { return true }
        if let ident = expr as? Ident, let id = resolve(ident.name) { return bufferedChannelLocals.contains(id) }
        if let selector = expr as? SelectorExpr, let (id, path) = resolvePath(selector.x), !path.contains("."),
           let type = bindings[id.index].type.name {
            return bufferedChannelFields.contains("\(type.hasPrefix("*") ? String(type.dropFirst()) : type).\(selector.sel.name)")
        }
        return false
    }

    /// `T{ch: make(chan X, 1)}`: the field `T.ch` gets a buffer.
    func noteBufferedChannelFields(_ literal: CompositeLit) {
        guard let type = GoAPITable.facts(ofType: literal.type, imports: imports).name, structFields[type] != nil || !type.contains(".") else { return }
        for case let pair as KeyValueExpr in literal.elts {
            if let key = pair.key as? Ident, isBufferedChannel(pair.value) { bufferedChannelFields.insert("\(type).\(key.name)") }
        }
    }
}

extension GoLowering {
    /// A name no scope of this file declares and no import names: a package-level variable
    /// another file of the package declares (`lock(&sched.lock)` with `sched` in another file).
    /// Made once per name, so that summaries can name the lock.
    func implicitPackageVariable(_ name: String) -> BindingID? {
        guard !name.isEmpty, imports[name] == nil, name != "_",
              name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }), !(name.first?.isNumber ?? true)
        else { return nil }
        if let known = implicitGlobals[name] { return known }
        let origin = SourcePosition(offset: 0, line: 1, column: 1)
        let id = makeBinding(name: name, kind: .global, isMutable: true, range: SourceRange(start: origin, end: origin), function: .some(nil))
        implicitGlobals[name] = id
        return id
    }
}
