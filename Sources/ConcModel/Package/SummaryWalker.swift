extension SummaryBuilder {
    /// Walks one body, recording events with the locks held at each.
    struct Walker {
        let unit: Unit
        let function: Function
        /// Summary keys by function, for spawned bodies.
        let keys: [FunctionID: String]
        var events: [SummaryEvent] = []
        /// States at `return` statements.
        var returns: [State] = []
        /// Locks a `defer` releases when the body exits.
        var deferredReleases: [StateRef] = []
        /// The escaping closures the body writes, with the locks held where each is written.
        var escapingClosures: [(FunctionID, [HeldLock])] = []
        /// Receiving `select` cases, with the events of their bodies.
        var selectReceives: [FunctionSummary.SelectReceive] = []
        /// Channels closed.
        var closedChannels: [StateRef] = []
        private var depth = 0
        /// In-place closures being inlined, to stop a closure that (through a bug) runs itself.
        private var inlining: Set<FunctionID> = []
        /// How many branches whose condition reads a parameter are around the step walked.
        var parameterGates = 0
        /// The calls whose results decide whether the step being walked runs
        /// (``CallEvent/decidedBy``).
        var deciding: [TestedCall] = []
        /// The loops, switches and selects around the step being walked, innermost last, with
        /// the paths that `break` or `continue` to each (``jump(_:_:)``).
        var jumpFrames: [JumpFrame] = []
        /// Releases of a lock the path had already released (``RepeatedRelease``).
        var repeatedReleases: [RepeatedRelease] = []
        /// For the function and each in-place closure being walked, innermost last: the
        /// `defer`s pending when it was entered, which its `return` does not run.
        var deferFrames: [[SourceRange]] = [[]]

        init(unit: Unit, function: Function, keys: [FunctionID: String]) {
            self.unit = unit
            self.function = function
            self.keys = keys
        }

        // MARK: State references

        /// The summary's name for the location a place names.
        func stateRef(_ place: Place?, binding id: BindingID) -> StateRef {
            let binding = unit[id]
            let components = place?.components ?? []
            let rest = Place(root: id, components: components)
            switch binding.kind {
            case .receiver:
                return StateRef(root: .receiver, rootType: binding.type.name, fields: rest.leadingFields, reachesElement: rest.reachesElement)
            case .property:
                guard let owner = binding.ownerType else {
                    return StateRef(root: .global(binding.name), rootType: binding.type.name, fields: rest.leadingFields, reachesElement: rest.reachesElement)
                }
                let startsWithElement = components.first == .element
                return StateRef(
                    root: .receiver, rootType: owner, fields: [binding.name] + (startsWithElement ? [] : rest.leadingFields),
                    reachesElement: rest.reachesElement)
            case .global:
                return StateRef(root: .global(binding.name), rootType: binding.type.name, fields: rest.leadingFields, reachesElement: rest.reachesElement)
            case .parameter where binding.function == function.id:
                let index = function.parameters.filter { unit[$0].kind != .receiver }.firstIndex(of: id) ?? 0
                return StateRef(root: .parameter(index), rootType: binding.type.name, fields: rest.leadingFields, reachesElement: rest.reachesElement)
            default:
                return StateRef(root: .local(binding.name), rootType: binding.type.name, fields: rest.leadingFields, reachesElement: rest.reachesElement)
            }
        }

        func stateRef(_ place: Place?) -> StateRef? {
            guard let place else { return nil }
            return stateRef(place, binding: place.root)
        }

        /// Method names that release the receiver whatever their arguments.
        static let releaseNames: Set<String> = ["Unlock", "unlock", "RUnlock", "runlock", "Release", "release"]

        // MARK: Walk

        mutating func walk(_ steps: [Step], _ start: State) -> State {
            depth += 1
            defer { depth -= 1 }
            guard depth < 400 else { return start }
            // A branch that leaves on some arm decides the rest of this list, and no further.
            let decidingCount = deciding.count
            defer { deciding.removeSubrange(decidingCount...) }
            var state = start
            for (index, step) in steps.enumerated() {
                if state.exited { break }
                if case .branch(let branch) = step, conditionReadsParameter(steps[..<index], of: branch) {
                    parameterGates += 1
                    state = walk(step, state)
                    parameterGates -= 1
                } else {
                    state = walk(step, state)
                }
            }
            return state
        }

        /// Whether the condition of `branch` — the reads just before it, inside its range —
        /// reads a parameter of the function (`if !lockHeld { … }`).
        private func conditionReadsParameter(_ before: ArraySlice<Step>, of branch: Branch) -> Bool {
            for step in before.reversed() {
                switch step {
                case .access(let access):
                    guard access.range.start >= branch.range.start else { return false }
                    let binding = unit[access.binding]
                    if access.kind == .read, binding.kind == .parameter, binding.function == function.id { return true }
                case .call(let call):
                    guard call.range.start >= branch.range.start else { return false }
                default:
                    return false
                }
            }
            return false
        }

        private mutating func walk(_ step: Step, _ start: State) -> State {
            var state = start
            switch step {
            case .access(let access):
                guard !access.takesAddressOnly, let target = stateRef(access.place) else { break }
                events.append(.access(AccessEvent(
                    target: target, isWrite: access.kind.isWrite, isAtomic: access.isAtomic, held: state.held,
                    range: access.range, text: access.path, isRemoval: access.kind == .write(.remove))))
            case .sync(let sync):
                state = walkSync(sync, state)
            case .critical(let critical):
                guard let lock = stateRef(critical.guardPlace) else {
                    state = walk(critical.body, state)
                    break
                }
                let isExecutor = critical.kind == .serialExecutor
                events.append(.acquire(LockEvent(
                    lock: lock, isRead: false, isTry: false, isExecutor: isExecutor, isParameterGated: parameterGates > 0,
                    held: state.held, range: critical.range, text: critical.guardPath)))
                var inner = state
                inner.held.append(HeldLock(lock: lock, isRead: false, isDefinite: true, isExecutor: isExecutor, acquiredAt: critical.range))
                inner.released.removeAll { $0.lock == lock }
                // The section ends with its closure: the lock is released whatever the body did.
                let end = walk(critical.body, inner)
                if !isExecutor { endSection(critical, lock: lock, body: end, &state) }
            case .closure(let use):
                if use.invocation == .escaping { escapingClosures.append((use.function, state.held)) }
                guard use.invocation == .inPlace, !inlining.contains(use.function), inlining.count < 64 else { break }
                inlining.insert(use.function)
                let returnCount = returns.count
                let deferredCount = deferredReleases.count
                // A `break` or `continue` in the closure cannot leave a loop around it.
                let outerJumps = jumpFrames
                jumpFrames = []
                deferFrames.append(state.defers.map(\.range))
                var end = walk(unit[use.function].body, state)
                // The closure's own `defer`s run when it falls off its end (its `return`s ran them).
                if !end.exited { runFrameDefers(&end, at: unit[use.function].range) }
                deferFrames.removeLast()
                jumpFrames = outerJumps
                inlining.remove(use.function)
                // A `return` inside the closure leaves the closure, not this body: the body goes
                // on with the states of the closure's returns and of its end (a closure whose
                // every arm returns, having unlocked first, hands on no lock). The closure's own
                // `defer`s run when it returns (`func() { mu.Lock(); defer mu.Unlock() }()`).
                let joined = SummaryBuilder.merge([end] + returns[returnCount...])
                var after = joined.exited ? end : joined
                returns.removeSubrange(returnCount...)
                let released = deferredReleases[deferredCount...]
                after.held.removeAll { held in released.contains(held.lock) }
                deferredReleases.removeSubrange(deferredCount...)
                state.held = after.held
                state.released = after.released
            case .loop(let loop):
                jumpFrames.append(JumpFrame(kind: .loop, label: loop.label, entryDefers: state.defers.map(\.range)))
                var head = walk(loop.header, state)
                head.exited = false
                if let place = loop.sourcePlace, let target = stateRef(place) {
                    let isChannel: Bool = if case .channel = loop.domain { true } else { false }
                    if isChannel || loop.domain == .collection {
                        events.append(.blocking(BlockingEvent(
                            kind: .receive, target: target, held: state.held, range: loop.range,
                            text: unit[place.root].name, isRangeLoop: true, isKnownChannel: isChannel)))
                    }
                }
                var body = endBlock(walk(loop.body, head), from: head, at: loop.range)
                let frame = jumpFrames.removeLast()
                // `for { … break … }` ends only where it breaks, with what is held there (a lock
                // taken in the loop and kept when it breaks out).
                if loop.domain == .forever, !frame.breaks.isEmpty {
                    state = SummaryBuilder.merge(frame.breaks)
                } else {
                    body.exited = false
                    state = SummaryBuilder.merge([state, body] + frame.continues + frame.breaks)
                }
            case .branch(let branch):
                let decidingCount = deciding.count
                deciding += branch.testedCalls.filter { !deciding.contains($0) }
                var outs = branch.arms.map { arm in
                    branch.isSwitch
                        ? walkJumpTarget(.switchArm, label: branch.label, arm, state, at: branch.range)
                        : endBlock(walk(arm, state), from: state, at: branch.range)
                }
                if !branch.isExhaustive || branch.arms.isEmpty { outs.append(state) }
                let merged = SummaryBuilder.merge(outs)
                if merged.exited { state.exited = true } else { state = merged }
                // When no arm leaves, what follows runs whatever the calls returned.
                if !outs.contains(where: \.exited) { deciding.removeSubrange(decidingCount...) }
            case .select(let select):
                let outs = select.cases.map { selectCase in
                    let start = events.count
                    let out = walkJumpTarget(.select, label: nil, selectCase.body, state, at: select.range)
                    if selectCase.kind == .receive || selectCase.kind == .cancellation, let channel = stateRef(selectCase.channelPlace) {
                        selectReceives.append(FunctionSummary.SelectReceive(channel: channel, events: start..<events.count))
                    }
                    return out
                }
                let merged = SummaryBuilder.merge(outs.isEmpty ? [state] : outs)
                if merged.exited { state.exited = true } else { state = merged }
            case .deferred(let deferred):
                state.defers.append(PendingDefer(range: deferred.range, body: deferred.body, isDefinite: true))
                // A deferred unlock runs at exit: the lock stays held for the rest of the body.
                // Other deferred work is not followed, but for the channels it closes.
                SummaryBuilder.forEachStep(deferred.body) { inner in
                    if case .sync(let sync) = inner, sync.kind == .unlock || sync.kind == .readUnlock,
                       let lock = stateRef(sync.targetPlace) {
                        deferredReleases.append(lock)
                    }
                    // `defer close(r.received)` still closes the channel.
                    if case .channel(let channel) = inner, channel.kind == .close, let closed = stateRef(channel.channelPlace) {
                        closedChannels.append(closed)
                    }
                }
            case .exit(let exit):
                switch exit.kind {
                case .return, .throw:
                    runFrameDefers(&state, at: exit.range)
                    returns.append(state)
                case .panic: returns.append(state)
                case .loopExit: jump(exit, state)
                case .processExit: break
                }
                state.exited = true
            case .spawn(let spawn):
                state = walk(spawn.arguments, state)
                events.append(.spawn(SpawnEvent(
                    bodyKey: spawn.body.flatMap { keys[$0] }, callee: spawn.callee, receiver: nil, held: state.held,
                    range: spawn.range)))
            case .call(let call):
                let receiver = stateRef(call.receiverPlace)
                // `gate.Unlock(true)`: a release the lock APIs do not spell, on a lock held here.
                if let receiver, Self.releaseNames.contains(call.name), let index = state.held.lastIndex(where: { $0.lock == receiver }) {
                    state.held.remove(at: index)
                }
                events.append(.call(callEvent(call, held: state.held)))
            case .channel(let channel):
                switch channel.kind {
                case .send, .receive:
                    events.append(.blocking(BlockingEvent(
                        kind: channel.kind == .send ? .send : .receive, target: stateRef(channel.channelPlace),
                        held: state.held, range: channel.range, text: channel.channelPath)))
                case .close:
                    if let channel = stateRef(channel.channelPlace) { closedChannels.append(channel) }
                default: break
                }
            case .wait(let wait):
                let kind: BlockingEvent.Kind?
                switch wait.kind {
                case .group: kind = .groupWait
                case .semaphore: kind = .semaphoreWait
                case .signal: kind = .signalWait
                case .join, .awaitTask: kind = .join
                case .receive: kind = .receive
                default: kind = nil
                }
                if let kind {
                    events.append(.blocking(BlockingEvent(
                        kind: kind, target: stateRef(wait.targetPlace), held: state.held, range: wait.range, text: wait.targetPath)))
                }
            case .declare, .sleep:
                break
            }
            return state
        }

        private mutating func walkSync(_ sync: Sync, _ start: State) -> State {
            var state = start
            // A lock the model cannot name is still a lock held: callers of `…Locked` helpers
            // under it are not reported, and nothing is matched against it.
            let lock = stateRef(sync.targetPlace)
                ?? StateRef(root: .local("?" + sync.targetPath), rootType: nil, fields: [])
            switch sync.kind {
            case .lock, .readLock, .tryLock:
                let isRead = sync.kind == .readLock
                events.append(.acquire(LockEvent(
                    lock: lock, isRead: isRead, isTry: sync.kind == .tryLock, isExecutor: false,
                    isParameterGated: parameterGates > 0, held: state.held, range: sync.range, text: sync.targetPath)))
                state.held.append(HeldLock(lock: lock, isRead: isRead, isDefinite: sync.kind != .tryLock, acquiredAt: sync.range))
                state.released.removeAll { $0.lock == lock }
            case .unlock, .readUnlock:
                let isRead = sync.kind == .readUnlock
                events.append(.release(LockEvent(
                    lock: lock, isRead: isRead, isTry: false, isExecutor: false, held: state.held, range: sync.range,
                    text: sync.targetPath)))
                let heldBefore = state.held
                if let index = state.held.lastIndex(where: { $0.lock == lock && $0.isRead == isRead }) {
                    state.held.remove(at: index)
                } else if let index = state.held.lastIndex(where: { $0.lock == lock }) {
                    state.held.remove(at: index)
                }
                trackRelease(
                    lock, isRead: isRead, site: ReleaseSite(kind: .explicit, range: sync.range, text: sync.targetPath),
                    reachedAt: sync.range.start, category: rootCategory(sync.targetPlace), heldBefore: heldBefore,
                    heldAfter: state.held, released: &state.released)
            default:
                break
            }
            return state
        }
    }
}
