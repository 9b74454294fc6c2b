import ConcModel

/// `sleep-as-sync`: a sleep standing where a wait for spawned work (or for the creator's
/// progress) belongs.
struct SleepAsSync: Rule {
    static let id = "sleep-as-sync"

    func check(_ analysis: UnitAnalysis, context: RuleContext, into findings: inout [Finding]) {
        var reported = Set<Int>()
        for (index, flow) in analysis.flows.enumerated() where !flow.isEmpty {
            _ = index
            for event in flow {
                guard case .sleep(let sleep) = event.step, !reported.contains(sleep.range.start.offset) else { continue }
                if let spawned = spawnAwaitedBySleep(event, flow: flow, analysis: analysis) {
                    reported.insert(sleep.range.start.offset)
                    findings.append(context.finding(
                        "sleep stands in for synchronizing with the \(spawned.kind.noun) started above; nothing guarantees it has got as far as this code assumes",
                        at: sleep.range,
                        related: [RelatedLocation(range: spawned.range, message: "\(spawned.kind.noun) started here")]))
                } else if let awaited = creatorProgressAwaitedBySleep(event, flow: flow, analysis: analysis) {
                    reported.insert(sleep.range.start.offset)
                    findings.append(context.finding(
                        "sleep stands in for waiting until \(awaited); nothing guarantees the creator got there first",
                        at: sleep.range))
                }
            }
        }
    }

    /// A sleep after a spawn in the same flow, with no wait between, not pacing a loop.
    private func spawnAwaitedBySleep(_ sleepEvent: FlowEvent, flow: [FlowEvent], analysis: UnitAnalysis) -> Spawn? {
        for event in flow.reversed() where event.order < sleepEvent.order {
            guard case .spawn(let spawn) = event.step, spawn.kind != .concurrentPerform, spawn.kind != .groupChild,
                  let body = spawn.body, !analysis.isDaemon(body)
            else { continue }
            let sleepLoops = sleepEvent.context.loops
            let spawnLoops = event.context.loops
            guard Array(spawnLoops.prefix(sleepLoops.count)) == sleepLoops,
                  sleepLoops.count < spawnLoops.count || spawnLoops.isEmpty
            else { continue }
            let waitedBetween = flow.contains { other in
                guard other.order > event.order, other.order < sleepEvent.order else { return false }
                if case .wait(let wait) = other.step { return wait.kind != .cancel && wait.kind != .suspension }
                if case .channel(let channel) = other.step { return channel.kind == .receive }
                if case .select = other.step { return true }
                return false
            }
            if waitedBetween { return nil }
            if standsIn(for: spawn, body: body, spawnEvent: event, sleep: sleepEvent, flow: flow, analysis: analysis) { return spawn }
        }
        return nil
    }

    /// Whether the code after the sleep relies on the spawned work having progressed. A sleep
    /// that only gives the work a chance to get somewhere (the test passes either way) is
    /// followed by a real join on the work before anything the work wrote is read. Without a
    /// join, the sleep stands in when what follows reads what the work changes, or when the
    /// function ends after it. Work that is a declared function of the file (`go worker(&n)`) is
    /// read through its parameters and receiver: what it writes through them is the creator's.
    private func standsIn(
        for spawn: Spawn, body: FunctionID, spawnEvent: FlowEvent, sleep: FlowEvent, flow: [FlowEvent], analysis: UnitAnalysis
    ) -> Bool {
        var signals = Set<BindingID>()
        var effects = Set<BindingID>()
        var counted = Set<BindingID>()
        var used = Set<BindingID>()
        // What the work reaches through a pointer the spawn passed (`go s.run()`, `go fill(buf)`):
        // the creator reads it only through that pointer (`s.count`), not by passing it on.
        var pointedTo = Set<BindingID>()
        UnitAnalysis.forEachStep(spawn.arguments) { step in
            if case .access(let access) = step { signals.insert(access.binding) }
        }
        // In a declared function, a parameter or the receiver stands for what the spawn passed;
        // its own locals are nothing of the creator's. Storage is the creator's only when the
        // access goes through it (`*n`, `s.count`), not when it assigns the parameter itself.
        let isDeclared = analysis.unit[body].kind == .declared
        func creator(_ id: BindingID?, place: Place? = nil, through: Bool = false) -> BindingID? {
            guard let id else { return nil }
            guard isDeclared, analysis.unit[id].function == body else { return id }
            if through, place.map({ $0.components.isEmpty }) ?? true { return nil }
            guard let mapped = analysis.creatorBinding(of: id, in: body, spawn: spawn) else { return nil }
            let byAddress = spawn.addressArguments.contains { $0.binding == mapped }
            if through, !byAddress { pointedTo.insert(mapped) }
            return mapped
        }
        for event in analysis.flows[body.index] {
            switch event.step {
            case .channel(let channel):
                if let id = creator(channel.channel) { signals.insert(id) }
            case .sync(let sync):
                // A group the work counts itself into (`wg.Add` inside it) is not waited on by `Wait`.
                guard let id = creator(sync.target) else { break }
                if case .groupAdd = sync.kind { counted.insert(id) } else { signals.insert(id) }
            case .select(let select): for selectCase in select.cases { if let id = creator(selectCase.channel) { signals.insert(id) } }
            case .access(let access) where access.kind.isWrite:
                if let id = creator(access.binding, place: access.place, through: true) { effects.insert(id) }
            case .access(let access) where !access.isAtomic:
                if let id = creator(access.binding, place: access.place, through: true) { used.insert(id) }
            default: break
            }
        }
        signals.subtract(counted)
        let after = flow.filter { $0.order > sleep.order }
        let deferred = flow.filter { $0.context.inDefer && $0.order < sleep.order }
        let join = (after + deferred + analysis.escapingClosureFlows(after)).first { isJoin($0, on: signals) }
        let readsEffects = { (events: [FlowEvent]) in
            events.contains { event in
                // Waits on a group the work has yet to count itself into.
                if case .wait(let wait) = event.step, let target = wait.target { return counted.contains(target) }
                // Reads what the work writes, or changes what it reads.
                guard case .access(let access) = event.step else { return false }
                if pointedTo.contains(access.binding), access.place.map({ $0.components.isEmpty }) ?? true { return false }
                return effects.contains(access.binding) || access.kind.isWrite && !access.isAtomic && used.contains(access.binding)
            }
        }
        if let join {
            let beforeJoin = join.order > sleep.order && join.function == sleep.function ? after.filter { $0.order < join.order } : after
            return readsEffects(beforeJoin)
        }
        if readsEffects(after) { return true }
        // A declared function ends after the sleep, doing nothing more with its own state: the
        // sleep waits for the work to finish, or to get ready for whoever called. (A callback
        // handed to a framework returns to the framework, not to code that relies on it.)
        let creator = analysis.unit[analysis.flowOwner[sleep.function.index]]
        guard creator.kind != .closure else { return false }
        let parameters = Set(creator.parameters)
        return !after.contains { event in
            switch event.step {
            case .spawn, .wait, .sleep, .select, .loop: return true
            case .channel(let channel): return channel.kind == .receive
            case .access(let access): return !parameters.contains(access.binding)
            default: return false
            }
        }
    }

