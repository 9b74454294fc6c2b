import ConcModel

/// `missing-wait`: spawned work that nothing waits for before the program, test or owner ends.
struct MissingWait: Rule {
    static let id = "missing-wait"

    func check(_ analysis: UnitAnalysis, context: RuleContext, into findings: inout [Finding]) {
        let unit = analysis.unit
        for event in analysis.spawns {
            guard case .spawn(let spawn) = event.step else { continue }
            if case .stored(let name) = spawn.handle, let body = spawn.body {
                checkStoredHandle(
                    spawn, name: name, body: body, creator: analysis.flowOwner[event.function.index], analysis: analysis,
                    context: context, into: &findings)
                continue
            }
            let creator = unit[analysis.flowOwner[event.function.index]]
            // Work started in a package's `init` runs alongside the whole program: `init`
            // returning ends nothing, so only a main or a test is an end to wait before.
            guard creator.entry == .main || creator.entry == .test, needsWaiting(spawn),
                  !spawn.servesForever, !(spawn.body.map(analysis.isDaemon) ?? false)
            else { continue }
            let flow = analysis.flows[creator.id.index]
            if analysis.firstWait(in: flow, after: event.order) != nil { continue }
            // `defer wg.Wait()` waits when the function returns, wherever it was written.
            if flow.contains(where: { other in
                if case .wait(let wait) = other.step { return other.context.inDefer && wait.kind != .cancel && wait.kind != .suspension }
                return false
            }) { continue }
            // An async entry that suspends afterwards is waiting on something the work may drive.
            if flow.contains(where: { other in
                if case .wait(let wait) = other.step { return wait.kind == .suspension && other.order > event.order }
                return false
            }) { continue }
            // The creator goes on working with what the spawned work uses (the other end of a pipe,
            // a connection, a context): they are coordinated through it.
            if isCoordinated(spawn, spawnOrder: event.order, creator: creator, analysis: analysis) {
                continue
            }
            // Cancelling the handle ends the work's life on purpose; so does stopping a timer.
            if spawn.isStopped { continue }
            if case .bound(let handle) = spawn.handle, flow.contains(where: { other in
                if case .wait(let wait) = other.step { return wait.kind == .cancel && wait.target == handle }
                if case .call(let call) = other.step { return spawn.startsOnTimer && call.name == "Stop" && call.receiver == handle }
                return false
            }) { continue }
            if flow.contains(where: { isForeverWait($0) }) { continue }
            // The creator then calls a function of the file that never returns (`runChecks()`
            // looping forever): the work runs alongside it for the life of the program.
            if flow.contains(where: { $0.order > event.order && callsNeverReturning($0, analysis: analysis) }) { continue }
            // A test that inspects the running goroutines afterwards (or when it returns), or that
            // armed a leak check before starting it, watches this one: a leak detector's test
            // leaks it on purpose. (A check armed later counts it as already running.)
            if creator.entry == .test, flow.contains(where: { other in
                guard case .call(let call) = other.step else { return false }
                return call.armsLeakCheck && other.order < event.order
                    || call.inspectsRunningWork && (other.order > event.order || other.context.inDefer)
            }) { continue }
            // Work that registers its own release with `t.Cleanup` lives as long as the test.
            if creator.entry == .test, let body = spawn.body, registersCleanup(body, analysis: analysis) { continue }
            // A sleep after the spawn is the (wrong) wait: sleep-as-sync reports it.
            if flow.contains(where: { other in
                if case .sleep = other.step { return other.order > event.order }
                return false
            }) { continue }
            let ending: String
            switch creator.entry {
            case .test: ending = "the test returns"
            default: ending = "the program exits"
            }
            let what = spawn.startsOnTimer ? "`\(spawn.api)` callback is never stopped or waited for" : "\(spawn.kind.noun) is never waited for"
            findings.append(context.finding(
                "\(what); \(ending) without it finishing",
                at: spawn.range).adding(joinFix(spawn, event: event, creator: creator, analysis: analysis, context: context)))
        }
    }

