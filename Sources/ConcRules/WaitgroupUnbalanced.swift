import ConcModel

/// `waitgroup-unbalanced`: a path through spawned work (or a completion callback) that leaves
/// before its `Done` / `leave`, so `Wait` never returns; or a constant `Add(n)` that does not
/// match the number of spawned bodies that call `Done` before the `Wait`.
struct WaitgroupUnbalanced: Rule {
    static let id = "waitgroup-unbalanced"

    func check(_ analysis: UnitAnalysis, context: RuleContext, into findings: inout [Finding]) {
        checkSkippedDone(analysis, context: context, into: &findings)
        checkConstantCount(analysis, context: context, into: &findings)
        checkCopiedGroups(analysis, context: context, into: &findings)
    }

    // MARK: A group passed by value

    /// Go: `func worker(wg sync.WaitGroup)` counts down a copy; the caller's `Wait` never sees
    /// the `Done` (what `go vet`'s copylocks reports at the signature).
    private func checkCopiedGroups(_ analysis: UnitAnalysis, context: RuleContext, into findings: inout [Finding]) {
        let unit = analysis.unit
        // Only a language whose groups can be copied marks a parameter as a copy.
        for function in unit.functions where function.kind == .declared || function.kind == .closure {
            for parameter in function.parameters where unit[parameter].type.isCopy {
                var first: SourceRange?
                var waitsItself = false
                UnitAnalysis.forEachStep(function.body) { step in
                    if case .wait(let wait) = step, wait.target == parameter { waitsItself = true }
                    guard first == nil, case .sync(let sync) = step, sync.target == parameter else { return }
                    switch sync.kind {
                    case .groupDone, .groupAdd: first = sync.range
                    default: break
                    }
                }
                // A function that waits on its own copy counts and waits on the same group.
                guard let first, !waitsItself else { continue }
                let name = unit[parameter].name
                findings.append(context.finding(
                    "\(function.kind == .closure ? "the function literal" : "`\(function.name)`") takes `\(name)` as a `sync.WaitGroup` by value, so this counts a copy: the caller's `Wait` never sees it and never returns; take `*sync.WaitGroup`",
                    at: first,
                    related: [RelatedLocation(range: unit[parameter].range, message: "`\(name)` is a copy of the caller's group")]))
            }
        }
    }

    // MARK: A path that skips Done

    private func checkSkippedDone(_ analysis: UnitAnalysis, context: RuleContext, into findings: inout [Finding]) {
        let unit = analysis.unit
        for function in unit.functions where function.kind == .closure {
            guard analysis.flowOwner[function.id.index] == function.id else { continue }
            // Non-deferred `Done`s on groups from outside the closure, by key.
            var dones: [String: [SourceRange]] = [:]
            for event in analysis.flows[function.id.index] {
                guard case .sync(let sync) = event.step, sync.kind == .groupDone, !event.context.inDefer,
                      isFromOutside(sync.target, function.id, unit: unit)
                else { continue }
                dones[LockWithoutUnlock.normalized(sync.targetPath), default: []].append(sync.range)
            }
            guard !dones.isEmpty else { continue }
            let spawn = analysis.spawnOfBody[function.id].flatMap { event -> Spawn? in
                if case .spawn(let spawn) = event.step { return spawn }
                return nil
            }
            for (key, sites) in dones.sorted(by: { $0.key < $1.key }) {
                var walk = OpenKeyPaths(
                    unit: unit, opens: { _ in nil },
                    closes: { step in
                        guard case .sync(let sync) = step, sync.kind == .groupDone,
                              LockWithoutUnlock.normalized(sync.targetPath) == key else { return nil }
                        return key
                    })
                walk.walk(function.body, initiallyOpen: [key: function.range])
                for record in walk.exits where record.open[key] != nil && !record.deferredClosed.contains(key) {
                    // A goroutine that panics takes the program down; only returns and throws leave quietly.
                    guard record.exit.kind != .panic,
                          sites.contains(where: { $0.start > record.exit.range.start }) else { continue }
                    let work = spawn.map { $0.kind.noun } ?? "callback"
                    let done = "\(key).\(unit.facts.spelling.groupDone)"
                    let wait = "\(key).\(unit.facts.spelling.groupWait)"
                    let exit = record.exit.isFailedTry ? "an error thrown by this `try`"
                        : record.exit.kind == .throw ? "this `throw`" : "this early `return`"
                    let repair = doneRepair(sites: sites, exit: record.exit, in: function, unit: unit, context: context)
                    findings.append(context.finding(
                        "\(exit) leaves the \(work) without calling `\(done)`; `\(wait)` never returns",
                        at: record.exit.range,
                        related: sites.map { RelatedLocation(range: $0, message: "`\(done)` is only reached here") },
                        suggestion: repair.suggestion).adding(repair.fix))
                }
            }
        }
    }

