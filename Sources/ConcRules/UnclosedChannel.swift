import ConcModel

/// `unclosed-channel`: a function waits on a channel (`<-ready`) that only the goroutine it
/// started will close or send on, and that goroutine has a path on which it returns without
/// doing so (the close sits in a branch, or in a loop that may end first). On that path the
/// receive waits forever, and so does everything waiting on the receiver.
///
/// Only channels fully in sight are judged: made in the function, received once with a plain
/// receive (a `select` with another case, or a `range`, is another rule's business), and used
/// otherwise only by the one goroutine handed it — a closure capturing it, or a function of the
/// file with a single channel parameter. A goroutine that hands the channel on, or anyone else
/// touching it, may signal it: not reported.
struct UnclosedChannel: Rule {
    static let id = "unclosed-channel"

    func check(_ analysis: UnitAnalysis, context: RuleContext, into findings: inout [Finding]) {
        let unit = analysis.unit
        for flow in analysis.flows {
            for make in flow {
                guard case .channel(let step) = make.step, case .make = step.kind, let channel = step.channel,
                      unit[channel].function == make.function
                else { continue }
                guard let wait = soleWait(on: channel, madeBy: make, analysis: analysis) else { continue }
                let name = unit[channel].name
                let who = wait.signaller.name.map { "`\($0)`" } ?? "the goroutine"
                findings.append(context.finding(
                    "`<-\(name)` may wait forever: \(who) returns without closing or sending on `\(name)` on some paths (\(wait.reason)), and nothing else signals it",
                    at: wait.receive.range,
                    related: [
                        RelatedLocation(range: wait.spawn.range, message: "the only goroutine that can signal `\(name)` starts here"),
                        RelatedLocation(range: wait.leaving, message: "returns here without signalling `\(name)`"),
                    ]))
            }
        }
    }

    private struct Wait {
        var receive: FlowEvent
        var spawn: FlowEvent
        var signaller: (name: String?, body: FunctionID)
        var leaving: SourceRange
        var reason: String
    }

