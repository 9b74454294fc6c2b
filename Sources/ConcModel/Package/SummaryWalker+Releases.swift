/// Tracks, beside the locks held, the locks a path took and then released, so that a release
/// that finds the lock already released on every path is recorded as a ``RepeatedRelease``.
/// `defer` bodies are run where they run (at a `return` or `throw`, at the end of the function
/// or in-place closure, and in Swift at the end of their block), on a copy of the held locks:
/// the held locks the other rules read keep treating a deferred unlock as held to the end.
extension SummaryBuilder.Walker {
    /// A release of `lock` on a path: a repeated release when the path already released it;
    /// else, when the path held it definitely and holds it no more, released from `site` on.
    /// A lock the body did not take (its caller's) is not tracked.
    mutating func trackRelease(
        _ lock: StateRef, isRead: Bool, site: ReleaseSite, reachedAt: SourcePosition, category: TypeFacts.Category,
        heldBefore: [HeldLock], heldAfter: [HeldLock], released: inout [ReleasedLock]
    ) {
        if let previous = released.first(where: { $0.lock == lock && $0.isRead == isRead }) {
            let start = min(previous.site.range.start, reachedAt)
            repeatedReleases.append(RepeatedRelease(
                lock: lock, isRead: isRead, first: previous.site, second: site, acquiredAt: previous.acquiredAt,
                window: SourceRange(start: start, end: max(start, reachedAt)), deferredCalls: previous.deferredCalls,
                rootCategory: category))
            return
        }
        guard let taken = heldBefore.last(where: { $0.lock == lock && $0.isRead == isRead && $0.isDefinite }),
              !heldAfter.contains(where: { $0.lock == lock })
        else { return }
        released.append(ReleasedLock(lock: lock, isRead: isRead, site: site, acquiredAt: taken.acquiredAt))
    }

    /// The end of a `withLock { }` section: the call releases the lock its closure held. When the
    /// closure itself released it on every path (`defer { lock.unlock() }` inside), that is a
    /// repeated release; after the section the lock is released by it.
    mutating func endSection(_ critical: Critical, lock: StateRef, body: SummaryBuilder.State, _ state: inout SummaryBuilder.State) {
        let site = ReleaseSite(kind: .section, range: critical.range, text: critical.guardPath)
        var released = body.exited ? state.released : body.released
        if !body.exited, !body.held.contains(where: { $0.lock == lock }) {
            trackRelease(
                lock, isRead: false, site: site, reachedAt: critical.range.end, category: rootCategory(critical.guardPlace),
                heldBefore: [], heldAfter: [],
                released: &released)
        }
        released.removeAll { $0.lock == lock }
        released.append(ReleasedLock(lock: lock, isRead: false, site: site, acquiredAt: critical.range))
        state.released = released
    }

    /// Swift: the `defer`s registered inside a block run when it ends.
    mutating func endBlock(_ end: SummaryBuilder.State, from start: SummaryBuilder.State, at range: SourceRange) -> SummaryBuilder.State {
        guard unit.facts.deferRunsAtBlockEnd, !end.exited, end.defers.count > start.defers.count else { return end }
        var state = end
        let entry = start.defers.map(\.range)
        runDefers(&state, at: range) { !entry.contains($0.range) }
        return state
    }

    /// At a `return` or `throw`, or where a body ends: the `defer`s of the innermost function or
    /// in-place closure run.
    mutating func runFrameDefers(_ state: inout SummaryBuilder.State, at range: SourceRange) {
        let entry = deferFrames.last ?? []
        runDefers(&state, at: range) { !entry.contains($0.range) }
    }

    /// Runs the pending `defer`s that `selected` picks, the last registered first, and drops them.
    mutating func runDefers(
        _ state: inout SummaryBuilder.State, at range: SourceRange, _ selected: (PendingDefer) -> Bool
    ) {
        var held = state.held
        for pending in state.defers.reversed() where selected(pending) {
            var certain = pending.isDefinite
            runDeferred(pending.body, certain: &certain, held: &held, state: &state, at: range, depth: 0)
        }
        state.defers.removeAll(where: selected)
    }

