import ConcModel

/// `check-then-act`: a call that acts on an object (adds, stores, starts) only when an earlier
/// call on the same object said so (found nothing, returned `ok == false`), where each method
/// takes the object's lock on its own and the caller holds no lock across both: two threads can
/// both see "absent" and both insert, and one insertion is lost.
///
/// Evidence: both calls resolve to methods of the package on one receiver of a package type;
/// the check method reads a field of the object under a lock, the act method writes that field
/// under the same lock, and the act is made only on a branch that tests the check's result
/// (``ConcModel/CallEvent/decidedBy``) on what the check found, not only on its error result.
/// The object must be one other threads can reach (``Sharing``). Not reported: when the caller
/// holds any lock at either call or is only called with one held; when the check method writes
/// the field too (it is an act of its own); when the act method reads the field before writing
/// it in the same critical section (it re-checks, as `LoadOrStore` does) or only removes
/// entries; in test code, construction, isolated code and code whose thread and locks are
/// unknown.
struct CheckThenAct: PackageRule {
    static let id = "check-then-act"

    func check(_ package: PackageAnalysis, context: PackageRuleContext, into findings: inout [Finding]) {
        let model = package.model
        let construction = ConstructionPhase(model)
        let callers = CallerContext(model, construction: construction)
        let fields = LockedFieldAccesses(model: model)
        let sharing = Sharing(model, construction: construction)
        for (index, summary) in model.summaries.enumerated() {
            guard !summary.isTestCode, summary.entry != .test, !summary.isInitializer, !construction.members.contains(index),
                  !summary.requiresHeldLock, summary.heldAtCreation.isEmpty, !summary.isolation.isIsolated,
                  !callers.unknown.contains(index), callers.held[index]?.isEmpty ?? true,
                  package.locks.heldByCallers[index]?.isEmpty ?? true
            else { continue }
            var calls: [SourceRange: CallEvent] = [:]
            for case .call(let call) in summary.events {
                defer { calls[call.range] = calls[call.range] ?? call }
                guard call.held.isEmpty, !call.decidedBy.isEmpty else { continue }
                for tested in call.decidedBy {
                    guard let check = calls[tested.range], check.held.isEmpty,
                          let pair = pair(check: check, tested: tested, act: call, in: summary, model: model, fields: fields),
                          let receiver = model.receiver(of: call, in: summary), sharing.mayBeShared(receiver.root, in: index)
                    else { continue }
                    findings.append(finding(pair, check: check, act: call, in: summary, package: package, context: context))
                    break
                }
            }
        }
    }

    /// A check's locked read and an act's locked write of one field under one lock.
    struct Pair {
        var read: LockedFieldAccesses.Access
        var write: LockedFieldAccesses.Access
    }

    /// The field the check reads and the act writes under one lock, when the two calls are on
    /// one shared object of a package type and resolve to two of its methods, and the branch
    /// tests what the check found (`tested`), not only whether it failed.
    private func pair(
        check: CallEvent, tested: TestedCall, act: CallEvent, in caller: FunctionSummary, model: PackageModel,
        fields: LockedFieldAccesses
    ) -> Pair? {
        guard check.name != act.name, let receiver = model.receiver(of: check, in: caller),
              model.receiver(of: act, in: caller) == receiver, !receiver.reachesElement
        else { return nil }
        guard let type = receiver.fields.isEmpty ? receiver.rootType : model.type(of: receiver), model.types[type] != nil
        else { return nil }
        let checks = model.callees(of: check, in: caller)
        let acts = model.callees(of: act, in: caller)
        guard !checks.isEmpty, !acts.isEmpty, Set(checks).isDisjoint(with: acts) else { return nil }
        // `if err != nil { return }` handles a failure; it does not act on the state found.
        // A condition on the whole value of a call tests its only result.
        let results = Set(tested.results ?? [0])
        if checks.allSatisfy({ results.isSubset(of: model.summaries[$0].errorResults) }) { return nil }
        // Every method the check may be only reads the field (one that writes it is an act of
        // its own: `addListener` … `removeListener` on failure); every method the act may be
        // writes it without reading it first under the same hold, and not only to take an
        // entry out (removing twice is removing once).
        let reads = Self.common(checks.map { method in
            let accesses = fields.accesses(of: method)
            return accesses.filter { read in
                !read.isWrite && !accesses.contains { $0.isWrite && $0.field == read.field && $0.owner == read.owner }
            }
        })
        let writes = Self.common(acts.map { Self.unrecheckedWrites(fields.accesses(of: $0)).filter { !$0.isRemoval } })
        for read in reads {
            if let write = writes.first(where: { $0.isSameState(as: read) }) { return Pair(read: read, write: write) }
        }
        return nil
    }

    /// The accesses of the first list whose field and lock every other list touches too.
    static func common(_ lists: [[LockedFieldAccesses.Access]]) -> [LockedFieldAccesses.Access] {
        guard let first = lists.first else { return [] }
        return first.filter { access in lists.dropFirst().allSatisfy { $0.contains { $0.isSameState(as: access) } } }
    }

    /// The writes of `accesses` that no read of the same field under the same hold of the lock
    /// precedes: an act that re-checks under the lock before it writes is safe.
    static func unrecheckedWrites(_ accesses: [LockedFieldAccesses.Access]) -> [LockedFieldAccesses.Access] {
        let writes = accesses.filter(\.isWrite)
        let rechecked = writes.contains { write in
            accesses.contains { read in
                !read.isWrite && read.isSameState(as: write) && read.section == write.section && read.precedes(write)
            }
        }
        return rechecked ? [] : writes
    }

    private func finding(
        _ pair: Pair, check: CallEvent, act: CallEvent, in caller: FunctionSummary, package: PackageAnalysis,
        context: PackageRuleContext
    ) -> Finding {
        let field = "`\(pair.read.owner).\(pair.read.field)`"
        // A type that embeds its lock (`struct{ sync.RWMutex … }`) is keyed by the type alone.
        let lock = pair.read.lockKey.contains(".") ? "`\(pair.read.lockKey)`" : "the lock `\(pair.read.lockKey)` embeds"
        let message = "`\(act.name)` acts on what `\(check.name)` found without a lock held across both calls: "
            + "`\(check.name)` reads \(field) and `\(act.name)` writes it, each under \(lock) on its own, so another "
            + "thread can check and act in between and one update is lost"
        func path(_ other: String) -> String? { other == caller.path ? nil : other }
        return context.finding(
            message, path: caller.path, language: package.language(of: caller.path), at: act.range,
            related: [
                RelatedLocation(range: check.range, message: "the check: `\(check.name)` reads \(field) under \(lock)"),
                RelatedLocation(
                    range: pair.read.range, message: "read under `\(pair.read.lockText)` here", path: path(pair.read.path)),
                RelatedLocation(
                    range: pair.write.range, message: "written under `\(pair.write.lockText)` here", path: path(pair.write.path)),
            ])
    }
}
