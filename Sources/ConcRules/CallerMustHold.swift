import ConcModel

/// `caller-must-hold`: a call of a function whose name or doc comment says its caller must hold
/// a lock (`refreshLocked`, "must be called with mu held"), from a place that holds no lock.
///
/// Evidence: the caller released a lock it held before the call, and no lock is held on any
/// path to the call; the caller is not itself under the convention, not an initializer (the
/// object is not shared yet), not a function every caller of which holds a lock, and not a
/// closure written while its creator held a lock (code that runs it in place runs it under that
/// lock). A semaphore taken before the call may be the lock the callee needs. Every
/// same-package function the call may resolve to must be under the convention.
struct CallerMustHold: PackageRule {
    static let id = "caller-must-hold"

    func check(_ package: PackageAnalysis, context: PackageRuleContext, into findings: inout [Finding]) {
        let model = package.model
        for (index, summary) in model.summaries.enumerated() {
            guard !summary.requiresHeldLock, !summary.isInitializer, summary.entry != .test, !summary.isTestCode,
                  package.locks.heldByCallers[index]?.isEmpty ?? true, summary.heldAtCreation.isEmpty
            else { continue }
            // Evidence of the bug, not of an unseen caller holding the lock: this function
            // itself released a lock it held before the call ("called right after the unlock").
            // Releasing its caller's lock (dropping it around a wait) says nothing of the lock
            // the callee needs.
            var released = false
            for event in summary.events {
                if case .release(let release) = event, release.held.contains(where: { $0.lock == release.lock }) { released = true }
                // A semaphore taken here (`semacquire(&traceAdvanceSema)`) may be what the callee needs.
                if case .blocking(let blocking) = event, blocking.kind == .semaphoreWait { break }
                guard released, case .call(let call) = event, call.held.isEmpty else { continue }
                let callees = model.callees(of: call, in: summary)
                guard let first = callees.first, callees.allSatisfy({ expectsHeldLock($0, model) }) else { continue }
                let callee = model.summaries[first]
                let why = LockConvention.nameRequiresHeldLock(callee.name) ? "its name says" : "its doc comment says"
                findings.append(context.finding(
                    "`\(callee.name)` must be called with the lock held (\(why) so), but no lock is held here: what it touches races with the locked code",
                    path: summary.path, language: package.language(of: summary.path), at: call.range,
                    related: [RelatedLocation(range: callee.range, message: "`\(callee.name)` declared here",
                                              path: callee.path == summary.path ? nil : callee.path)]))
            }
        }
    }

    /// Whether the function is under the convention and behaves so: it does not take a lock
    /// itself before releasing one (a misnamed `recordLocked` that locks is not), and no closure
    /// it starts takes one.
    private func expectsHeldLock(_ index: Int, _ model: PackageModel) -> Bool {
        let summary = model.summaries[index]
        guard summary.requiresHeldLock else { return false }
        for event in summary.events {
            if case .acquire = event { return false }
            if case .release = event { break }
        }
        let closures = model.closures(of: summary.key)
        return !closures.contains { closure in
            model.summaries[closure].events.contains { if case .acquire = $0 { true } else { false } }
        }
    }
}
