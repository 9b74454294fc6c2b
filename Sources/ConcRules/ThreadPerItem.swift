import ConcModel

/// `thread-per-item`: one thread, goroutine, dispatch work item or unstructured task per element
/// of a collection or sequence, with nothing limiting how many run at once.
struct ThreadPerItem: Rule {
    static let id = "thread-per-item"
    /// Swift counted loops up to this many iterations are small enough not to flag.
    static let smallConstantBound = 64

    func check(_ analysis: UnitAnalysis, context: RuleContext, into findings: inout [Finding]) {
        let unit = analysis.unit
        for event in analysis.spawns {
            guard case .spawn(let spawn) = event.step, spawnsUnit(spawn), let loop = event.context.loops.last,
                  isUnbounded(loop.domain, language: unit.language)
            else { continue }
            let flow = analysis.flow(of: event.function)
            if isLimited(spawn: event, loop: loop, flow: flow, analysis: analysis) { continue }
            if let body = spawn.body, acquiresFirst(analysis.flows[body.index], analysis: analysis) { continue }
            let what: String
            switch loop.domain {
            case .channel: what = "value received"
            case .input: what = "input read"
            case .count: what = "iteration of a loop with a run-time bound"
            case .asyncSequence: what = "element of an async sequence"
            default: what = "element"
            }
            findings.append(context.finding(
                "one \(spawn.kind.noun) is started per \(what), with nothing limiting how many run at once",
                at: spawn.range,
                related: [RelatedLocation(range: loop.range, message: "loop here")]))
        }
    }

    /// Spawns that each cost a thread, goroutine or queue slot of their own.
    private func spawnsUnit(_ spawn: Spawn) -> Bool {
        switch spawn.kind {
        case .goroutine, .thread, .task, .detachedTask, .operation, .userDeclared: return true
        case .dispatchAsync: return spawn.executor == .concurrent
        case .concurrentPerform, .groupChild: return false
        }
    }

    private func isUnbounded(_ domain: Loop.Domain, language: Language) -> Bool {
        switch domain {
        case .collection, .channel, .asyncSequence, .input: return true
        case .count: return false
        case .constantCount(let count): return language == .swift && count > Self.smallConstantBound
        case .forever, .condition: return false
        }
    }

    /// The spawned work takes a token (a semaphore channel send, `Acquire`) before anything else
    /// blocks: the work is bounded even if the goroutines are not.
    private func acquiresFirst(_ body: [FlowEvent], analysis: UnitAnalysis) -> Bool {
        for event in body {
            switch event.step {
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
        return analysis.flows.joined().contains { event in
            guard case .channel(let step) = event.step, step.channel == channel, case .make(let buffer) = step.kind else { return false }
            switch buffer {
            case .bounded, .boundedDynamic: return step.carriesNoData || named
            default: return false
            }
        }
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
            case .call(let call):
                if call.name == "SetLimit" || call.name == "Acquire" && inLoop { return true }
            default:
                break
            }
        }
        return false
    }
}
