import ConcModel
import SwiftSyntax

extension SwiftLowering {
    /// Lowers a call to an API the configuration declares (``ConcModel/APIExtensions``), by its
    /// ``ConcModel/APIExtensions/Role``: a spawn or executor with a closure runs its last closure
    /// as a ``ConcModel/Spawn/Kind/userDeclared`` spawn; a sleep is a ``ConcModel/Sleep`` (one that
    /// suspends when awaited); every other role acts on the receiver, or else the first argument
    /// (`&lock` or `lock`). Returns `false` when no declared pattern matches (or a declared spawn
    /// has no closure).
    func lowerDeclaredAPI(
        _ call: FunctionCallExprSyntax, callee: Callee, closures: [ClosureExprSyntax], handle: Spawn.Handle?
    ) -> Bool {
        guard let role = extensions.role(calleeText: callee.text, name: callee.name) else { return false }
        let site = range(call)
        if role.spawnsWork {
            guard !closures.isEmpty else { return false }
            lowerSpawn(call, callee: callee, kind: .userDeclared, executor: declaredExecutor(role, call: call, callee: callee),
                       closures: closures, handle: handle)
            return true
        }
        mentionsConcurrency = true
        if role == .sleep {
            if let base = callee.base { lowerExpr(base) }
            lowerArguments(call)
            let suspends = Self.isAwaited(call)
            emit(.sleep(Sleep(api: callee.text, range: site, suspends: suspends)))
            return true
        }
        var target: (BindingID?, String) = (nil, callee.text)
        var targetIsArgument = false
        if let base = callee.base {
            if let member = base.as(MemberAccessExprSyntax.self), let (id, path) = resolveMemberPath(member) {
                target = (id, path)
            } else if let reference = base.as(DeclReferenceExprSyntax.self) {
                target = (resolve(reference.baseName.text), callee.baseText)
            } else {
                lowerExpr(base)
                target = (nil, callee.baseText)
            }
        } else if call.arguments.first != nil {
            target = lockArgument(call)
            targetIsArgument = true
        }
        lowerArguments(call)
        let (id, path) = target
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
                // The count follows the target: `group.add(n)`, `add(&group, n)`; none is one member.
                let counts = call.arguments.dropFirst(targetIsArgument ? 1 : 0).filter { !$0.expression.is(ClosureExprSyntax.self) }
                let count: Int? = if let argument = counts.first { SwiftAPITable.integer(argument.expression) } else { 1 }
                kind = .groupAdd(count)
            case .groupDone: kind = .groupDone
            default: kind = .signal
            }
            emit(.sync(Sync(kind: kind, target: id, targetPath: path, range: site)))
        }
        return true
    }

    /// What a declared spawn or executor runs its closure on. A serial executor is named by its
    /// receiver, else a first argument that is not the closure, else the callee, so two calls on
    /// one executor share it.
    private func declaredExecutor(_ role: APIExtensions.Role, call: FunctionCallExprSyntax, callee: Callee) -> Spawn.Executor {
        guard role == .serialExecutor else { return .concurrent }
        if let base = callee.base { return .serial(Self.shortText(base)) }
        if let first = call.arguments.first?.expression, !first.is(ClosureExprSyntax.self) {
            return .serial(Self.shortText(first.as(InOutExprSyntax.self)?.expression ?? first))
        }
        return .serial(callee.text)
    }
}