    /// Whether the body and the creator's flow after the spawn touch a common binding, or two
    /// bindings declared together (`r, w := io.Pipe()`, `ctx, cancel := …`), or objects derived
    /// from them (`NewChunkedReader(pr)`), including callbacks the creator hands on afterwards.
    /// The creator's own parameters (a test's `t`) do not count: using them from outliving work
    /// is the hazard.
    private func isCoordinated(_ spawn: Spawn, spawnOrder: Int, creator: Function, analysis: UnitAnalysis) -> Bool {
        let parameters = Set(creator.parameters)
        var inBody = analysis.outsideTouches(of: spawn).subtracting(parameters)
        guard !inBody.isEmpty else { return false }
        let creatorFlow = analysis.flows[creator.id.index]
        // What the body uses was handed to another object's method (`ch.NotifyReturn(notify)`):
        // that object holds it now, and the creator using the object later (`ch.shutdown()`,
        // which closes it) is using what the body waits on.
        for event in creatorFlow {
            guard case .call(let call) = event.step, let receiver = call.receiver,
                  call.argumentPlaces.contains(where: { $0.map { inBody.contains($0.root) } ?? false })
            else { continue }
            inBody.insert(receiver)
        }
        // Sibling work the creator started that shares a channel with this work joins it to what
        // the sibling uses (`go scan(paths)` feeds `go supervisor(paths, results)`, which closes
        // `results` that the creator drains): the creator waits for this work through it.
        let siblings = analysis.spawns.filter { other in
            analysis.flowOwner[other.function.index] == creator.id && other.order != spawnOrder
        }.compactMap { event -> Set<BindingID>? in
            guard case .spawn(let sibling) = event.step else { return nil }
            return analysis.outsideTouches(of: sibling).subtracting(parameters)
        }
        var grew = true
        while grew {
            grew = false
            // Linked through a channel they share: a pipeline stage, not merely the same object.
            for touched in siblings where !touched.isSubset(of: inBody)
                && touched.intersection(inBody).contains(where: { analysis.unit[$0].type.category == .channel }) {
                inBody.formUnion(touched)
                grew = true
            }
        }
        inBody.subtract(parameters)
        let spawnLoops = creatorFlow.first { $0.order == spawnOrder }?.context.loops ?? []
        // Deferred work runs at return; in a loop, what comes before the spawn comes after it too.
        let after = creatorFlow.filter { event in
            event.order > spawnOrder || event.context.inDefer
                || (!spawnLoops.isEmpty && event.context.loops.starts(with: spawnLoops))
        }
        let afterSpawn = analysis.touchedBindings(after + analysis.escapingClosureFlows(after)).subtracting(parameters)
        return analysis.areCoordinated(inBody, afterSpawn, excluding: parameters)
    }

    /// Whether the body, or a function of the file it calls (a few calls deep, by name), calls
    /// `Cleanup` (`t.Cleanup(func() { release <- struct{}{} })`).
    private func registersCleanup(_ body: FunctionID, analysis: UnitAnalysis) -> Bool {
        var declared: [String: [FunctionID]] = [:]
        for function in analysis.unit.functions where function.kind == .declared { declared[function.name, default: []].append(function.id) }
        var visited: Set<FunctionID> = [body]
        var frontier = [body]
        for _ in 0..<6 where !frontier.isEmpty {
            var next: [FunctionID] = []
            for function in frontier {
                for event in analysis.flows[function.index] {
                    guard case .call(let call) = event.step else { continue }
                    if call.name == "Cleanup" && call.receiver != nil { return true }
                    for callee in declared[call.name, default: []] where visited.insert(callee).inserted { next.append(callee) }
                }
            }
            frontier = next
        }
        return false
    }

