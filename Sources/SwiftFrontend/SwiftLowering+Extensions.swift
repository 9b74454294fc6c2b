import ConcModel
import SwiftSyntax

extension SwiftLowering {
    /// Lowers a call to an API the configuration declares (``ConcModel/APIExtensions``): a spawn
    /// with a closure runs its last closure as a ``ConcModel/Spawn/Kind/userDeclared`` spawn; a
    /// wait, lock or unlock targets the receiver, or else the first argument (`&lock` or `lock`).
    /// Returns `false` when no declared pattern matches (or a declared spawn has no closure).
    func lowerDeclaredAPI(
        _ call: FunctionCallExprSyntax, callee: Callee, closures: [ClosureExprSyntax], handle: Spawn.Handle?
    ) -> Bool {
        guard let role = extensions.role(calleeText: callee.text, name: callee.name) else { return false }
        let site = range(call)
        switch role {
        case .spawn:
            guard !closures.isEmpty else { return false }
            lowerSpawn(call, callee: callee, kind: .userDeclared, executor: .concurrent, closures: closures, handle: handle)
            return true
        case .wait, .lock, .unlock:
            mentionsConcurrency = true
            var target: (BindingID?, String) = (nil, callee.text)
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
            }
            lowerArguments(call)
            switch role {
            case .wait: emit(.wait(Wait(kind: .join, target: target.0, targetPath: target.1, range: site)))
            case .lock: emit(.sync(Sync(kind: .lock, target: target.0, targetPath: target.1, range: site)))
            default: emit(.sync(Sync(kind: .unlock, target: target.0, targetPath: target.1, range: site)))
            }
            return true
        }
    }
}
