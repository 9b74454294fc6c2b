import ConcModel

/// What the callers of each unexported function tell about where it runs, counting only the
/// calls made while the object is in use: calls from test code (which drives the object from one
/// goroutine) and from construction (before the object is shared) are left out.
///
/// - `held`: the lock keys every such call site holds, so the callee's accesses are guarded by
///   them (`nil` when exported or never called that way).
/// - `unknown`: the function runs only where conclint cannot tell under which lock or on which
///   thread — an escaping closure (`withLock(mu, func() {…})`, `t.Cleanup(func() {…})`, a
///   closure handed to another function), an unexported function the package only reaches
///   through a function value or an interface, or a helper only such code calls.
struct CallerContext {
    let held: [Set<String>?]
    let unknown: Set<Int>

    /// Rounds that carry the facts through chains of private helpers.
    static let rounds = 3

    init(_ model: PackageModel, construction: ConstructionPhase) {
        let summaries = model.summaries
        var sites: [[(caller: Int, held: Set<String>)]] = Array(repeating: [], count: summaries.count)
        for (callerIndex, caller) in summaries.enumerated()
        where !caller.isTestCode && !construction.members.contains(callerIndex) {
            for case .call(let call) in caller.events {
                let held = Set(call.held.filter(\.isDefinite).compactMap { model.typeKey($0.lock) })
                for callee in model.callees(of: call, in: caller) where callee != callerIndex {
                    sites[callee].append((callerIndex, held))
                }
            }
        }
        // Functions the package calls or starts somewhere outside test code.
        var invoked = Set<Int>()
        for (callerIndex, caller) in summaries.enumerated() where !caller.isTestCode {
            for event in caller.events {
                switch event {
                case .call(let call): invoked.formUnion(model.callees(of: call, in: caller).filter { $0 != callerIndex })
                case .spawn(let spawn): invoked.formUnion(model.spawned(spawn, in: caller))
                default: break
                }
            }
        }
        var unknown = Set(summaries.indices.filter { index in
            let summary = summaries[index]
            if summary.closureRole == .escaping { return true }
            // An unexported function the package never calls by name runs through a function
            // value or an interface (`c.handshakeFn = c.serverHandshake`): from where, under
            // which lock, is not known.
            return summary.closureRole == .none && summary.kind == .declared && summary.entry == .none && !summary.isExported
                && !summary.isInitializer && !summary.isTestCode && !invoked.contains(index)
        })
        var held: [Set<String>?] = Array(repeating: nil, count: summaries.count)
        for _ in 0..<Self.rounds {
            var changed = false
            for index in summaries.indices {
                let summary = summaries[index]
                guard !summary.isExported, !sites[index].isEmpty, summary.closureRole == .none else { continue }
                if !unknown.contains(index), sites[index].allSatisfy({ unknown.contains($0.caller) }) {
                    unknown.insert(index)
                    changed = true
                }
                var common: Set<String>?
                for site in sites[index] where !unknown.contains(site.caller) {
                    let siteHeld = site.held.union(held[site.caller] ?? [])
                    common = common.map { $0.intersection(siteHeld) } ?? siteHeld
                }
                if common != held[index] {
                    held[index] = common
                    changed = true
                }
            }
            if !changed { break }
        }
        self.held = held
        self.unknown = unknown
    }
}
