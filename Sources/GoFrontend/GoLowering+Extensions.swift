import ConcModel
import GoSyntax

extension GoLowering {
    /// Lowers a call to an API the configuration declares (``ConcModel/APIExtensions``), by its
    /// ``ConcModel/APIExtensions/Role``: a spawn or executor runs its last function-literal
    /// argument (or named function) as a ``ConcModel/Spawn/Kind/userDeclared`` spawn; a sleep is a
    /// ``ConcModel/Sleep``; every other role acts on the receiver, or else the first argument
    /// (`&mu` or `mu`). Returns `false` when no declared pattern matches the callee.
    func lowerDeclaredAPI(_ call: CallExpr, callee: Callee, site: SourceRange) -> Bool {
        guard let role = extensions.role(calleeText: callee.text, name: callee.name) else { return false }
        mentionsConcurrency = true
        if role.spawnsWork {
            lowerDeclaredSpawn(call, callee: callee, role: role, site: site)
            return true
        }
        if role == .sleep {
            if let receiver = callee.receiver { lowerExpr(receiver) }
            for argument in call.args { lowerExpr(argument) }
            emit(.sleep(Sleep(api: callee.text, range: site)))
            return true
        }
        let targetIsArgument = callee.receiver == nil && !call.args.isEmpty
        var targetExpr = callee.receiver ?? call.args.first
        if let unary = targetExpr as? UnaryExpr, unary.op == .and { targetExpr = unary.x }
        let target = targetExpr.flatMap(resolvePath)
        for argument in call.args { lowerExpr(argument) }
        let id = target?.0
        let path = target?.1 ?? targetExpr.map(text) ?? callee.text
        switch role {
        case .wait: emit(.wait(Wait(kind: .join, target: id, targetPath: path, range: site)))
        case .groupWait: emit(.wait(Wait(kind: .group, target: id, targetPath: path, range: site)))
        case .semaphoreWait: emit(.wait(Wait(kind: .semaphore, target: id, targetPath: path, range: site)))
        case .cancel: emit(.wait(Wait(kind: .cancel, target: id, targetPath: path, range: site)))
        default:
            let kind: Sync.Kind
            switch role {
            case .lock: kind = .lock
            case .unlock: kind = .unlock
            case .readLock: kind = .readLock
            case .readUnlock: kind = .readUnlock
            case .groupAdd:
                // The count follows the target: `wg.Add(n)`, `add(&wg, n)`; none is one member.
                let counts = call.args.dropFirst(targetIsArgument ? 1 : 0)
                let count: Int? = if let argument = counts.first { constantValue(argument) } else { 1 }
                kind = .groupAdd(count)
            case .groupDone: kind = .groupDone
            default: kind = .signal
            }
            emit(.sync(Sync(kind: kind, target: id, targetPath: path, range: site)))
        }
        return true
    }

    /// A declared spawn or executor call: its last function literal (or named function) is the
    /// spawned body; a serial executor is named by its receiver, else its first argument, else
    /// the callee, so two calls on one executor share it.
    private func lowerDeclaredSpawn(_ call: CallExpr, callee: Callee, role: APIExtensions.Role, site: SourceRange) {
        let literalIndex = call.args.lastIndex { $0 is FuncLit }
        let arguments = collect {
            if let receiver = callee.receiver { lowerExpr(receiver) }
            for (index, argument) in call.args.enumerated() where index != literalIndex { lowerExpr(argument) }
        }
        var body: FunctionID?
        var calleeName: String?
        if let literalIndex, let literal = call.args[literalIndex] as? FuncLit {
            body = lowerFuncLit(literal)
        } else if let ident = call.args.last as? Ident, let id = resolve(ident.name), let value = functionValues[id] {
            body = value
        } else {
            calleeName = call.args.last.map(text)
        }
        var executor = Spawn.Executor.concurrent
        if role == .serialExecutor {
            // An argument besides the body names the executor (`runOn(queue, f)`).
            var named = callee.receiver ?? (call.args.count > 1 && !(call.args[0] is FuncLit) ? call.args[0] : nil)
            if let unary = named as? UnaryExpr, unary.op == .and { named = unary.x }
            executor = .serial(named.map(text) ?? callee.text)
        }
        emit(.spawn(Spawn(
            kind: .userDeclared, body: body, callee: calleeName, arguments: arguments, executor: executor,
            handle: .none, api: callee.text, range: site)))
    }
}