    /// A blocking step on something the spawned work signals, waits on or is counted in.
    private func isJoin(_ event: FlowEvent, on signals: Set<BindingID>) -> Bool {
        switch event.step {
        case .wait(let wait):
            guard wait.kind != .cancel, wait.kind != .suspension, let target = wait.target else { return false }
            return signals.contains(target)
        case .channel(let channel):
            guard channel.kind == .receive || channel.kind == .send, let id = channel.channel else { return false }
            return signals.contains(id)
        case .select(let select):
            return select.cases.contains { selectCase in selectCase.channel.map(signals.contains) ?? false }
        case .loop(let loop):
            if case .channel(let id?) = loop.domain { return signals.contains(id) }
            return false
        default:
            return false
        }
    }

    /// In a spawned body: a sleep first, then a read of state the creator goes on to work on
    /// after the spawn (the sleep hopes the creator gets there first). Returns what the sleep
    /// waits for, as the message words it: the variable the creator sets, or the call it makes.
    private func creatorProgressAwaitedBySleep(_ sleepEvent: FlowEvent, flow: [FlowEvent], analysis: UnitAnalysis) -> String? {
        guard sleepEvent.context.loops.isEmpty,
              let spawnEvent = analysis.spawnOfBody[analysis.flowOwner[sleepEvent.function.index]],
              case .spawn(let spawn) = spawnEvent.step, let body = spawn.body, !analysis.isDaemon(body)
        else { return nil }
        let unit = analysis.unit
        // The sleep is the first thing that blocks in the body.
        let blocksBefore = flow.contains { event in
            guard event.order < sleepEvent.order else { return false }
            switch event.step {
            case .wait, .sleep, .select: return true
            case .channel(let channel): return channel.kind == .receive
            default: return false
            }
        }
        guard !blocksBefore else { return nil }
        let creatorFlow = analysis.flow(of: spawnEvent.function)
        let limit = analysis.firstWait(in: creatorFlow, after: spawnEvent.order)?.order ?? Int.max
        // The creator's parameters (a test's `t`, a context) were set up before it started.
        let creatorParameters = Set(unit[analysis.flowOwner[spawnEvent.function.index]].parameters)
        for event in flow where event.order > sleepEvent.order {
            guard case .access(let access) = event.step, access.kind == .read else { continue }
            // `t.Errorf(…)`: the receiver of a call is used, not read as state.
            let isCallReceiver = flow.contains { other in
                if case .call(let call) = other.step { return call.receiver == access.binding && other.range == event.range }
                return false
            }
            if isCallReceiver && access.path == unit[access.binding].name { continue }
            let binding = unit[access.binding]
            guard analysis.isDeclaredOutside(binding, body), isPlainState(binding), !creatorParameters.contains(binding.id)
            else { continue }
            // What the creator does to it after the spawn: sets it (then it is what is awaited),
            // or calls a method on it (then that call is: the variable itself was set before).
            let touches = creatorFlow.filter { other in
                guard other.order > spawnEvent.order, other.order <= limit else { return false }
                switch other.step {
                case .access(let creatorAccess): return creatorAccess.binding == binding.id && creatorAccess.kind.isWrite
                case .call(let call): return call.receiver == binding.id
                default: return false
                }
            }
            if touches.contains(where: { if case .access = $0.step { return true } else { return false } }) {
                return "`\(binding.name)` is set"
            }
            if let first = touches.first, case .call(let call) = first.step { return "the creator has called `\(call.callee)`" }
        }
        return nil
    }

    private func isPlainState(_ binding: Binding) -> Bool {
        switch binding.type.category {
        case .lock, .readWriteLock, .atomic, .group, .semaphore, .channel, .continuation, .serialQueue,
             .concurrentQueue, .taskHandle:
            return false
        default:
            return true
        }
    }
}
