import ConcModel

extension UnboundedChannel {
    /// Whether a send-only goroutine puts back an item that the channel's own consumer took: the
    /// function that starts it (once per call) is reached, a few calls deep and outside any other
    /// loop, from a loop of the file that receives on the same field (`for { p := <-l.queue;
    /// l.post(p) }` → `post` → `go func() { l.queue <- p }()`, a retry).
    ///
    /// Each parked sender then holds an item already taken off the channel, so the parked
    /// goroutines never outnumber the items the producers put in: the buffer does not grow.
    func requeuesForItsConsumer(_ spawnEvent: FlowEvent, send: ChannelStep, analysis: UnitAnalysis) -> Bool {
        let unit = analysis.unit
        guard let field = send.channelPlace?.leadingFields.last, spawnEvent.context.loops.isEmpty else { return false }
        let starter = analysis.flowOwner[spawnEvent.function.index]
        guard unit[starter].kind == .declared else { return false }
        // Calls of each declared function of the file, resolved as the per-file rules resolve them.
        var callers: [FunctionID: [FlowEvent]] = [:]
        for function in unit.functions where analysis.flowOwner[function.id.index] == function.id {
            for event in analysis.flows[function.id.index] {
                guard case .call(let call) = event.step, let callee = analysis.declaredCallees.callee(of: call, in: function) else { continue }
                callers[callee.id, default: []].append(event)
            }
        }
        func receivesField(_ event: FlowEvent) -> Bool {
            switch event.step {
            case .channel(let step): return step.kind == .receive && step.channelPlace?.leadingFields.last == field
            case .select(let select): return select.cases.contains { $0.kind == .receive && $0.channelPlace?.leadingFields.last == field }
            case .loop(let loop):
                guard case .channel = loop.domain else { return false }
                return loop.sourcePlace?.leadingFields.last == field
            default: return false
            }
        }
        var visited: Set<FunctionID> = [starter]
        var frontier = [starter]
        for _ in 0..<4 where !frontier.isEmpty {
            var next: [FunctionID] = []
            for callee in frontier {
                for call in callers[callee, default: []] {
                    let caller = analysis.flowOwner[call.function.index]
                    // The consumer: its loop around the call takes items off the same field.
                    if let loop = call.context.loops.last, call.context.loops.count == 1,
                       analysis.flows[caller.index].contains(where: { ($0.context.loops.last == loop || $0.range == loop.range) && receivesField($0) }) {
                        return true
                    }
                    // Anything else in a loop may put back more than it took.
                    guard call.context.loops.isEmpty, visited.insert(caller).inserted else { continue }
                    next.append(caller)
                }
            }
            frontier = next
        }
        return false
    }
}