    /// The plain receive on `channel` whose only possible signaller may return without
    /// signalling, with the path that does so.
    private func soleWait(on channel: BindingID, madeBy make: FlowEvent, analysis: UnitAnalysis) -> Wait? {
        let unit = analysis.unit
        let owner = analysis.flowOwner[make.function.index]
        var receives: [FlowEvent] = []
        var spawns: [(event: FlowEvent, body: FunctionID, target: BindingID)] = []
        for event in analysis.flow(of: owner) {
            guard case .spawn(let spawn) = event.step, let body = spawn.body else { continue }
            if unit[body].kind == .declared {
                // `go cc.watch(ready)`: the channel is handed to the function's one channel parameter.
                let handed = spawn.arguments.contains { step in
                    if case .access(let access) = step { return access.binding == channel && access.path == unit[channel].name }
                    return false
                }
                let channelParameters = unit[body].parameters.filter { unit[$0].type.category == .channel }
                if handed, channelParameters.count == 1 { spawns.append((event, body, channelParameters[0])) }
                else if handed { return nil }
            } else if analysis.flow(of: body).contains(where: { Self.mentions($0, channel) }) {
                spawns.append((event, body, channel))
            }
        }
        // One goroutine: a spawn repeated in a loop starts many, any of which may signal.
        guard spawns.count == 1, let signaller = spawns.first,
              signaller.event.context.loops.count == make.context.loops.count
        else { return nil }
        let signallerFunctions = Set(unit.functions.filter { unit.function($0.id, isInside: signaller.body) }.map(\.id))
        // Every use of the channel: its make, the one receive, and what the signaller does.
        let operations = analysis.flows.joined().compactMap { event -> SourceRange? in
            if case .channel(let step) = event.step, step.channel == channel { return step.range }
            return nil
        }
        for event in analysis.flows.joined() where !signallerFunctions.contains(event.function) {
            switch event.step {
            case .channel(let step) where step.channel == channel:
                switch step.kind {
                case .make: continue
                case .receive:
                    guard !event.context.inSelect, event.context.loops.isEmpty, !event.context.inDefer else { return nil }
                    receives.append(event)
                case .send, .close: return nil
                }
            case .select(let select) where select.cases.contains(where: { $0.channel == channel }):
                return nil
            case .loop(let loop) where loop.domain == .channel(channel):
                return nil
            case .access(let access) where access.binding == channel:
                if event.range == make.range { continue }
                if access.kind == .read, operations.contains(where: { $0.contains(access.range.start) }) { continue }
                if access.kind == .read, signaller.event.range.contains(access.range.start) { continue }
                return nil
            case .call(let call) where call.argumentPlaces.contains(where: { $0?.root == channel }) || call.receiver == channel:
                return nil
            default:
                continue
            }
        }
        guard receives.count == 1, let receive = receives.first, receive.order > signaller.event.order,
              analysis.flowOwner[receive.function.index] == owner || unit.function(receive.function, isInside: owner)
        else { return nil }
        // The signaller must keep the channel to itself: not hand it on, store or return it.
        let target = signaller.target
        let bodyFlow = analysis.flow(of: signaller.body)
        guard bodyFlow.contains(where: { event in
            if case .channel(let step) = event.step { return step.channel == target && (step.kind == .send || step.kind == .close) }
            return false
        }) else { return nil }
        for event in bodyFlow {
            switch event.step {
            case .call(let call) where call.argumentPlaces.contains(where: { $0?.root == target }) || call.receiver == target:
                return nil
            case .select(let select) where select.cases.contains(where: { $0.channel == target }):
                return nil
            case .spawn(let spawn) where spawn.arguments.contains(where: { step in
                if case .access(let access) = step { return access.binding == target }
                return false
            }):
                return nil
            default:
                continue
            }
        }
        // Nor copy it (`c := ready`), nor let other work it starts or stores use it.
        if unit.bindings.contains(where: { $0.derivedFrom.contains(target) }) { return nil }
        for function in signallerFunctions where function != signaller.body && analysis.flowOwner[function.index] != signaller.body {
            if analysis.flow(of: function).contains(where: { Self.mentions($0, target) }) { return nil }
        }
        // Paths that leave before an earlier signal the receiver already waited for never reach
        // this receive: walk only what follows the last such signal.
        let body = unit[signaller.body].body
        let start = Self.stepsAfterAwaitedSignals(body, before: receive, target: target, analysis: analysis)
        var walk = SignalWalk(target: target, unit: unit)
        // `defer`s registered before that point still run on every path after it.
        let deferredBefore = body[..<start].filter { if case .deferred = $0 { return true } else { return false } }
        let outcome = walk.walk(deferredBefore + body[start...])
        guard outcome != .signals, let leaving = walk.leaving ?? (outcome == .fallsThrough ? Self.endOf(unit[signaller.body].range) : nil)
        else { return nil }
        let name = unit[signaller.body].kind == .declared ? unit[signaller.body].name : nil
        return Wait(receive: receive, spawn: signaller.event, signaller: (name, signaller.body), leaving: leaving, reason: walk.reason)
    }

    /// The index in the signaller's top-level `body` just past the last signal (a close or
    /// send, not nested in a branch or loop) of another channel that the receiver waited for
    /// with a plain receive before `receive`; 0 when there is none.
    private static func stepsAfterAwaitedSignals(_ body: [Step], before receive: FlowEvent, target: BindingID, analysis: UnitAnalysis) -> Int {
        let awaited = Set(analysis.flow(of: receive.function).compactMap { event -> BindingID? in
            guard event.order < receive.order, event.function == receive.function, !event.context.inSelect,
                  event.context.loops.isEmpty, event.context.branchDepth <= receive.context.branchDepth,
                  case .channel(let step) = event.step, step.kind == .receive, let channel = step.channel, channel != target
            else { return nil }
            return channel
        })
        guard !awaited.isEmpty else { return 0 }
        var start = 0
        for (index, step) in body.enumerated() {
            if case .channel(let channel) = step, channel.kind == .send || channel.kind == .close,
               let id = channel.channel, awaited.contains(id) {
                start = index + 1
            }
        }
        return start
    }

    /// The closing brace of a body: where control falls out of it.
    private static func endOf(_ range: SourceRange) -> SourceRange {
        var start = range.end
        start.offset = max(range.start.offset, range.end.offset - 1)
        start.column = max(1, range.end.column - 1)
        return SourceRange(start: start, end: range.end)
    }

    private static func mentions(_ event: FlowEvent, _ channel: BindingID) -> Bool {
        switch event.step {
        case .channel(let step): return step.channel == channel
        case .access(let access): return access.binding == channel
        case .select(let select): return select.cases.contains { $0.channel == channel }
        default: return false
        }
    }
}

