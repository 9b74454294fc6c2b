import ConcModel

/// The functions of a package that run only while an object is being built, before any other
/// goroutine or thread can reach it: initializers and constructors (`init`, `NewT`, `OpenT`),
/// methods named `Init` or `Initialize`, a recycled object's `reset`, and the unexported helpers
/// that only they call on the object they build (`s.reload()` in `NewStore`, `db.vlog.open()` in
/// `Open`).
///
/// A write there happens before the object is published, so it races with nothing. Calls from
/// test code are left out: a test drives the object, it does not build it for the package.
struct ConstructionPhase {
    /// Summary indices of the functions that run only during construction.
    let members: Set<Int>

    /// Propagation rounds through chains of helpers.
    static let rounds = 4

    init(_ model: PackageModel) {
        let summaries = model.summaries
        var members = Set<Int>()
        for (index, summary) in summaries.enumerated() where summary.isInitializer || Self.isInitMethod(summary) {
            members.insert(index)
        }
        // Each callee's call sites: the caller, and whether the call works on the object being
        // built (its receiver, a local, or no receiver at all). Goroutines a constructor starts
        // before such a call serve requests, which cannot come before the object is returned.
        var sites: [[(caller: Int, onNewObject: Bool)]] = Array(repeating: [], count: summaries.count)
        for (callerIndex, caller) in summaries.enumerated() where !caller.isTestCode {
            for case .call(let call) in caller.events {
                let onNewObject = Self.worksOnOwnObject(call)
                for callee in model.callees(of: call, in: caller) where callee != callerIndex {
                    sites[callee].append((callerIndex, onNewObject))
                }
            }
        }
        for _ in 0..<Self.rounds {
            var changed = false
            for index in summaries.indices where !members.contains(index) {
                let summary = summaries[index]
                guard !summary.isExported, summary.closureRole == .none, !summary.isTestCode, !sites[index].isEmpty,
                      sites[index].allSatisfy({ $0.onNewObject && members.contains($0.caller) })
                else { continue }
                members.insert(index)
                changed = true
            }
            if !changed { break }
        }
        self.members = members
    }

    /// A method named `Init` or `Initialize` (Go's "set up this zero value before use"), or an
    /// unexported `reset`, which the package calls to ready a recycled object (taken from or put
    /// back in a pool) while no one else holds it. An exported `Reset` is the callers' to call
    /// at any time, so it is judged.
    static func isInitMethod(_ summary: FunctionSummary) -> Bool {
        summary.kind == .declared && summary.ownerType != nil && summary.closureRole == .none
            && ["Init", "init", "Initialize", "initialize", "reset"].contains(summary.name)
    }

    /// The call is on the caller's own receiver, a local the caller made or reached, or on no
    /// object at all; not on a parameter or package variable, which others may share.
    static func worksOnOwnObject(_ call: CallEvent) -> Bool {
        if call.isOnSelf { return true }
        guard let receiver = call.receiver else { return !call.callee.contains(".") }
        switch receiver.root {
        case .receiver, .local: return true
        case .parameter, .global: return false
        }
    }
}
