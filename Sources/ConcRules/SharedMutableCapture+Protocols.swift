import ConcModel

/// The hand-made synchronization Go code builds from calls, atomics and channels, which orders a
/// write as surely as a mutex does.
extension SharedMutableCapture {
    /// The write sits between a call named like a lock (`mu.RWLock(true)`, `fd.readLock()`) and
    /// the matching unlock (`RWUnlock`, `readUnlock`) on the same receiver: the type's own lock.
    func isInsideCustomLock(_ write: FlowEvent, flow: [FlowEvent]) -> Bool {
        for event in flow.reversed() where event.order < write.order && !event.context.inDefer {
            guard case .call(let call) = event.step, call.receiver != nil,
                  let unlock = Self.unlockName(forLock: call.name)
            else { continue }
            let path = Self.receiverPath(call)
            func releases(_ other: FlowEvent) -> Bool {
                guard case .call(let candidate) = other.step else { return false }
                return candidate.name == unlock && Self.receiverPath(candidate) == path
            }
            if flow.contains(where: { $0.order > event.order && $0.order < write.order && !$0.context.inDefer && releases($0) }) {
                continue
            }
            if flow.contains(where: { ($0.order > write.order || $0.context.inDefer) && releases($0) }) { return true }
        }
        return false
    }

    /// `RWLock` → `RWUnlock`, `readLock` → `readUnlock`, `rwlock` → `rwunlock`.
    static func unlockName(forLock name: String) -> String? {
        if name.hasSuffix("Lock"), !name.hasSuffix("Unlock") { return name.dropLast(4) + "Unlock" }
        if name.hasSuffix("lock"), !name.hasSuffix("unlock") { return name.dropLast(4) + "unlock" }
        return nil
    }

    private static func receiverPath(_ call: Call) -> Substring {
        call.callee.dropLast(call.name.count)
    }

    /// An atomic store to the same variable (`StoreInt32(&x.signal, i)`, `x.ready.Store(true)`)
    /// follows the write in the same round: readers that load it see the write.
    func publishesAtomically(_ write: FlowEvent, access: Access, flow: [FlowEvent]) -> Bool {
        flow.contains { event in
            guard event.order > write.order, event.context.loops.starts(with: write.context.loops) else { return false }
            switch event.step {
            case .access(let other): return other.binding == access.binding && other.isAtomic && other.kind.isWrite
            case .call(let call): return call.receiver == access.binding && ["Store", "Swap", "CompareAndSwap"].contains(call.name)
            default: return false
            }
        }
    }

    /// The concurrent instances also load that atomic (spinning until it is their turn): they
    /// take turns through it.
    func takesTurns(on binding: BindingID, flow: [FlowEvent]) -> Bool {
        flow.contains { event in
            switch event.step {
            case .access(let other): return other.binding == binding && other.isAtomic && other.kind == .read
            case .call(let call): return call.receiver == binding && call.name == "Load"
            default: return false
            }
        }
    }

    /// A token ring: the write comes after receiving from a channel and before sending on the
    /// same channel or one taken from the same set (`<-chans[i]` … `chans[i+1] <- true`), so one
    /// instance at a time holds the token.
    func holdsToken(_ write: FlowEvent, flow: [FlowEvent], analysis: UnitAnalysis) -> Bool {
        var taken = Set<BindingID>()
        let writeRange = OpenKeyPaths.range(of: write.step)
        for event in flow where event.order < write.order && write.context.loops.starts(with: event.context.loops) {
            if case .channel(let channel) = event.step, channel.kind == .receive, let id = channel.channel { taken.insert(id) }
            // `case <-wake:` taking the token, with the write in that case's body.
            if case .select(let select) = event.step, let writeRange {
                for selectCase in select.cases where selectCase.kind == .receive {
                    if let id = selectCase.channel, selectCase.range.start <= writeRange.start, writeRange.end <= selectCase.range.end {
                        taken.insert(id)
                    }
                }
            }
        }
        guard !taken.isEmpty else { return false }
        let family = analysis.withDerivations(taken)
        return flow.contains { event in
            guard event.order > write.order, case .channel(let channel) = event.step, channel.kind == .send,
                  let id = channel.channel
            else { return false }
            return !analysis.withDerivations([id]).isDisjoint(with: family)
        }
    }

    /// The creator spins on an atomic the goroutine stores to last (`for atomic.LoadInt32(&s) != 1
    /// {}` after `x = 2; atomic.StoreInt32(&s, 1)`): the first such load is a wait for what the
    /// goroutine wrote before its store. Returns its order in `flow`.
    func spinsOnPublishedAtomic(_ flow: [FlowEvent], after order: Int, bodyFlow: [FlowEvent]) -> Int? {
        var stored = Set<BindingID>()
        for event in bodyFlow {
            if case .access(let access) = event.step, access.isAtomic, access.kind.isWrite { stored.insert(access.binding) }
        }
        guard !stored.isEmpty else { return nil }
        return flow.first { event in
            guard event.order > order, !event.context.loops.isEmpty, case .access(let access) = event.step,
                  access.isAtomic, stored.contains(access.binding)
            else { return false }
            // A load or a compare-and-swap in a loop is the spin.
            return true
        }?.order
    }

    /// Whether the creator's access touches what the goroutine writes. A field store through a
    /// pointer does not race with handing the pointer on, or with another field.
    static func overlaps(_ access: Access, writtenPath: String, binding: Binding) -> Bool {
        guard writtenPath.contains(".") else { return true }
        if access.path == binding.name {
            return access.kind.isWrite || binding.type.category != .reference
        }
        guard access.path.contains(".") else { return true }
        return access.path == writtenPath || access.path.hasPrefix(writtenPath + ".") || access.path.hasPrefix(writtenPath + "[")
            || writtenPath.hasPrefix(access.path + ".") || writtenPath.hasPrefix(access.path + "[")
    }
}
