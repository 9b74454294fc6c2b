import ConcModel

extension UnitAnalysis {
    /// Whether a spawn runs at most once per object: on its path the function first leaves (a
    /// `return`, or skipping the loop round) when a field is set, and then sets that field before
    /// the spawn — `if s.goneAway { return }; s.goneAway = true; …; go …`, or `if sess.handled {
    /// continue }; sess.handled = true; go …` in a request loop.
    ///
    /// The flag is a once-only guard: later calls, or later rounds, leave before the spawn, so
    /// the spawn neither repeats per item nor piles up per call.
    func isBehindOnceGuard(_ spawnEvent: FlowEvent) -> Bool {
        let flow = flow(of: spawnEvent.function)
        func leaves(_ exit: Exit) -> Bool {
            switch exit.kind {
            case .return, .throw: return true
            case .loopExit: return exit.continuesLoop && !spawnEvent.context.loops.isEmpty
            case .panic, .processExit: return false
            }
        }
        for write in flow where write.order < spawnEvent.order && write.context.branchDepth <= spawnEvent.context.branchDepth {
            guard case .access(let set) = write.step, set.kind == .write(.assign) || set.kind == .write(.fieldStore),
                  set.path.contains("."), !set.isAtomic,
                  write.context.loops.count <= spawnEvent.context.loops.count
            else { continue }
            let field = LockWithoutUnlock.normalized(set.path)
            for read in flow where read.order < write.order {
                guard case .access(let test) = read.step, test.kind == .read, test.binding == set.binding,
                      LockWithoutUnlock.normalized(test.path) == field
                else { continue }
                // An arm of the branch whose condition reads the flag leaves; the write comes
                // after that branch.
                let leavesWhenSet = flow.contains { event in
                    guard event.order > read.order, event.order < write.order, case .exit(let exit) = event.step, leaves(exit),
                          let arm = event.context.arms.last, arm.compound.contains(test.range.start)
                    else { return false }
                    return !write.context.arms.contains { $0.compound == arm.compound }
                }
                if leavesWhenSet { return true }
            }
        }
        return false
    }
}
