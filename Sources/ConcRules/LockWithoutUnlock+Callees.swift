import ConcModel

/// Declared functions that act as lock operations where they are called: a function that returns
/// holding a lock on each of its normal paths (`func (s *S) lock() { s.mu.Lock() }`, Swift
/// `func acquire() { lock.lock() }`) takes it for its caller, and one that releases a lock it did
/// not take releases the caller's.
///
/// A class: the rule's closures capture it, and a struct holding the unit was copied (every
/// array of the unit retained and released) at each call.
final class LockCallees {
    /// What a declared function does to a lock its caller sees.
    struct Effect {
        /// The lock the function returns holding on every normal path, taken by this step.
        var acquires: Sync?
        /// A lock the function releases without taking it, released by this step.
        var releases: Sync?
    }

    let callees: DeclaredCallees
    private let effects: [FunctionID: Effect]

    init(_ unit: Unit) {
        callees = DeclaredCallees(unit)
        var effects: [FunctionID: Effect] = [:]
        for function in unit.functions where function.kind == .declared {
            let effect = Self.effect(of: function, unit: unit)
            if effect.acquires != nil || effect.releases != nil { effects[function.id] = effect }
        }
        self.effects = effects
    }

    /// The key (`w:s.mu`) of the lock `call`, made in `caller`, returns holding: the callee takes
    /// it on each normal path and releases nothing its caller holds.
    func acquiredKey(_ call: Call, in caller: Function) -> String? {
        acquisition(call, in: caller, ofLocals: false)?.key
    }

    /// The callee `call` runs, when it returns holding a lock, with that lock's key in the
    /// caller's frame. A lock of an object the caller keeps in a local (`buf := newBuffer();
    /// buf.writeMode()`) is not followed unless `ofLocals`: the object may be the caller's own,
    /// which nobody else can lock after it returns.
    func acquisition(_ call: Call, in caller: Function, ofLocals: Bool) -> (callee: FunctionID, key: String)? {
        guard let callee = callees.callee(of: call, in: caller), let effect = effects[callee.id],
              let sync = effect.acquires, effect.releases == nil,
              let place = sync.targetPlace ?? sync.target.map({ Place(root: $0) }),
              let key = key(of: sync, callee: callee, call: call, caller: caller, prefix: LockWithoutUnlock.lockKey(.sync(sync)))
        else { return nil }
        let root = callees.callerRoot(
            of: place, callee: callee, receiver: call.receiverPlace ?? call.receiver.map { Place(root: $0) },
            arguments: call.argumentPlaces)
        if !ofLocals, let root, [.local, .loopVariable, .result].contains(callees.unit[root].kind) { return nil }
        return (callee.id, key)
    }

    /// The key, in its own frame, of the lock `function` returns holding on every normal path.
    func ownAcquiredKey(_ function: FunctionID) -> String? {
        effects[function]?.acquires.flatMap { LockWithoutUnlock.lockKey(.sync($0)) }
    }

    /// The functions that return holding a lock which some caller in the file releases next
    /// (`c.lockWhenPresent(k); …; c.mu.Unlock()`, with no lock of its own in between): their
    /// callers treat them as lock operations, so returning with the lock held is their contract.
    func releasedByCallers(closes: (Step, Function) -> String?) -> Set<FunctionID> {
        var released = Set<FunctionID>()
        // Only a call `acquisition` follows marks a callee; without a function that returns
        // holding a lock and releases none, no caller can (most files: skip the walk).
        guard effects.values.contains(where: { $0.acquires != nil && $0.releases == nil }) else { return released }
        let unit = callees.unit
        for caller in unit.functions {
            let tested = LockWithoutUnlock.testedCalls(caller.body, unit: unit)
            // The lock operations on each key in source order: the callee that took it, or
            // `nil` for the caller's own lock; a release ends the pending one.
            var pending: [String: FunctionID?] = [:]
            OpenKeyPaths.forEachInlineStep(caller.body, unit: unit) { step in
                if case .call(let call) = step, !tested.contains(call.range), let found = acquisition(call, in: caller, ofLocals: true) {
                    pending[found.key] = .some(found.callee)
                } else if let key = LockWithoutUnlock.lockKey(step) {
                    pending[key] = .some(nil)
                } else if let key = closes(step, caller) {
                    if case .some(.some(let callee)) = pending[key] { released.insert(callee) }
                    pending[key] = nil
                }
            }
        }
        return released
    }