    /// One `defer` body: its unlocks and locks in order while it runs straight through
    /// (`certain`); after a branch, a loop or anything else compound, what it does to a lock is
    /// unknown, so the lock is no longer counted released. Its calls are remembered on the
    /// released locks: a call may take one again.
    private mutating func runDeferred(
        _ steps: [Step], certain: inout Bool, held: inout [HeldLock], state: inout SummaryBuilder.State,
        at range: SourceRange, depth: Int
    ) {
        guard depth < 16 else { certain = false; return }
        for step in steps {
            switch step {
            case .sync(let sync):
                guard let lock = stateRef(sync.targetPlace) else { continue }
                switch sync.kind {
                case .lock, .readLock, .tryLock:
                    state.released.removeAll { $0.lock == lock }
                    if certain { held.append(HeldLock(lock: lock, isRead: sync.kind == .readLock, isDefinite: sync.kind != .tryLock, acquiredAt: sync.range)) }
                case .unlock, .readUnlock:
                    guard certain else { state.released.removeAll { $0.lock == lock }; continue }
                    let isRead = sync.kind == .readUnlock
                    let before = held
                    if let index = held.lastIndex(where: { $0.lock == lock && $0.isRead == isRead }) ?? held.lastIndex(where: { $0.lock == lock }) {
                        held.remove(at: index)
                    }
                    trackRelease(
                        lock, isRead: isRead, site: ReleaseSite(kind: .deferred, range: sync.range, text: sync.targetPath),
                        reachedAt: range.end, category: rootCategory(sync.targetPlace), heldBefore: before, heldAfter: held,
                        released: &state.released)
                default:
                    continue
                }
            case .call(let call):
                remember(call, in: &state)
            case .closure(let use) where use.invocation == .inPlace:
                runDeferred(unit[use.function].body, certain: &certain, held: &held, state: &state, at: range, depth: depth + 1)
            case .exit:
                certain = false
                return
            case .branch, .loop, .select, .critical, .spawn, .closure:
                certain = false
                forgetLocks(touchedBy: [step], in: &state)
            default:
                continue
            }
        }
    }

    /// Steps whose effect on locks is not followed: the locks they lock or unlock are no longer
    /// counted released, and their calls are remembered.
    private mutating func forgetLocks(touchedBy steps: [Step], in state: inout SummaryBuilder.State) {
        var locks: [StateRef] = []
        var calls: [Call] = []
        forEachInlineStep(steps, depth: 0) { step in
            if case .sync(let sync) = step, let lock = stateRef(sync.targetPlace) { locks.append(lock) }
            if case .call(let call) = step { calls.append(call) }
        }
        state.released.removeAll { released in locks.contains(released.lock) }
        for call in calls { remember(call, in: &state) }
    }

    /// Every step of `steps` and of the in-place closures they run, depth first.
    private func forEachInlineStep(_ steps: [Step], depth: Int, _ visit: (Step) -> Void) {
        guard depth < 16 else { return }
        SummaryBuilder.forEachStep(steps) { step in
            visit(step)
            if case .closure(let use) = step, use.invocation == .inPlace {
                forEachInlineStep(unit[use.function].body, depth: depth + 1, visit)
            }
        }
    }

    private func remember(_ call: Call, in state: inout SummaryBuilder.State) {
        guard !state.released.isEmpty else { return }
        let event = callEvent(call, held: state.held)
        for index in state.released.indices { state.released[index].deferredCalls.append(event) }
    }

    /// The category of the binding a place starts from.
    func rootCategory(_ place: Place?) -> TypeFacts.Category {
        place.map { unit[$0.root].type.category } ?? .unknown
    }

    /// The summary's event for a call.
    func callEvent(_ call: Call, held: [HeldLock]) -> CallEvent {
        let receiver = stateRef(call.receiverPlace)
        var isOnSelf = call.isOnSelf
        if let receiver, receiver.root == .receiver, receiver.fields.isEmpty { isOnSelf = true }
        return CallEvent(
            name: call.name, callee: call.callee, receiver: receiver, isOnSelf: isOnSelf,
            arguments: call.argumentPlaces.map { stateRef($0) }, held: held, range: call.range,
            isParameterGated: parameterGates > 0, functionValue: call.functionValue.map { stateRef(nil, binding: $0) },
            decidedBy: deciding)
    }
}

extension SummaryBuilder {
    /// The locks released on every one of `states`, with the calls any of them made since.
    static func mergedReleases(_ states: [State]) -> [ReleasedLock] {
        guard var result = states.first?.released else { return [] }
        for other in states.dropFirst() {
            result = result.compactMap { lock in
                guard let match = other.released.first(where: { $0.lock == lock.lock && $0.isRead == lock.isRead }) else { return nil }
                var merged = lock
                merged.deferredCalls += match.deferredCalls.filter { call in !lock.deferredCalls.contains { $0.range == call.range } }
                return merged
            }
        }
        return result
    }

    /// The `defer`s pending on any of `states`, in the order they were registered; definite when
    /// registered on all.
    static func mergedDefers(_ states: [State]) -> [PendingDefer] {
        var result: [PendingDefer] = []
        for state in states {
            for pending in state.defers where !result.contains(where: { $0.range == pending.range }) {
                var merged = pending
                merged.isDefinite = states.allSatisfy { other in other.defers.contains { $0.range == pending.range && $0.isDefinite } }
                result.append(merged)
            }
        }
        return result.sorted { $0.range.start < $1.range.start }
    }
}
