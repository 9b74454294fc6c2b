import ConcModel
import GoSyntax

extension GoLowering {
    /// A call's callee: receiver expression (nil for a plain function), the package when the
    /// receiver is an import, and the final name.
    struct Callee {
        var receiver: Expr?
        var package: String?
        var name: String
        var text: String
    }

    func callee(of call: CallExpr) -> Callee {
        var fun = call.fun
        if let index = fun as? IndexExpr { fun = index.x }
        if let indexList = fun as? IndexListExpr { fun = indexList.x }
        if let paren = fun as? ParenExpr { fun = paren.x }
        if let selector = fun as? SelectorExpr {
            if let ident = selector.x as? Ident, resolve(ident.name) == nil, let package = imports[ident.name] {
                return Callee(receiver: nil, package: package, name: selector.sel.name, text: "\(package).\(selector.sel.name)")
            }
            return Callee(receiver: selector.x, package: nil, name: selector.sel.name, text: text(selector))
        }
        if let ident = fun as? Ident { return Callee(receiver: nil, package: nil, name: ident.name, text: ident.name) }
        return Callee(receiver: nil, package: nil, name: text(fun), text: text(fun))
    }

    // MARK: go statements

    func lowerGo(_ node: GoStmt) {
        mentionsConcurrency = true
        let call = node.call
        let arguments = collect {
            for argument in call.args { lowerExpr(argument) }
            if let selector = call.fun as? SelectorExpr, callee(of: call).package == nil { lowerExpr(selector.x) }
            // `go cancel()`: the function value is evaluated at the go statement too.
            if let ident = call.fun as? Ident, let id = resolve(ident.name) { readAccess(id, path: ident.name, node: ident) }
        }
        var body: FunctionID?
        var calleeName: String?
        if let literal = call.fun as? FuncLit {
            body = lowerFuncLit(literal)
        } else if let ident = call.fun as? Ident, let id = resolve(ident.name), let value = functionValues[id] {
            body = value
        } else {
            calleeName = callee(of: call).text
        }
        var spawn = Spawn(kind: .goroutine, body: body, callee: calleeName, arguments: arguments,
                          executor: .concurrent, handle: .none, api: "go", range: range(node))
        spawn.argumentPlaces = call.args.map { argument in resolvePath(argument).flatMap { place(ofPath: $0.1, root: $0.0) } }
        if body == nil, let selector = call.fun as? SelectorExpr, callee(of: call).package == nil {
            spawn.receiverPlace = resolvePath(selector.x).flatMap { place(ofPath: $0.1, root: $0.0) }
        }
        let spawned = callee(of: call)
        spawn.servesForever = body == nil
            && GoAPITable.servesForever(package: spawned.package, receiverIsValue: spawned.receiver != nil, name: spawned.name)
        for (index, argument) in call.args.enumerated() {
            // `&out[i]` hands each goroutine its own element: not followed.
            guard let unary = argument as? UnaryExpr, unary.op == .and, let (id, path) = resolvePath(unary.x),
                  !path.contains("[…]")
            else { continue }
            spawn.addressArguments.append(AddressArgument(parameterIndex: index, binding: id, path: path))
        }
        emit(.spawn(spawn))
    }

    // MARK: Calls

