import ConcModel

/// How spawned work and the code around it are tied together through the objects they share:
/// the two ends of a pipe, a context and its cancel function, a reader made from a pipe end.
extension UnitAnalysis {
    /// The bindings the events touch: accessed, called on, sent or received on, locked, waited on.
    func touchedBindings(_ events: some Sequence<FlowEvent>) -> Set<BindingID> {
        var result = Set<BindingID>()
        for event in events {
            switch event.step {
            case .access(let access): result.insert(access.binding)
            case .call(let call): if let receiver = call.receiver { result.insert(receiver) }
            case .channel(let channel): if let id = channel.channel { result.insert(id) }
            case .sync(let sync): if let id = sync.target { result.insert(id) }
            case .wait(let wait): if let id = wait.target { result.insert(id) }
            case .select(let select): for selectCase in select.cases { if let id = selectCase.channel { result.insert(id) } }
            default: break
            }
        }
        return result
    }

    /// `ids` with the bindings their initializers read, a few levels deep (`cr` from
    /// `NewChunkedReader(pr)` brings in `pr`; `r` from `bufio.NewReader(stdout)` brings in
    /// `stdout` and the `cmd` it came from).
    func withDerivations(_ ids: Set<BindingID>) -> Set<BindingID> {
        var result = ids
        var frontier = Array(ids)
        for _ in 0..<4 where !frontier.isEmpty {
            var next: [BindingID] = []
            for id in frontier {
                for source in unit[id].derivedFrom where result.insert(source).inserted { next.append(source) }
            }
            frontier = next
        }
        return result
    }

    /// What spawned work touches from outside: its body's captures and the arguments evaluated
    /// at the spawn.
    func outsideTouches(of spawn: Spawn) -> Set<BindingID> {
        var result = Set<BindingID>()
        UnitAnalysis.forEachStep(spawn.arguments) { step in
            if case .access(let access) = step { result.insert(access.binding) }
        }
        if let body = spawn.body {
            result.formUnion(touchedBindings(flows[body.index]).filter { id in
                guard let declaring = unit[id].function else { return true }
                return !unit.function(declaring, isInside: body)
            })
        }
        return result
    }

    /// Whether the two sets share a binding, or hold two bindings declared together
    /// (`r, w := io.Pipe()`, `ctx, cancel := context.WithCancel(…)`), counting what each was
    /// derived from. With `within`, only bindings declared inside that range count (a loop
    /// body's own pipe, not one shared by every iteration); `excluding` never link (a test's `t`);
    /// with `pairsOnly`, only two ends declared together link, not data both merely read.
    func areCoordinated(
        _ first: Set<BindingID>, _ second: Set<BindingID>, within: SourceRange? = nil, excluding: Set<BindingID> = [],
        pairsOnly: Bool = false
    ) -> Bool {
        func inside(_ id: BindingID) -> Bool {
            guard let within else { return true }
            let offset = unit[id].range.start.offset
            return within.start.offset <= offset && offset < within.end.offset
        }
        let left = withDerivations(first).subtracting(excluding).filter(inside)
        let right = withDerivations(second).subtracting(excluding).filter(inside)
        if !pairsOnly, !left.isDisjoint(with: right) { return true }
        for id in left {
            let binding = unit[id]
            if right.contains(where: { other in
                let candidate = unit[other]
                return other != id && candidate.function == binding.function && candidate.range.start.line == binding.range.start.line
                    && candidate.kind == binding.kind
            }) { return true }
        }
        return false
    }

    /// The flows of closures created by `events` and stored or passed on (callbacks handed to a
    /// helper), which run while the creator waits for that helper.
    func escapingClosureFlows(_ events: some Sequence<FlowEvent>) -> [FlowEvent] {
        var result: [FlowEvent] = []
        for event in events {
            if case .closure(let use) = event.step, use.invocation == .escaping { result += flows[use.function.index] }
        }
        return result
    }
}
