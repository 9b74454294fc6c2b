import ConcModel
import GoSyntax

/// Which parameters of the file's functions carry input: a collection whose size a caller's input
/// decides. An exported function's parameters may get anything; an unexported one's get what its
/// callers in the file pass, followed through the parameters those callers forward.
extension GoLowering {
    /// What a call passes at one argument position, when it is evidence either way.
    enum ArgumentSource {
        /// A collection read from input (`strings.Split(…)`, a local collected per line).
        case input
        /// A parameter of the calling function, forwarded.
        case parameter(BindingID)
    }

    /// Notes what `call` passes to a function of this file, by argument position.
    func noteArgumentSources(of call: CallExpr, callee: Callee) {
        guard callee.package == nil, !declaredFunctionNames.isEmpty, declaredFunctionNames.contains(callee.name) else { return }
        for (position, argument) in call.args.enumerated() {
            var expr: Expr = argument
            while true {
                if let slice = expr as? SliceExpr { expr = slice.x } else if let paren = expr as? ParenExpr { expr = paren.x } else { break }
            }
            if isInputCollectionCall(expr) {
                argumentSources.append((callee.name, position, .input))
            } else if let ident = expr as? Ident, let id = resolve(ident.name) {
                let binding = bindings[id.index]
                if binding.kind == .local, inputCollections.contains(id) || sizeMayChangeInEnclosingLoops(id, name: ident.name) {
                    argumentSources.append((callee.name, position, .input))
                } else if binding.kind == .parameter {
                    argumentSources.append((callee.name, position, .parameter(id)))
                }
            }
        }
    }

    /// The parameters of declared functions that may carry input (see the type's comment).
    func inputParameters() -> Set<BindingID> {
        var byName: [String: [[BindingID]]] = [:]
        var result = Set<BindingID>()
        for function in functions where function.kind == .declared {
            let parameters = function.parameters.filter { bindings[$0.index].kind == .parameter }
            byName[function.name, default: []].append(parameters)
            if function.name.first?.isUppercase ?? false { result.formUnion(parameters) }
        }
        var grew = true
        while grew {
            grew = false
            for (name, position, source) in argumentSources {
                switch source {
                case .input: break
                case .parameter(let forwarded): guard result.contains(forwarded) else { continue }
                }
                for parameters in byName[name] ?? [] where position < parameters.count {
                    if result.insert(parameters[position]).inserted { grew = true }
                }
            }
        }
        return result
    }
}
