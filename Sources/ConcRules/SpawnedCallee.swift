import ConcModel

/// Spawned work that is a declared function of the file (`go s.worker(&wg)`, `go worker(jobs)`;
/// the front end resolves the spawn's body to it) rather than a closure: a rule that reads the
/// body reads it with the function's receiver and parameters standing for what the spawn passes.
extension UnitAnalysis {
    /// The spawn's arguments as places in the creator's frame, by parameter position, with the
    /// addresses it passes (`&wg`, `&st.hits`) as the places they point to.
    func argumentPlaces(of spawn: Spawn) -> [Place?] {
        var places = spawn.argumentPlaces
        for address in spawn.addressArguments where address.parameterIndex < places.count && places[address.parameterIndex] == nil {
            let fields = address.path.split(separator: ".").dropFirst().map { Place.Component.field(String($0)) }
            places[address.parameterIndex] = Place(root: address.binding, components: fields)
        }
        return places
    }

    /// The creator's binding that `binding`, as the spawned declared function `callee` sees it,
    /// stands for: the spawn's receiver for the callee's receiver, the argument for a parameter,
    /// itself for a package variable or anything else the callee does not declare; `nil` for the
    /// callee's own locals.
    func creatorBinding(of binding: BindingID, in callee: FunctionID, spawn: Spawn) -> BindingID? {
        let declared = unit[binding]
        guard declared.function == callee else { return binding }
        switch declared.kind {
        case .receiver: return spawn.receiverPlace?.root
        case .parameter:
            guard let index = declaredCallees.parameters(of: unit[callee]).firstIndex(of: binding) else { return nil }
            let places = argumentPlaces(of: spawn)
            return index < places.count ? places[index]?.root : nil
        default: return nil
        }
    }
}
