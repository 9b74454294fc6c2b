import ConcModel

/// `waitgroup-add-in-spawn`: `WaitGroup.Add` / `DispatchGroup.enter` called inside the spawned
/// work it counts, so a `Wait` that runs first sees a zero count and returns before the work.
///
/// Reported where the count is the first thing the spawned closure does (what `go vet`'s
/// `waitgroup` analyzer checks) or where the same closure also calls `Done` / `leave` on the group
/// (it counts itself). Spawned work that is a declared function of the file (`go s.worker(&wg)`,
/// `go worker(wg)`) is read the same way, the function's parameter or receiver field standing for
/// the group the spawn passes.
struct WaitgroupAddInSpawn: Rule {
    static let id = "waitgroup-add-in-spawn"

    func check(_ analysis: UnitAnalysis, context: RuleContext, into findings: inout [Finding]) {
        let unit = analysis.unit
        for event in analysis.spawns {
            if case .spawn(let spawn) = event.step, let body = spawn.body, unit[body].kind == .declared,
               spawn.kind != .concurrentPerform {
                checkSpawnedFunction(spawn, callee: unit[body], analysis: analysis, context: context, into: &findings)
                continue
            }
            guard case .spawn(let spawn) = event.step, let body = spawn.body, unit[body].kind == .closure,
                  spawn.kind != .concurrentPerform
            else { continue }
            let flow = analysis.flows[body.index]
            let dones = Set(flow.compactMap { step -> String? in
                guard case .sync(let sync) = step.step, sync.kind == .groupDone else { return nil }
                return LockWithoutUnlock.normalized(sync.targetPath)
            })
            for (position, step) in flow.enumerated() {
                guard case .sync(let sync) = step.step, case .groupAdd = sync.kind, step.function == body,
                      step.context.loops.isEmpty, step.context.branchDepth == 0, !step.context.inDefer
                else { continue }
                // A group made inside the closure counts the closure's own work.
                if let target = sync.target, let owner = unit[target].function,
                   unit.function(owner, isInside: body), !unit[body].parameters.contains(target) {
                    continue
                }
                let isFirst = flow[..<position].allSatisfy { earlier in
                    switch earlier.step {
                    case .declare: return true
                    case .access(let access): return sync.range.contains(access.range.start)
                    default: return false
                    }
                }
                let path = LockWithoutUnlock.normalized(sync.targetPath)
                guard isFirst || dones.contains(path) && !countsNestedWork(after: step, body: body, path: path, analysis: analysis)
                else { continue }
                if waitsAreOrderedAfter(step, body: body, path: path, analysis: analysis) { continue }
                if isSerialisedWithWaits(step, path: path, analysis: analysis) { continue }
                let counting = "`\(sync.targetPath).\(unit.facts.spelling.groupAdd)`"
                findings.append(context.finding(
                    "\(counting) runs inside the \(spawn.kind.noun) it counts; a `Wait` that runs first returns before the work is counted",
                    at: sync.range,
                    related: [RelatedLocation(range: spawn.range, message: "\(spawn.kind.noun) started here")]
                ).adding(moveCountFix(sync, before: spawn, body: body, unit: unit)))
            }
        }
    }

    /// `go s.worker(&wg)`: the declared function's first operation counts it into a group the
    /// spawn passes (a parameter's argument, a field of the receiver, a package variable), or it
    /// counts into it and calls `Done` on it itself. Reported at the spawn, where the count belongs.
    private func checkSpawnedFunction(
        _ spawn: Spawn, callee: Function, analysis: UnitAnalysis, context: RuleContext, into findings: inout [Finding]
    ) {
        let unit = analysis.unit
        let body = callee.id
        let flow = analysis.flows[body.index]
        let dones = Set(flow.compactMap { step -> String? in
            guard case .sync(let sync) = step.step, sync.kind == .groupDone else { return nil }
            return LockWithoutUnlock.normalized(sync.targetPath)
        })
        for (position, step) in flow.enumerated() {
            guard case .sync(let sync) = step.step, case .groupAdd = sync.kind, step.function == body,
                  step.context.loops.isEmpty, step.context.branchDepth == 0, !step.context.inDefer,
                  let place = sync.targetPlace ?? sync.target.map({ Place(root: $0) })
            else { continue }
            // A group passed by value is a copy: counting it is another bug (`go vet`'s copylocks).
            let root = unit[place.root]
            if root.kind == .parameter, place.components.isEmpty, root.type.isCopy { continue }
            guard let group = analysis.declaredCallees.callerText(
                of: place, callee: callee, receiver: spawn.receiverPlace, onSelf: false,
                arguments: analysis.argumentPlaces(of: spawn), caller: nil)
            else { continue }
            let isFirst = flow[..<position].allSatisfy { earlier in
                switch earlier.step {
                case .declare: return true
                case .access(let access): return sync.range.contains(access.range.start)
                default: return false
                }
            }
            let path = LockWithoutUnlock.normalized(sync.targetPath)
            guard isFirst || dones.contains(path) && !countsNestedWork(after: step, body: body, path: path, analysis: analysis)
            else { continue }
            // A function that signals after counting may be one a coordinator waits for before
            // its `Wait`; the signal's channel is the function's own name for it, so stay silent.
            if signals(after: step, body: body, path: path, analysis: analysis) { return }
            if isSerialisedWithWaits(step, path: path, analysis: analysis) { return }
            findings.append(context.finding(
                "`\(group).\(unit.facts.spelling.groupAdd)` runs inside `\(callee.name)`, the \(spawn.kind.noun) it counts; a `Wait` that runs first returns before the work is counted",
                at: spawn.range,
                related: [RelatedLocation(range: sync.range, message: "counted here, inside the \(spawn.kind.noun)")]))
            return
        }
    }