    private func isFromOutside(_ target: BindingID?, _ function: FunctionID, unit: Unit) -> Bool {
        guard let target else { return true }
        guard let owner = unit[target].function else { return true }
        return !unit.function(owner, isInside: function) || unit[function].parameters.contains(target)
    }

    // MARK: A constant Add that does not match the spawns

    private func checkConstantCount(_ analysis: UnitAnalysis, context: RuleContext, into findings: inout [Finding]) {
        for flow in analysis.flows {
            for add in flow {
                guard case .sync(let sync) = add.step, case .groupAdd(let count?) = sync.kind, count > 0,
                      let target = sync.target, !add.context.inDefer
                else { continue }
                guard let counted = countedDones(after: add, target: target, flow: flow, analysis: analysis),
                      counted.dones != count
                else { continue }
                let doneName = analysis.unit.facts.spelling.groupDone
                let noun = counted.dones == 1 ? "spawned body calls" : "spawned bodies call"
                findings.append(context.finding(
                    "`\(sync.targetPath)` is counted up by \(count) but \(counted.dones) \(noun) `\(doneName)` before the wait; the wait \(counted.dones < count ? "never returns" : "returns early or the counter goes negative")",
                    at: sync.range,
                    related: [RelatedLocation(range: counted.wait, message: "waits here")]))
            }
        }
    }

    /// The number of `Done`s the spawns between `add` and the next wait on the group make, and
    /// that wait; `nil` whenever the count is not certain (a conditional or dynamic spawn, a
    /// group handed to a named function, another `Add` or `Done` in between).
    private func countedDones(
        after add: FlowEvent, target: BindingID, flow: [FlowEvent], analysis: UnitAnalysis
    ) -> (dones: Int, wait: SourceRange)? {
        var total = 0
        for event in flow where event.order > add.order {
            switch event.step {
            case .wait(let wait) where wait.target == target && wait.kind == .group:
                // A deferred wait runs at the end, after spawns still to come; nothing seen counts none.
                guard !event.context.inDefer, total > 0 else { return nil }
                return (total, wait.range)
            case .sync(let sync) where sync.target == target:
                return nil
            case .access(let access) where access.binding == target:
                // The group handed on (`go worker(&wg)`, `f(wg)`): someone else may count.
                return nil
            case .call(let call) where call.receiver == target:
                return nil
            case .spawn(let spawn):
                guard let multiplier = multiplicity(of: event, relativeTo: add) else { return nil }
                if spawn.group == target { return nil }
                guard let body = spawn.body else { continue }
                guard let dones = doneCount(in: body, target: target, analysis: analysis) else { return nil }
                total += dones * multiplier
            case .exit, .closure:
                return nil
            default:
                continue
            }
        }
        return nil
    }

    /// How many times a spawn after the `Add` runs per `Add`: the product of the constant loops
    /// it sits in beyond the `Add`'s own; `nil` if it is conditional or in a dynamic loop.
    private func multiplicity(of spawn: FlowEvent, relativeTo add: FlowEvent) -> Int? {
        guard spawn.context.branchDepth == add.context.branchDepth, !spawn.context.inSelect,
              spawn.context.loops.count >= add.context.loops.count,
              Array(spawn.context.loops.prefix(add.context.loops.count)) == add.context.loops
        else { return nil }
        var product = 1
        for frame in spawn.context.loops.dropFirst(add.context.loops.count) {
            guard case .constantCount(let count) = frame.domain else { return nil }
            product *= count
        }
        return product
    }

    /// How many times a spawned body calls `Done` on `target`: 0 or 1 when certain, else `nil`.
    private func doneCount(in body: FunctionID, target: BindingID, analysis: UnitAnalysis) -> Int? {
        let unit = analysis.unit
        // Closures inside the body (nested work, callbacks) that use the group make the count uncertain.
        for function in unit.functions where function.id != body && unit.function(function.id, isInside: body) {
            guard analysis.flowOwner[function.id.index] == function.id else { continue }
            if analysis.flows[function.id.index].contains(where: { event in
                if case .sync(let sync) = event.step { return sync.target == target }
                if case .access(let access) = event.step { return access.binding == target }
                return false
            }) {
                return nil
            }
        }
        var count = 0
        for event in analysis.flows[body.index] {
            switch event.step {
            case .sync(let sync) where sync.target == target:
                guard sync.kind == .groupDone, event.context.loops.isEmpty, event.context.branchDepth == 0,
                      !event.context.inSelect
                else { return nil }
                count += 1
            case .access(let access) where access.binding == target:
                // The group handed on (`countpwg(&x, &ready)`): the callee may call Done.
                return nil
            default:
                continue
            }
        }
        return count <= 1 ? count : nil
    }
}
