import ConcModel

extension DoubleLock {
    /// Whether something may release the lock between its first acquisition and the event at
    /// `position`: a same-package callee that releases its caller's lock, unknown code handed the
    /// lock, a function value that may unlock it, or other work that unlocks it (a mutex used as
    /// a semaphore).
    func releasedBetween(_ held: HeldLock, and position: Int, in index: Int, package: PackageAnalysis) -> Bool {
        let model = package.model
        let summary = model.summaries[index]
        if releasedByOtherWork(held.lock, in: index, model) { return true }
        for event in summary.events[..<position] {
            // A mutex used as a semaphore: work started in between unlocks it.
            if case .spawn(let spawn) = event, held.acquiredAt.start < spawn.range.start { return true }
            guard case .call(let call) = event, held.acquiredAt.start < call.range.start else { continue }
            if call.arguments.contains(where: { $0 == held.lock }) { return true }
            // `unlock()`, where `unlock := unlockOnce(&s.mu)` or `unlock := func() { s.mu.Unlock() }`.
            if call.functionValue != nil, Self.madeIntoFunctionValue(held.lock, in: summary, model) { return true }
            let receiver = model.receiver(of: call, in: summary)
            for callee in model.callees(of: call, in: summary) {
                if package.locks.releasesCallersLock[callee].contains(where: {
                    $0.mapped(receiver: receiver, arguments: call.arguments) == held.lock
                }) { return true }
            }
        }
        return false
    }

    /// Whether the body may have turned the lock's release into a function value: it handed the
    /// lock to a call (`unlockOnce(&srv.lock)`, which may return a wrapped `Unlock`), took the
    /// method value `lock.Unlock`, or wrote a closure that releases it.
    static func madeIntoFunctionValue(_ lock: StateRef, in summary: FunctionSummary, _ model: PackageModel) -> Bool {
        for event in summary.events {
            switch event {
            case .call(let call) where call.arguments.contains(where: { $0 == lock }): return true
            case .access(let access) where access.target.isReleaseMethodValue(of: lock): return true
            default: continue
            }
        }
        return model.closures(of: summary.enclosingKey).contains { releasesWithoutHolding(lock, model.summaries[$0]) }
    }

    /// Whether other work of the same function — the declared function the body is written in,
    /// and the closures it spawns or hands on — releases the lock without having taken it, or
    /// hands out its `Unlock` as a function value: the lock is a semaphore that other work
    /// releases (`go func() { mu.Lock(); mu.Lock() }()` with the creator calling `mu.Unlock()`),
    /// so the second acquisition waits for that work, not for itself.
    func releasedByOtherWork(_ lock: StateRef, in index: Int, _ model: PackageModel) -> Bool {
        for member in model.family(of: index) {
            let summary = model.summaries[member]
            if member != index, Self.releasesWithoutHolding(lock, summary) { return true }
            for case .access(let access) in summary.events where access.target.isReleaseMethodValue(of: lock) { return true }
        }
        return false
    }

    /// Whether the body releases the lock at a point where it does not hold it — also through a
    /// `defer` of a body that never takes it (`cl.AfterFunc(d, func() { defer mu.Unlock(); … })`).
    static func releasesWithoutHolding(_ lock: StateRef, _ summary: FunctionSummary) -> Bool {
        let takes = summary.events.contains { event in
            if case .acquire(let acquisition) = event { return acquisition.lock == lock }
            return false
        }
        if !takes, summary.deferredReleases.contains(lock) { return true }
        return summary.events.contains { event in
            guard case .release(let release) = event, release.lock == lock else { return false }
            return !release.held.contains { $0.lock == lock }
        }
    }
}