/// Whether every path through a body signals a channel (sends on it or closes it) before it
/// returns: a structural walk of the steps. A panic or process exit counts as signalling (it
/// ends the program, not just this goroutine); a loop's body may not run at all.
struct SignalWalk {
    enum Outcome: Equatable {
        /// Every path from here signals (or ends the program, or never returns).
        case signals
        /// Some path leaves the function without signalling.
        case leaves
        /// Control reaches the end of the steps without having signalled.
        case fallsThrough
        /// Control leaves the enclosing loop (a `break`/`continue`) without having signalled.
        case jumps
    }

    let target: BindingID
    let unit: Unit
    /// The first `return` found that leaves without signalling.
    var leaving: SourceRange?
    var reason = "it returns before its close or send"

    init(target: BindingID, unit: Unit) {
        self.target = target
        self.unit = unit
    }

    mutating func walk(_ steps: [Step]) -> Outcome {
        for step in steps {
            switch step {
            case .channel(let channel) where channel.channel == target && (channel.kind == .send || channel.kind == .close):
                return .signals
            case .deferred(let deferred):
                // A deferred close runs on every path from here, even under a condition (a
                // `closed` flag guarding an earlier close): trust it.
                if contains(deferred.body, signalOf: target) { return .signals }
            case .closure(let use) where use.invocation == .inPlace:
                let outcome = walk(unit[use.function].body)
                if outcome != .fallsThrough { return outcome }
            case .exit(let exit):
                switch exit.kind {
                case .panic, .processExit: return .signals
                case .loopExit: return exit.endsSwitchArm ? .fallsThrough : .jumps
                default:
                    if leaving == nil { leaving = exit.range }
                    return .leaves
                }
            case .branch(let branch):
                var all = true
                for arm in branch.arms {
                    switch walk(arm) {
                    case .leaves: return .leaves
                    case .jumps: return .jumps
                    case .signals: continue
                    case .fallsThrough: all = false
                    }
                }
                if all && branch.isExhaustive && !branch.arms.isEmpty { return .signals }
                if contains(branch.arms.flatMap { $0 }, signalOf: target) { reason = "its close or send is only on some branches" }
            case .select(let select):
                var all = true
                for selectCase in select.cases {
                    if selectCase.kind == .send, selectCase.channel == target { continue }
                    switch walk(selectCase.body) {
                    case .leaves: return .leaves
                    case .jumps: return .jumps
                    case .signals: continue
                    case .fallsThrough: all = false
                    }
                }
                if all && !select.cases.isEmpty { return .signals }
            case .loop(let loop):
                if loop.domain == .forever && !Self.breaksOut(loop.body) { return .signals }
                switch walk(loop.body) {
                case .leaves: return .leaves
                default: break
                }
                if contains(loop.body, signalOf: target) { reason = "its close or send is inside a loop that can end without reaching it" }
            case .critical(let critical):
                let outcome = walk(critical.body)
                if outcome != .fallsThrough { return outcome }
            default:
                continue
            }
        }
        return .fallsThrough
    }

    /// Whether the steps, or closures they run in place or defer, send on or close the target.
    private func contains(_ steps: [Step], signalOf target: BindingID, depth: Int = 0) -> Bool {
        var found = false
        var closures: [FunctionID] = []
        UnitAnalysis.forEachStep(steps) { step in
            if case .channel(let channel) = step, channel.channel == target, channel.kind == .send || channel.kind == .close { found = true }
            if case .closure(let use) = step, use.invocation == .inPlace { closures.append(use.function) }
        }
        guard !found, depth < 4 else { return found }
        return closures.contains { contains(unit[$0].body, signalOf: target, depth: depth + 1) }
    }

    /// Whether a loop body can leave the loop: a `break` not inside a nested loop, switch or select.
    private static func breaksOut(_ steps: [Step]) -> Bool {
        steps.contains { step in
            switch step {
            case .exit(let exit): return exit.kind == .loopExit && !exit.continuesLoop && !exit.endsSwitchArm || exit.kind == .return
            case .branch(let branch): return branch.arms.contains(where: breaksOut)
            case .critical(let critical): return breaksOut(critical.body)
            default: return false
            }
        }
    }
}
