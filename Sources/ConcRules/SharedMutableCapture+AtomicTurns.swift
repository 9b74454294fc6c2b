import ConcModel

/// Siblings ordered by an atomic counter or compare-and-swap (``AtomicTurn``): the last of N to
/// arrive, or the loser of two, runs its turn after the others' operations on the atomic.
extension SharedMutableCapture {
    /// Whether `second` sits in a turn on an atomic that `first`'s goroutine operates on after
    /// `first`, and the turn can only be taken once every other participant has operated.
    func atomicTurnOrders(
        _ first: FlowEvent, in firstFlow: [FlowEvent], before second: FlowEvent, creatorFlow: [FlowEvent],
        analysis: UnitAnalysis
    ) -> Bool {
        for turn in second.context.turns {
            let operatesAfter = firstFlow.contains { event in
                event.order > first.order && Self.isAtomicWrite(event, on: turn.binding) && event.context.branchDepth == 0
                    && first.context.loops.starts(with: event.context.loops) && event.context.loops.count == first.context.loops.count
            }
            guard operatesAfter, let participants = atomicParticipants(turn.binding, creatorFlow: creatorFlow, analysis: analysis)
            else { continue }
            switch turn.kind {
            case .arrival(let count) where count == participants && count > 1: return true
            case .lostSwap where participants == 2: return true
            default: continue
            }
        }
        return false
    }

    /// How many goroutines the creator starts that write the atomic; `nil` when one of them
    /// repeats or the creator writes it too, so the count is not known.
    private func atomicParticipants(_ id: BindingID, creatorFlow: [FlowEvent], analysis: UnitAnalysis) -> Int? {
        var count = 0
        for event in creatorFlow {
            if Self.isAtomicWrite(event, on: id) { return nil }
            guard case .spawn(let spawn) = event.step, let body = spawn.body,
                  analysis.flows[body.index].contains(where: { Self.isAtomicWrite($0, on: id) })
            else { continue }
            if analysis.isRepeated(event) { return nil }
            count += 1
        }
        return count
    }

    private static func isAtomicWrite(_ event: FlowEvent, on id: BindingID) -> Bool {
        guard case .access(let access) = event.step else { return false }
        return access.binding == id && access.isAtomic && access.kind.isWrite
    }
}
