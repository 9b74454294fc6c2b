import ConcModel
import GoSyntax

extension GoLowering {
    /// Lowers a call to an API the configuration declares (``ConcModel/APIExtensions``): a spawn
    /// runs its last function-literal argument as a ``ConcModel/Spawn/Kind/userDeclared`` spawn;
    /// a wait, lock or unlock targets the receiver, or else the first argument (`&mu` or `mu`).
    /// Returns `false` when no declared pattern matches the callee.
    func lowerDeclaredAPI(_ call: CallExpr, callee: Callee, site: SourceRange) -> Bool {
        guard let role = extensions.role(calleeText: callee.text, name: callee.name) else { return false }
        mentionsConcurrency = true
        switch role {
        case .spawn:
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
            emit(.spawn(Spawn(
                kind: .userDeclared, body: body, callee: calleeName, arguments: arguments, executor: .concurrent,
                handle: .none, api: callee.text, range: site)))
        case .wait, .lock, .unlock:
            var targetExpr = callee.receiver ?? call.args.first
            if let unary = targetExpr as? UnaryExpr, unary.op == .and { targetExpr = unary.x }
            let target = targetExpr.flatMap(resolvePath)
            for argument in call.args { lowerExpr(argument) }
            let path = target?.1 ?? targetExpr.map(text) ?? callee.text
            switch role {
            case .wait:
                emit(.wait(Wait(kind: .join, target: target?.0, targetPath: path, range: site)))
            case .lock:
                emit(.sync(Sync(kind: .lock, target: target?.0, targetPath: path, range: site)))
            default:
                emit(.sync(Sync(kind: .unlock, target: target?.0, targetPath: path, range: site)))
            }
        }
        return true
    }
}