    func lowerCall(_ call: CallExpr) {
        let callee = callee(of: call)
        let site = range(call)
        if !(call.fun is Ident && ["len", "cap", "delete", "clear"].contains(text(call.fun))) {
            for argument in call.args { forgetSize(of: argument, onlyMaps: true) }
        }
        noteArgumentSources(of: call, callee: callee)
        if callee.name == "Stop", call.args.isEmpty, let timer = callee.receiver as? CallExpr, isAfterFuncCall(timer) {
            let start = stepStack[stepStack.count - 1].count
            lowerCall(timer)
            markTimers(since: start) { $0.isStopped = true }
            return
        }
        if !extensions.isEmpty, lowerDeclaredAPI(call, callee: callee, site: site) { return }
        // `unsafe.Sizeof(h.stats)` is worked out by the compiler: its operand is not evaluated.
        if callee.package == "unsafe", ["Sizeof", "Alignof", "Offsetof"].contains(callee.name) { return }
        // Built-ins.
        if callee.receiver == nil, callee.package == nil {
            switch callee.name {
            case "make":
                if let first = call.args.first, first is ChanType {
                    mentionsConcurrency = true
                    for argument in call.args.dropFirst() { lowerExpr(argument) }
                    let buffer: ChannelBuffer
                    if call.args.count < 2 { buffer = .unbuffered } else if let size = constantValue(call.args[1]) {
                        buffer = size == 0 ? .unbuffered : .bounded(size)
                    } else {
                        buffer = .boundedDynamic
                    }
                    var step = ChannelStep(kind: .make(buffer), channel: nil, channelPath: "make", api: "make", range: site)
                    step.elementType = (first as? ChanType).map { text($0.value) }
                    emit(.channel(step))
                    return
                }
            case "close":
                if let first = call.args.first {
                    emit(.channel(ChannelStep(kind: .close, channel: channelBinding(first), channelPath: text(first), api: "close", range: site)))
                    return
                }
            case "delete":
                if let first = call.args.first, let (id, path) = resolvePath(first) {
                    for argument in call.args.dropFirst() { lowerExpr(argument) }
                    writeAccess(id, kind: .remove, path: path, node: call)
                    return
                }
            case "lock", "unlock":
                // The runtime's own `lock(&l)` / `unlock(&l)`.
                if call.args.count == 1, let unary = call.args[0] as? UnaryExpr, unary.op == .and {
                    let path = text(unary.x)
                    emit(.sync(Sync(kind: callee.name == "lock" ? .lock : .unlock, target: resolvePath(unary.x)?.0,
                                    targetPath: path, range: site)))
                    return
                }
            case "semacquire", "semrelease":
                // The runtime's own binary semaphores (`semacquire(&worldsema)`), taken and
                // released around work as locks are.
                if call.args.count == 1, let unary = call.args[0] as? UnaryExpr, unary.op == .and {
                    let path = text(unary.x)
                    let target = resolvePath(unary.x)?.0
                    if callee.name == "semacquire" {
                        emit(.wait(Wait(kind: .semaphore, target: target, targetPath: path, range: site)))
                    } else {
                        emit(.sync(Sync(kind: .signal, target: target, targetPath: path, range: site)))
                    }
                    return
                }
            case "panic":
                for argument in call.args { lowerExpr(argument) }
                emit(.exit(Exit(kind: .panic, range: site)))
                return
            default:
                break
            }
        }
        if let package = callee.package {
            if lowerPackageCall(call, package: package, name: callee.name, site: site) { return }
        } else if callee.receiver == nil, !dotImports.isEmpty, declaredFunctions[callee.name] == nil, resolve(callee.name) == nil {
            // `. "time"`, `. "sync/atomic"`: `Sleep(d)`, `StoreInt32(&x, 1)` unqualified.
            for package in dotImports where lowerPackageCall(call, package: package, name: callee.name, site: site) { return }
        }
        // Receiver first, then arguments.
        var receiver: BindingID?
        var receiverPath = ""
        if let receiverExpr = callee.receiver {
            if let (id, path) = resolvePath(receiverExpr) {
                receiver = id
                receiverPath = path
                lowerPathArguments(receiverExpr)
            } else {
                lowerExpr(receiverExpr)
                receiverPath = text(receiverExpr)
            }
        }
        if lowerMethodCall(call, callee: callee, receiver: receiver, path: receiverPath, site: site) { return }
        var literals: [FuncLit] = []
        for argument in call.args {
            if let literal = argument as? FuncLit {
                literals.append(literal)
            } else if let slice = argument as? SliceExpr, callee.receiver == nil, callee.package == nil, callee.name == "copy" {
                // `copy` stays within the destination's and the source's lengths.
                lowerSlice(slice, bounded: true)
            } else {
                lowerExpr(argument)
            }
            if callee.receiver == nil, callee.package == nil, callee.name == "len" || callee.name == "cap" {
                noteHeaderOnlyRead(of: argument)
            }
        }
        if let receiver { readAccess(receiver, path: receiverPath, node: call) }
        // `cancel()`: calling a function value reads the variable that holds it.
        var functionValue: BindingID?
        if callee.receiver == nil, callee.package == nil, let ident = call.fun as? Ident, let id = resolve(ident.name) {
            readAccess(id, path: ident.name, node: ident)
            functionValue = id
        }
        var made = Call(callee: callee.text, name: callee.name, receiver: receiver, range: site)
        made.functionValue = functionValue
        made.inspectsRunningWork = callee.package != nil && GoAPITable.goroutineInspectionCalls.contains(callee.text)
        // A function of this file's own package, called unqualified, is known by the package's name.
        let qualified = callee.package != nil ? callee.text
            : callee.receiver == nil && functionValue == nil ? "\(tree.name.name).\(callee.name)" : nil
        made.armsLeakCheck = qualified.map(GoAPITable.leakCheckArmingCalls.contains) ?? false
        made.receiverPlace = receiver.flatMap { place(ofPath: receiverPath, root: $0) }
        made.argumentPlaces = call.args.map { argument in
            var expr = argument
            if let unary = expr as? UnaryExpr, unary.op == .and { expr = unary.x }
            return resolvePath(expr).flatMap { place(ofPath: $0.1, root: $0.0) }
        }
        emit(.call(made))
        if GoAPITable.servesForever(package: callee.package, receiverIsValue: callee.receiver != nil, name: callee.name) {
            emit(.wait(Wait(kind: .forever, target: receiver, targetPath: callee.text, range: site)))
        }
        let inPlace = GoAPITable.inPlaceCallees.contains(callee.name)
        for literal in literals {
            let id = lowerFuncLit(literal)
            var use = ClosureUse(function: id, invocation: inPlace ? .inPlace : .escaping)
            if !inPlace {
                use.calleeName = callee.name
                // The receiver's own declared type; a field's (`s.loop`) is not recorded here.
                if let receiver, receiverPath == bindings[receiver.index].name, let name = bindings[receiver.index].type.name {
                    use.receiverType = name.hasPrefix("*") ? String(name.dropFirst()) : name
                }
            }
            emit(.closure(use))
        }
        // `defer func() { … }()` and `func() { … }()` run the literal in place.
        if let literal = call.fun as? FuncLit {
            for argument in call.args { lowerExpr(argument) }
            let id = lowerFuncLit(literal)
            emit(.closure(ClosureUse(function: id, invocation: .inPlace)))
        }
    }

