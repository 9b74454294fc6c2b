import ConcModel

/// `missing-wait`: spawned work that nothing waits for before the program, test or owner ends.
struct MissingWait: Rule {
    static let id = "missing-wait"

    func check(_ analysis: UnitAnalysis, context: RuleContext, into findings: inout [Finding]) {
        let unit = analysis.unit
        for event in analysis.spawns {
            guard case .spawn(let spawn) = event.step else { continue }
            if case .stored(let name) = spawn.handle, let body = spawn.body {
                checkStoredHandle(spawn, name: name, body: body, analysis: analysis, context: context, into: &findings)
                continue
            }
            let creator = unit[analysis.flowOwner[event.function.index]]
            guard creator.entry != .none, needsWaiting(spawn), !(spawn.body.map(analysis.isDaemon) ?? false) else { continue }
            let flow = analysis.flows[creator.id.index]
            if analysis.firstWait(in: flow, after: event.order) != nil { continue }
            // An async entry that suspends afterwards is waiting on something the work may drive.
            if flow.contains(where: { other in
                if case .wait(let wait) = other.step { return wait.kind == .suspension && other.order > event.order }
                return false
            }) { continue }
            // Cancelling the handle ends the work's life on purpose.
            if case .bound(let handle) = spawn.handle, flow.contains(where: { other in
                if case .wait(let wait) = other.step { return wait.kind == .cancel && wait.target == handle }
                return false
            }) { continue }
            if flow.contains(where: { isForeverWait($0) }) { continue }
            // A sleep after the spawn is the (wrong) wait: sleep-as-sync reports it.
            if flow.contains(where: { other in
                if case .sleep = other.step { return other.order > event.order }
                return false
            }) { continue }
            let ending: String
            switch creator.entry {
            case .test: ending = "the test returns"
            case .initializer: ending = "init returns"
            default: ending = "the program exits"
            }
            findings.append(context.finding(
                "\(spawn.kind.noun) is never waited for; \(ending) without it finishing",
                at: spawn.range))
        }
    }

    private func needsWaiting(_ spawn: Spawn) -> Bool {
        switch spawn.kind {
        case .goroutine, .thread, .task, .detachedTask, .dispatchAsync, .operation, .userDeclared: true
        case .concurrentPerform, .groupChild: false
        }
    }

    private func isForeverWait(_ event: FlowEvent) -> Bool {
        if case .wait(let wait) = event.step { return wait.kind == .forever }
        return false
    }

    /// A long-running task kept in a property that nothing ever cancels or awaits: it outlives
    /// its owner (and, capturing it, keeps it alive).
    private func checkStoredHandle(
        _ spawn: Spawn, name: String, body: FunctionID, analysis: UnitAnalysis, context: RuleContext,
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
        let isEnded = analysis.flows.contains { flow in
            flow.contains { event in
                guard case .wait(let wait) = event.step, wait.kind == .cancel || wait.kind == .awaitTask else { return false }
                let path = wait.targetPath.replacingSuffix("?").replacingSuffix("!")
                return path == name || path.hasSuffix("." + name)
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
