import ConcModel

/// `thread-per-item`: one thread, goroutine, dispatch work item or unstructured task per element
/// of a collection or sequence, with nothing limiting how many run at once.
struct ThreadPerItem: Rule {
    static let id = "thread-per-item"
    /// Swift counted loops up to this many iterations are small enough not to flag.
    static let smallConstantBound = 64

    /// Which fan-outs a run reports.
    enum Mode {
        /// Threads, global-queue items and operations per element; tasks per element of a
        /// collection from input; goroutines or tasks per value received, per input read, per
        /// element of an async sequence; any spawn per element that only parks on a send.
        case costly
        /// Where spawning is cheap (``ConcModel/LanguageFacts/spawnIsCheap``: goroutines), one per
        /// element of a collection that comes from input: the ordinary idiom in Go, so the
        /// opt-in `goroutine-per-element` rule reports it.
        case cheapPerElement
    }

    func check(_ analysis: UnitAnalysis, context: RuleContext, into findings: inout [Finding]) {
        scan(analysis, mode: .costly, context: context, into: &findings)
    }

    func scan(_ analysis: UnitAnalysis, mode: Mode, context: RuleContext, into findings: inout [Finding]) {
        let unit = analysis.unit
        // Test code fans out over the cases it wrote itself, a fixed and small number.
        guard !unit.isTestCode else { return }
        // One finding per loop: the fan-out is the defect, however many spawn sites it has.
        var reportedLoops = Set<SourceRange>()
        for event in analysis.spawns {
            guard case .spawn(let spawn) = event.step, spawnsUnit(spawn, facts: unit.facts),
                  let loop = event.context.loops.last, !loop.receivesSignals,
                  isUnbounded(loop.domain, facts: unit.facts), !reportedLoops.contains(loop.range)
            else { continue }
            // A goroutine or task costs little until it runs: one per element is a hazard only
            // when the elements come from input, and then only the opt-in mode reports it. A
            // thread or a global-queue item costs a thread. Work that only parks on a send piles
            // up across calls, however few the elements.
            let cheapPerElement = loop.domain == .collection && !spawn.kind.holdsThread
                && !(spawn.body.map { mayParkOnSend(analysis.flows[$0.index], analysis: analysis) } ?? false)
            switch mode {
            case .costly:
                if cheapPerElement, unit.facts.spawnIsCheap || !elementsFromInput(loop, unit: unit) { continue }
            case .cheapPerElement:
                if !cheapPerElement || !unit.facts.spawnIsCheap || !elementsFromInput(loop, unit: unit) { continue }
            }
            let flow = analysis.flow(of: event.function)
            if isLimited(spawn: event, loop: loop, flow: flow, analysis: analysis) { continue }
            // A once-only flag set before the spawn: one spawn per object, not per item.
            if analysis.isBehindOnceGuard(event) { continue }
            if let body = spawn.body, acquiresFirst(analysis.flows[body.index], loop: loop, creatorFlow: flow, analysis: analysis) {
                continue
            }
            if leavesAfter(event, loop: loop, flow: flow) || isPairedWithIteration(spawn, event: event, loop: loop, flow: flow, analysis: analysis) {
                continue
            }
            if let body = spawn.body, isPoolWorker(body, spawn: spawn, loop: loop, analysis: analysis) { continue }
            if let body = spawn.body, replacesSender(analysis.flows[body.index], loop: loop) { continue }
            // Items that wait for each other cannot be bounded: a limit below their number
            // would deadlock them.
            if let body = spawn.body, waitsOnSiblings(analysis.flows[body.index], body: body, analysis: analysis) { continue }
            let what: String
            switch loop.domain {
            case .channel: what = "value received"
            case .input: what = "input read"
            case .count: what = "iteration of a loop with a run-time bound"
            case .asyncSequence: what = "element of an async sequence"
            default: what = "element"
            }
            let noun = unit.facts.groupChildrenAreThreads && spawn.kind == .groupChild ? unit.facts.spelling.spawnedWork : spawn.kind.noun
            reportedLoops.insert(loop.range)
            findings.append(context.finding(
                "one \(noun) is started per \(what), with nothing limiting how many run at once",
                at: spawn.range,
                related: [RelatedLocation(range: loop.range, message: "loop here")]
            ).adding(boundedPoolFix(spawn, loop: loop, analysis: analysis, context: context)))
        }
    }

    /// A collection loop's elements come from input; a parameter's only when some caller can pass
    /// input in it (``ConcModel/Unit/inputParameters``).
    private func elementsFromInput(_ loop: LoopFrame, unit: Unit) -> Bool {
        guard loop.elementsFromInput else { return false }
        guard let source = loop.source, unit[source].kind == .parameter else { return true }
        return unit.inputParameters.contains(source)
    }