    /// Whether the property a task is stored in (`listener`, `self.listener`) is one of the
    /// storing type's own, declared in this file `private` or `fileprivate`: every cancel or
    /// await of it, in the type's `stop()`, `close()` or `shutdown()` or anywhere else, is then
    /// in this file.
    private func isFileScoped(_ stored: String, storedBy creator: FunctionID, analysis: UnitAnalysis) -> Bool {
        let unit = analysis.unit
        var owner: String?
        var current: FunctionID? = creator
        while let id = current, owner == nil {
            owner = unit[id].ownerType
            current = unit[id].parent
        }
        guard let owner else { return false }
        let name = stored.hasPrefix("self.") ? String(stored.dropFirst(5)) : stored
        return unit.types.contains { type in
            type.name == owner && type.fields.contains { $0.name == name && $0.isFileScoped }
        }
    }

    private func needsWaiting(_ spawn: Spawn) -> Bool {
        switch spawn.kind {
        case .goroutine, .thread, .task, .detachedTask, .dispatchAsync, .operation, .userDeclared: true
        case .concurrentPerform, .groupChild: false
        }
    }

    /// Whether `event` calls a declared function of the file (by a name no other function has)
    /// whose body loops forever and has no `return` and no `break` out of a loop.
    private func callsNeverReturning(_ event: FlowEvent, analysis: UnitAnalysis) -> Bool {
        guard case .call(let call) = event.step, call.receiver == nil, call.functionValue == nil,
              event.context.branchDepth == 0, event.context.loops.isEmpty
        else { return false }
        let named = analysis.unit.functions.filter { $0.kind == .declared && $0.name == call.name }
        guard named.count == 1, let callee = named.first else { return false }
        let flow = analysis.flow(of: callee.id)
        let loopsForever = flow.contains { other in
            guard case .loop(let loop) = other.step else { return false }
            return loop.domain == .forever && other.context.loops.isEmpty && other.context.branchDepth == 0
        }
        guard loopsForever else { return false }
        return !flow.contains { other in
            guard other.function == callee.id, case .exit(let exit) = other.step else { return false }
            switch exit.kind {
            case .return, .throw: return true
            case .loopExit: return !exit.continuesLoop && !exit.endsSwitchArm && !other.context.inSelect
            default: return false
            }
        }
    }

    private func isForeverWait(_ event: FlowEvent) -> Bool {
        if case .wait(let wait) = event.step { return wait.kind == .forever }
        return false
    }

    /// A long-running task kept in a property that nothing ever cancels or awaits: it outlives
    /// its owner (and, capturing it, keeps it alive).
    private func checkStoredHandle(
        _ spawn: Spawn, name: String, body: FunctionID, creator: FunctionID, analysis: UnitAnalysis, context: RuleContext,
        into findings: inout [Finding]
    ) {
        guard spawn.kind == .task || spawn.kind == .detachedTask else { return }
        let isLongRunning = analysis.flows[body.index].contains { event in
            guard case .loop(let loop) = event.step else { return false }
            switch loop.domain {
            case .asyncSequence, .forever, .condition, .channel, .input: return true
            default: return false
            }
        }
        guard isLongRunning else { return }
        // Another file of the package may end it (an extension's `stop()`, `close()` or
        // `shutdown()`): only a property no other file can reach is judged from this one.
        guard isFileScoped(name, storedBy: creator, analysis: analysis) else { return }
        let isEnded = analysis.flows.contains { flow in
            flow.contains { event in
                guard case .wait(let wait) = event.step, wait.kind == .cancel || wait.kind == .awaitTask else { return false }
                let path = wait.targetPath.replacingSuffix("?").replacingSuffix("!")
                if path == name || path.hasSuffix("." + name) { return true }
                // Taken out of the property first (`let running = self.task; self.task = nil`),
                // then cancelled or awaited.
                guard let target = wait.target else { return false }
                return analysis.unit[target].derivedFrom.contains { analysis.unit[$0].name == name }
            }
        }
        guard !isEnded else { return }
        findings.append(context.finding(
            "long-running task stored in `\(name)` is never cancelled or awaited; it outlives its owner",
            at: spawn.range))
    }
}

extension String {
    func replacingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}