    func isAfterFuncCall(_ call: CallExpr) -> Bool {
        let called = callee(of: call)
        return called.package == "time" && called.name == "AfterFunc"
    }

    /// Changes the timer spawns emitted at the current level since step `start`.
    func markTimers(since start: Int, _ change: (inout Spawn) -> Void) {
        rewriteSteps(since: start) { step in
            guard case .spawn(var spawn) = step, spawn.startsOnTimer else { return nil }
            change(&spawn)
            return .spawn(spawn)
        }
    }

    /// `time.Sleep`, `os.Exit`, `atomic.AddInt64(&x, 1)`, `time.AfterFunc`.
    func lowerPackageCall(_ call: CallExpr, package: String, name: String, site: SourceRange) -> Bool {
        let qualified = "\(package).\(name)"
        if qualified == "synctest.Test" || qualified == "synctest.Run" {
            synctestDepth += 1
            defer { synctestDepth -= 1 }
            for argument in call.args where !(argument is FuncLit) { lowerExpr(argument) }
            emit(.call(Call(callee: qualified, name: name, range: site)))
            for case let literal as FuncLit in call.args {
                let id = lowerFuncLit(literal)
                emit(.closure(ClosureUse(function: id, invocation: .inPlace)))
            }
            // The bubble returns only when every goroutine started in it has exited.
            emit(.wait(Wait(kind: .group, target: nil, targetPath: qualified, range: site)))
            return true
        }
        if qualified == "time.Sleep", synctestDepth > 0 {
            for argument in call.args { lowerExpr(argument) }
            emit(.call(Call(callee: qualified, name: name, range: site)))
            return true
        }
        if qualified == "time.Sleep" {
            for argument in call.args { lowerExpr(argument) }
            mentionsConcurrency = true
            emit(.sleep(Sleep(api: qualified, range: site)))
            return true
        }
        if GoAPITable.processExits.contains(qualified) {
            for argument in call.args { lowerExpr(argument) }
            emit(.exit(Exit(kind: .processExit, range: site)))
            return true
        }
        if package == "atomic", GoAPITable.atomicWriters.contains(name), let first = call.args.first {
            for argument in call.args.dropFirst() { lowerExpr(argument) }
            var target = first
            if let unary = first as? UnaryExpr, unary.op == .and { target = unary.x }
            if let (id, path) = resolvePath(target) {
                let isWrite = !name.hasPrefix("Load")
                emit(.access(Access(binding: id, kind: isWrite ? .write(.mutatingCall) : .read, isAtomic: true, path: path, range: site)))
            }
            return true
        }
        if qualified == "signal.Notify", let first = call.args.first as? Ident, let id = resolve(first.name) {
            signalChannels.insert(id)
        }
        if qualified == "synctest.Wait" {
            emit(.wait(Wait(kind: .signal, target: nil, targetPath: qualified, range: site)))
            return true
        }
        if qualified == "time.AfterFunc", call.args.count == 2, let literal = call.args[1] as? FuncLit {
            mentionsConcurrency = true
            lowerExpr(call.args[0])
            let body = lowerFuncLit(literal)
            var spawn = Spawn(kind: .goroutine, body: body, executor: .concurrent, handle: .none, api: qualified, range: site)
            spawn.startsOnTimer = true
            emit(.spawn(spawn))
            return true
        }
        return false
    }