    /// Spawns that each cost a thread, goroutine or queue slot of their own. A Go group's `Go`
    /// (`sync.WaitGroup.Go`, `errgroup.Group.Go`) starts a goroutine each time, as `go` does; a
    /// Swift task group's child is structured and is not counted.
    private func spawnsUnit(_ spawn: Spawn, facts: LanguageFacts) -> Bool {
        // A pending timer holds no thread; a capped executor queues what it cannot run yet.
        if spawn.startsOnTimer || spawn.executorIsLimited { return false }
        switch spawn.kind {
        case .goroutine, .thread, .task, .detachedTask, .userDeclared: return true
        case .operation: return spawn.executor == .concurrent
        case .dispatchAsync: return spawn.executor == .concurrent
        case .groupChild: return facts.groupChildrenAreThreads
        case .concurrentPerform: return false
        }
    }

    private func isUnbounded(_ domain: Loop.Domain, facts: LanguageFacts) -> Bool {
        switch domain {
        case .collection, .channel, .asyncSequence, .input: return true
        case .count: return false
        case .constantCount(let count): return !facts.spawnIsCheap && count > Self.smallConstantBound
        case .forever, .condition: return false
        }
    }

    /// The spawned work takes a token (a semaphore channel send, `Acquire`) or waits for its own
    /// start signal (a channel made for this element, released one at a time) before anything
    /// else blocks: the work is bounded even if the goroutines are not.
    private func acquiresFirst(_ body: [FlowEvent], loop: LoopFrame, creatorFlow: [FlowEvent], analysis: UnitAnalysis) -> Bool {
        // Deferred steps run last, whatever their place in the source.
        for event in body where !event.context.inDefer {
            switch event.step {
            case .channel(let channel) where channel.kind == .receive:
                guard let id = channel.channel else { return false }
                let offset = analysis.unit[id].range.start.offset
                let perElement = loop.variables.contains(id) || loop.range.start.offset <= offset && offset < loop.range.end.offset
                // Released later, not handed its value in the same round.
                let releasedInLoop = creatorFlow.contains { other in
                    guard other.context.loops.contains(loop), case .channel(let step) = other.step else { return false }
                    return step.channel == id && (step.kind == .send || step.kind == .close)
                }
                return perElement && !releasedInLoop
            case .channel(let channel): return channel.kind == .send && isSemaphore(channel.channel, analysis: analysis)
            case .wait(let wait): return wait.kind == .semaphore
            case .sleep, .select, .spawn: return false
            default: continue
            }
        }
        return false
    }

    /// A buffered channel used as a counting semaphore: it carries no data (`chan struct{}`) or is
    /// named for the job (`sem`, `limit`, `tokens`, `throttle`).
    private func isSemaphore(_ channel: BindingID?, analysis: UnitAnalysis) -> Bool {
        guard let channel else { return false }
        let name = analysis.unit[channel].name.lowercased()
        let named = ["sem", "limit", "token", "throttle", "slots", "gate"].contains { name.contains($0) }
        // A local channel is made in the function that declares it: look there, not in every
        // flow of the file (that would be quadratic in the file's spawns).
        let flows = analysis.unit[channel].function.map { [analysis.flow(of: $0)] } ?? analysis.flows
        return flows.joined().contains { event in
            guard case .channel(let step) = event.step, step.channel == channel, case .make(let buffer) = step.kind else { return false }
            switch buffer {
            case .bounded, .boundedDynamic: return step.carriesNoData || named
            default: return false
            }
        }
    }

    /// The loop returns right after the spawn, from inside the loop: it starts one goroutine at
    /// most. (A return after the loop ends is no limit.)
    private func leavesAfter(_ event: FlowEvent, loop: LoopFrame, flow: [FlowEvent]) -> Bool {
        // Reads of the returned values come before the return itself.
        guard let next = flow.first(where: { other in
            guard other.order > event.order else { return false }
            if case .access(let access) = other.step { return access.kind.isWrite }
            return true
        }), case .exit(let exit) = next.step, next.context.loops.contains(loop) else { return false }
        // A `break` out of the loop (not out of a `select` or `switch` arm) starts one at most too.
        if exit.kind == .loopExit {
            return !exit.continuesLoop && !exit.endsSwitchArm && !next.context.inSelect && next.context.loops.last == loop
        }
        return exit.kind == .return || exit.kind == .panic || exit.kind == .processExit
    }

    /// The iteration goes on using the other end of something made for this goroutine alone (a
    /// pipe or connection pair declared in the loop body): each goroutine is paired with its
    /// round, not piled up.
    private func isPairedWithIteration(
        _ spawn: Spawn, event: FlowEvent, loop: LoopFrame, flow: [FlowEvent], analysis: UnitAnalysis
    ) -> Bool {
        let inBody = analysis.outsideTouches(of: spawn)
        guard !inBody.isEmpty else { return false }
        let rest = flow.filter { $0.order > event.order && $0.context.loops.contains(loop) }
        let creator = analysis.unit[analysis.flowOwner[event.function.index]]
        return analysis.areCoordinated(
            inBody, analysis.touchedBindings(rest), within: loop.range, excluding: Set(creator.parameters), pairsOnly: true)
    }

