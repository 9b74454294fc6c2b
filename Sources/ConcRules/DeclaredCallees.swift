import ConcModel

/// The declared functions of one file, for per-file rules that follow a call or a `go f()` into
/// the function it runs. A callee resolves by the receiver's declared type where the file says it
/// (the caller's own receiver, `self`, a variable of a type the file declares), by a method name
/// no other method of the file has otherwise, and by name for a plain function; overloads that
/// remain are told apart by their number of parameters. Anything else — a package-qualified
/// call, a function value, a name two candidates share — is unknown code, and a rule assumes
/// nothing of it.
struct DeclaredCallees: Sendable {
    let unit: Unit
    private let byName: [String: [FunctionID]]

    init(_ unit: Unit) {
        self.unit = unit
        var byName: [String: [FunctionID]] = [:]
        for function in unit.functions where function.kind == .declared {
            byName[function.name, default: []].append(function.id)
        }
        self.byName = byName
    }

    /// The declared function `call`, made in `caller`, runs; `nil` when the file does not tell it.
    func callee(of call: Call, in caller: Function) -> Function? {
        guard call.functionValue == nil else { return nil }
        return resolve(
            name: call.name, receiver: call.receiverPlace ?? call.receiver.map { Place(root: $0) },
            onSelf: call.isOnSelf, qualified: call.callee != call.name, arity: call.argumentPlaces.count, caller: caller)
    }

    private func resolve(name: String, receiver: Place?, onSelf: Bool, qualified: Bool, arity: Int, caller: Function?) -> Function? {
        let candidates = byName[name, default: []].map { unit[$0] }
        guard !candidates.isEmpty else { return nil }
        var matching: [Function]
        if onSelf {
            guard let owner = caller?.ownerType else { return nil }
            matching = candidates.filter { $0.ownerType == owner }
        } else if let receiver {
            if receiver.components.isEmpty, let type = Self.declaredTypeName(unit[receiver.root].type.name),
               candidates.contains(where: { $0.ownerType == type }) {
                matching = candidates.filter { $0.ownerType == type }
            } else {
                matching = candidates.filter { $0.ownerType != nil }
            }
        } else if qualified {
            // `pkg.F()` or a method on an expression the model does not root in a binding.
            return nil
        } else {
            matching = candidates.filter { $0.ownerType == nil }
        }
        if matching.count > 1 { matching = matching.filter { parameters(of: $0).count == arity } }
        return matching.count == 1 ? matching[0] : nil
    }

    /// A function's parameters without its Go receiver.
    func parameters(of function: Function) -> [BindingID] {
        function.parameters.filter { unit[$0].kind != .receiver }
    }

    /// `*store` → `store`; `nil` for a type of another package or an unknown one.
    static func declaredTypeName(_ spelled: String?) -> String? {
        guard let spelled else { return nil }
        var name = Substring(spelled)
        while let first = name.first, first == "*" || first == "&" { name = name.dropFirst() }
        if let bracket = name.firstIndex(where: { $0 == "[" || $0 == "<" }) { name = name[..<bracket] }
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else { return nil }
        return String(name)
    }

    /// A place as the key texts of the rules write it (`s.mu`, a Swift property by its name);
    /// `nil` when it goes through a collection element, which names a different object each time.
    func text(of place: Place) -> String? {
        let root = unit[place.root]
        var text = root.name == "self" ? "" : root.name
        for component in place.components {
            switch component {
            case .field(let name): text += text.isEmpty ? name : "." + name
            case .dereference: continue
            case .element: return nil
            }
        }
        return text.isEmpty ? nil : text
    }

    /// The caller's binding that roots the callee's `place` at the call: the call's receiver for
    /// the callee's receiver or its type's stored property (`self` when the call is on self,
    /// `nil` then), the argument for a parameter, the package variable itself.
    func callerRoot(of place: Place, callee: Function, receiver: Place?, arguments: [Place?]) -> BindingID? {
        let root = unit[place.root]
        switch root.kind {
        case .global: return root.id
        case .receiver where root.function == callee.id: return receiver?.root
        case .property: return receiver?.root
        case .parameter where root.function == callee.id:
            guard let index = parameters(of: callee).firstIndex(of: root.id), index < arguments.count else { return nil }
            return arguments[index]?.root
        default: return nil
        }
    }

    /// Where the callee's `place` (rooted at its receiver, a parameter, a package variable or a
    /// stored property of its type) is in the caller's frame at `call`, as key text; `nil` when it
    /// is the callee's own local or the call does not say.
    func callerText(of place: Place, callee: Function, receiver: Place?, onSelf: Bool, arguments: [Place?], caller: Function?) -> String? {
        guard !place.reachesElement, let path = text(of: place) else { return nil }
        let root = unit[place.root]
        let rest = path.dropFirst(root.name.count)
        switch root.kind {
        case .global:
            return path
        case .receiver where root.function == callee.id:
            guard let receiver, let receiverText = text(of: receiver) else { return nil }
            return receiverText + rest
        case .property:
            // A stored property of the callee's type, reached through `self`.
            guard root.ownerType == callee.ownerType else { return nil }
            if onSelf, caller?.ownerType == callee.ownerType { return path }
            guard let receiver, let receiverText = text(of: receiver) else { return nil }
            return receiverText + "." + path
        case .parameter where root.function == callee.id:
            guard let index = parameters(of: callee).firstIndex(of: root.id), index < arguments.count,
                  let argument = arguments[index], let argumentText = text(of: argument)
            else { return nil }
            return argumentText + rest
        default:
            return nil
        }
    }
}