    /// The key of the caller's lock `call` releases.
    func releasedKey(_ call: Call, in caller: Function) -> String? {
        guard let callee = callees.callee(of: call, in: caller), let sync = effects[callee.id]?.releases else { return nil }
        return key(of: sync, callee: callee, call: call, caller: caller, prefix: LockWithoutUnlock.unlockKey(.sync(sync)))
    }

    private func key(of sync: Sync, callee: Function, call: Call, caller: Function, prefix key: String?) -> String? {
        guard let key, let place = sync.targetPlace ?? sync.target.map({ Place(root: $0) }),
              let text = callees.callerText(
                of: place, callee: callee, receiver: call.receiverPlace ?? call.receiver.map { Place(root: $0) },
                onSelf: call.isOnSelf, arguments: call.argumentPlaces, caller: caller)
        else { return nil }
        return String(key.prefix(2)) + LockWithoutUnlock.normalized(text)
    }

    /// What `function`'s own lock steps do to its caller's locks.
    private static func effect(of function: Function, unit: Unit) -> Effect {
        var firstLock: [String: Sync] = [:]
        var firstUnlock: [String: Sync] = [:]
        var order: [String] = []
        OpenKeyPaths.forEachInlineStep(function.body, unit: unit) { step in
            guard case .sync(let sync) = step else { return }
            if let key = LockWithoutUnlock.lockKey(step), firstLock[key] == nil {
                firstLock[key] = sync
                if firstUnlock[key] == nil { order.append(key) }
            }
            if let key = LockWithoutUnlock.unlockKey(step), firstUnlock[key] == nil {
                firstUnlock[key] = sync
                if firstLock[key] == nil { order.append(key) }
            }
        }
        guard !order.isEmpty else { return Effect() }
        var effect = Effect()
        if let key = order.sorted().first(where: { firstLock[$0] == nil }) { effect.releases = firstUnlock[key] }
        effect.acquires = acquiredOnEveryPath(function, unit: unit, candidates: order.filter { firstLock[$0] != nil })
            .flatMap { firstLock[$0] }
        return effect
    }

    /// The lock `function` returns holding on each path that returns normally, when it does:
    /// no path throws, the caller is not said to hold it already, and the lock is not the
    /// function's result's (which its caller releases through the result).
    private static func acquiredOnEveryPath(_ function: Function, unit: Unit, candidates: [String]) -> String? {
        guard !candidates.isEmpty, !function.documentedAsLockHeld, !LockConvention.nameRequiresHeldLock(function.name)
        else { return nil }
        var walk = OpenKeyPaths(unit: unit, opens: LockWithoutUnlock.lockKey, closes: LockWithoutUnlock.unlockKey)
        let end = walk.walk(function.body)
        let exits = walk.exits.filter { $0.exit.kind != .panic }
        guard !exits.contains(where: { $0.exit.kind != .return }), end != nil || !exits.isEmpty else { return nil }
        // A `defer` that releases it releases it where the body falls off its end too.
        var releasedByDefer = Set<String>()
        SummaryBuilder.forEachStep(function.body) { step in
            guard case .deferred(let deferred) = step else { return }
            OpenKeyPaths.forEachInlineStep(deferred.body, unit: unit) { inner in
                if let key = LockWithoutUnlock.unlockKey(inner) { releasedByDefer.insert(key) }
            }
        }
        let enteredHeld = LockWithoutUnlock.keysEnteredHeld(function)
        return candidates.sorted().first { key in
            !enteredHeld.contains(key) && !releasedByDefer.contains(key) && end.map { $0[key] != nil } ?? true
                && exits.allSatisfy { $0.open[key] != nil && !$0.deferredClosed.contains(key) }
        }
    }
}