    /// A worker of a pool: the body loops taking work (forever, or over a channel) and uses
    /// nothing of the element it was started for, so the loop only sizes the pool.
    private func isPoolWorker(_ body: FunctionID, spawn: Spawn, loop: LoopFrame, analysis: UnitAnalysis) -> Bool {
        let flow = analysis.flows[body.index]
        let loopsForWork = flow.contains { event in
            guard case .loop(let inner) = event.step, event.context.loops.isEmpty else { return false }
            if case .channel = inner.domain { return true }
            return inner.domain == .forever
        }
        guard loopsForWork else { return false }
        // `for id := range n`: only a worker id, and the work comes from elsewhere than the
        // ranged collection.
        if spawnLoopHasOnlyKey(loop, analysis: analysis), !analysis.outsideTouches(of: spawn).contains(where: { $0 == loop.source }) {
            return true
        }
        let variables = Set(loop.variables)
        var usesElement = false
        UnitAnalysis.forEachStep(spawn.arguments) { step in
            if case .access(let access) = step, variables.contains(access.binding) { usesElement = true }
        }
        return !usesElement && !flow.contains { event in
            if case .access(let access) = event.step { return variables.contains(access.binding) }
            return false
        }
    }

    /// A loop over a channel's values whose goroutine sends on that same channel: each one is
    /// started after one ended with its value (a supervisor restarting the worker that exited),
    /// so their number never grows past what the loop started with.
    private func replacesSender(_ flow: [FlowEvent], loop: LoopFrame) -> Bool {
        guard case .channel(let id?) = loop.domain else { return false }
        return flow.contains { event in
            guard case .channel(let step) = event.step else { return false }
            return step.kind == .send && step.channel == id
        }
    }

    /// Whether the body does nothing but send one value, outside a `select`, on a channel that
    /// is not a stream's continuation: each instance parks holding its value for as long as the
    /// receiver lags, so they pile up across calls however few the elements.
    private func mayParkOnSend(_ flow: [FlowEvent], analysis: UnitAnalysis) -> Bool {
        var sends = 0
        for event in flow {
            switch event.step {
            case .channel(let step) where step.kind == .send && !event.context.inSelect:
                if let id = step.channel, analysis.unit[id].type.category == .continuation { return false }
                sends += 1
            case .declare, .exit, .deferred: continue
            case .access(let access) where !access.kind.isWrite: continue
            default: return false
            }
        }
        return sends == 1
    }

    /// Whether the body both signals and waits on one thing shared by every instance (a group
    /// each `Done`s and then `Wait`s on, a channel each sends on and receives from): the
    /// instances rendezvous, so each waits for the others to have started.
    private func waitsOnSiblings(_ flow: [FlowEvent], body: FunctionID, analysis: UnitAnalysis) -> Bool {
        var signalled = Set<BindingID>()
        var awaited = Set<BindingID>()
        for event in flow {
            switch event.step {
            case .sync(let sync):
                if let id = sync.target, sync.kind == .groupDone || sync.kind == .signal { signalled.insert(id) }
            case .channel(let channel):
                guard let id = channel.channel else { break }
                if channel.kind == .send || channel.kind == .close { signalled.insert(id) }
                if channel.kind == .receive { awaited.insert(id) }
            case .wait(let wait):
                if let id = wait.target, wait.kind == .group || wait.kind == .signal || wait.kind == .receive { awaited.insert(id) }
            default:
                break
            }
        }
        return signalled.intersection(awaited).contains { analysis.isDeclaredOutside(analysis.unit[$0], body) }
    }

    private func spawnLoopHasOnlyKey(_ loop: LoopFrame, analysis: UnitAnalysis) -> Bool {
        guard loop.domain == .collection || loop.domain == .count else { return false }
        return loop.variables.count <= 1 && loop.variables.allSatisfy { analysis.unit[$0].kind == .loopVariable }
    }

    /// A limiter in the loop: a semaphore acquired (or a token sent into a semaphore channel)
    /// before the spawn, a group waited on inside the loop, or a limit set on the group.
    private func isLimited(spawn event: FlowEvent, loop: LoopFrame, flow: [FlowEvent], analysis: UnitAnalysis) -> Bool {
        for other in flow {
            let inLoop = other.context.loops.contains(loop)
            switch other.step {
            case .wait(let wait) where inLoop:
                if wait.kind == .semaphore || wait.kind == .group || wait.kind == .receive || wait.kind == .join
                    || wait.kind == .awaitTask { return true }
            case .channel(let channel) where inLoop && channel.kind == .send && other.order < event.order:
                return true
            case .select where inLoop:
                return true
            case .channel(let channel) where inLoop && channel.kind == .receive && other.order > event.order:
                // The loop waits for a signal each round before it starts the next goroutine.
                return true
            case .call(let call):
                // `sem.Acquire(ctx, 1)`, or the type's own `u.acquire(ctx)` wrapping one.
                if call.name == "SetLimit" || call.name.lowercased() == "acquire" && inLoop && other.order < event.order { return true }
            default:
                break
            }
        }
        return false
    }
}