    /// Whether the count is taken under a lock that every `Wait` on the group in the file is also
    /// made under (`mu.Lock(); wg.Add(1); mu.Unlock()` against `mu.Lock(); wg.Wait(); mu.Unlock()`,
    /// martian's proxy): the author serialises counting with waiting on purpose, typically to
    /// check a closing flag right after the count, so a count that loses the race sees the close.
    private func isSerialisedWithWaits(_ add: FlowEvent, path: String, analysis: UnitAnalysis) -> Bool {
        func rootless(_ text: String) -> String {
            guard let dot = text.firstIndex(of: ".") else { return text }
            return String(text[text.index(after: dot)...])
        }
        let locks = Set(add.context.heldLocks.map(rootless))
        guard !locks.isEmpty else { return false }
        var waits = 0
        for flow in analysis.flows {
            for event in flow {
                guard case .wait(let wait) = event.step, wait.kind == .group,
                      rootless(LockWithoutUnlock.normalized(wait.targetPath)) == rootless(path)
                else { continue }
                waits += 1
                if locks.isDisjoint(with: event.context.heldLocks.map(rootless)) { return false }
            }
        }
        return waits > 0
    }

    /// Whether the body sends, closes or signals something other than the group after `add`.
    private func signals(after add: FlowEvent, body: FunctionID, path: String, analysis: UnitAnalysis) -> Bool {
        analysis.flows[body.index].contains { event in
            guard event.order > add.order else { return false }
            switch event.step {
            case .channel(let channel): return channel.kind == .send || channel.kind == .close
            case .sync(let sync) where sync.kind == .groupDone || sync.kind == .signal:
                return LockWithoutUnlock.normalized(sync.targetPath) != path
            default: return false
            }
        }
    }

    /// Whether every `Wait` on the group waits first for a signal the body sends only after its
    /// count (a coordinator that receives "started" before it waits on the group): the count is
    /// then always taken before the `Wait` runs.
    private func waitsAreOrderedAfter(_ add: FlowEvent, body: FunctionID, path: String, analysis: UnitAnalysis) -> Bool {
        var signalled = Set<BindingID>()
        for event in analysis.flows[body.index] where event.order > add.order {
            switch event.step {
            case .channel(let channel) where channel.kind == .send || channel.kind == .close:
                if let id = channel.channel { signalled.insert(id) }
            case .sync(let sync) where sync.kind == .groupDone || sync.kind == .signal:
                if let id = sync.target, LockWithoutUnlock.normalized(sync.targetPath) != path { signalled.insert(id) }
            default:
                break
            }
        }
        guard !signalled.isEmpty else { return false }
        var waits = 0
        for flow in analysis.flows {
            for event in flow {
                guard case .wait(let wait) = event.step, wait.kind == .group, LockWithoutUnlock.normalized(wait.targetPath) == path
                else { continue }
                waits += 1
                let ordered = flow.contains { earlier in
                    guard earlier.order < event.order else { return false }
                    switch earlier.step {
                    case .channel(let channel): return channel.kind == .receive && channel.channel.map(signalled.contains) == true
                    case .wait(let other): return other.target.map(signalled.contains) == true
                    case .loop(let loop): if case .channel(let id?) = loop.domain { return signalled.contains(id) } else { return false }
                    default: return false
                    }
                }
                if !ordered { return false }
            }
        }
        return waits > 0
    }

    /// Whether work the body spawns after the count calls `Done` on the group: the count is then
    /// for that nested work, taken before it starts, which is right.
    private func countsNestedWork(after add: FlowEvent, body: FunctionID, path: String, analysis: UnitAnalysis) -> Bool {
        analysis.flows[body.index].contains { event in
            guard event.order > add.order, case .spawn(let nested) = event.step, let nestedBody = nested.body else { return false }
            return analysis.flows[nestedBody.index].contains { inner in
                guard case .sync(let sync) = inner.step, sync.kind == .groupDone else { return false }
                return LockWithoutUnlock.normalized(sync.targetPath) == path
            }
        }
    }
}