    /// Locks, wait groups, errgroups, conds and atomics called as methods.
    func lowerMethodCall(_ call: CallExpr, callee: Callee, receiver: BindingID?, path: String, site: SourceRange) -> Bool {
        guard callee.receiver != nil else { return false }
        let facts = receiver.map { receiverFacts($0, path: path) } ?? .unknown
        let name = callee.name
        func arguments() { for argument in call.args { lowerExpr(argument) } }
        switch name {
        case "Lock", "Unlock", "RLock", "RUnlock", "TryLock", "TryRLock", "lock", "unlock":
            guard call.args.isEmpty else { return false }
            let kind: Sync.Kind
            switch name {
            case "Lock", "lock": kind = .lock
            case "Unlock", "unlock": kind = .unlock
            case "RLock": kind = .readLock
            case "RUnlock": kind = .readUnlock
            default: kind = .tryLock
            }
            emit(.sync(Sync(kind: kind, target: receiver, targetPath: path, range: site)))
            return true
        case "Add" where facts.category == .group:
            arguments()
            emit(.sync(Sync(kind: .groupAdd(call.args.first.flatMap(constantValue)), target: receiver, targetPath: path, range: site)))
            mentionsConcurrency = true
            return true
        case "Done" where facts.category == .group:
            emit(.sync(Sync(kind: .groupDone, target: receiver, targetPath: path, range: site)))
            return true
        case "Wait" where facts.category == .group || facts.category == .semaphore:
            emit(.wait(Wait(kind: facts.category == .group ? .group : .signal, target: receiver, targetPath: path, range: site)))
            mentionsConcurrency = true
            return true
        case "Go" where facts.category == .group:
            mentionsConcurrency = true
            guard let literal = call.args.first as? FuncLit else {
                arguments()
                emit(.spawn(Spawn(kind: .groupChild, body: nil, callee: call.args.first.map(text), executor: .concurrent,
                                  handle: .none, group: receiver, api: "\(path).Go", range: site)))
                return true
            }
            let body = lowerFuncLit(literal)
            emit(.spawn(Spawn(kind: .groupChild, body: body, executor: .concurrent, handle: .none, group: receiver,
                              api: "\(path).Go", range: site)))
            return true
        case "Acquire" where facts.category == .semaphore || facts.name == "semaphore.Weighted":
            arguments()
            emit(.wait(Wait(kind: .semaphore, target: receiver, targetPath: path, range: site)))
            return true
        case "Do" where call.args.count == 1 && call.args[0] is FuncLit && (facts.name == "sync.Once" || path.lowercased().contains("once")):
            // sync.Once.Do runs the function once, and every caller waits for it: a critical section.
            guard let literal = call.args.first as? FuncLit else { return false }
            let body = collect {
                let id = lowerFuncLit(literal)
                emit(.closure(ClosureUse(function: id, invocation: .inPlace)))
            }
            emit(.critical(Critical(kind: .lock, guardPath: path, body: body, range: site)))
            return true
        case "Signal" where facts.category == .semaphore, "Broadcast" where facts.category == .semaphore:
            emit(.sync(Sync(kind: .signal, target: receiver, targetPath: path, range: site)))
            return true
        default:
            break
        }
        if facts.category == .atomic, let receiver {
            arguments()
            let isWrite = ["Add", "Store", "Swap", "CompareAndSwap", "And", "Or"].contains(name)
            emit(.access(Access(binding: receiver, kind: isWrite ? .write(.mutatingCall) : .read, isAtomic: true, path: path, range: site)))
            return true
        }
        return false
    }

    /// The type facts of a receiver path: the binding's own, or a struct field's (`s.mu`, `s.wg`).
    func receiverFacts(_ id: BindingID, path: String) -> TypeFacts {
        let binding = bindings[id.index]
        let components = path.split(separator: ".")
        if components.count == 1 { return binding.type }
        if components.count == 2, let typeName = binding.type.name,
           let field = structFields[typeName]?[String(components[1])] {
            return field
        }
        // A field of a struct the file does not declare is unknown, whatever its name: `wg` is
        // no evidence, and a project's own group type is declared under `.conclint.yml` `apis:`.
        return .unknown
    }
}
