import ConcModel

/// `unbounded-channel`: a channel or stream whose buffer grows without limit while a producer
/// can outrun its consumer; in Go, a goroutine started only to send, so parked goroutines become
/// the unbounded buffer.
struct UnboundedChannel: Rule {
    static let id = "unbounded-channel"
    func check(_ analysis: UnitAnalysis, context: RuleContext, into findings: inout [Finding]) {
        // Test code feeds its streams a known, small number of values and reads them in step.
        guard !analysis.unit.isTestCode else { return }
        var streams: StreamNames?
        for flow in analysis.flows {
            for event in flow {
                guard case .channel(let channel) = event.step, case .make(.unbounded) = channel.kind,
                      !Self.isTestSupport(event.function, unit: analysis.unit)
                else { continue }
                if channel.api.hasPrefix("Channel.") {
                    report(channel, analysis: analysis, context: context, into: &findings)
                    continue
                }
                // Worked out once per file, and only for a file with an unbounded stream.
                if streams == nil { streams = StreamNames(analysis) }
                if let streams, producerMayOutrun(channel, makeEvent: event, streams: streams, analysis: analysis) {
                    report(channel, analysis: analysis, context: context, into: &findings)
                }
            }
        }
        checkSendOnlySpawns(analysis, context: context, into: &findings)
    }

    /// Code written for tests outside a test file: a function named for them
    /// (`makeTestingStream`, `resetForTesting`) or a method of a mock, fake or stub type. It is
    /// fed by hand, a few values at a time.
    static func isTestSupport(_ function: FunctionID, unit: Unit) -> Bool {
        var current: FunctionID? = function
        while let id = current {
            let declared = unit[id]
            if declared.name.contains("Testing") || declared.name.contains("ForTest") { return true }
            if let owner = declared.ownerType, ["Mock", "Fake", "Stub"].contains(where: owner.hasPrefix) { return true }
            current = declared.parent
        }
        return false
    }

    private func report(_ channel: ChannelStep, analysis: UnitAnalysis, context: RuleContext, into findings: inout [Finding]) {
        let name = channel.channel.map { "`\(analysis.unit[$0].name)`" } ?? "stream"
        findings.append(context.finding(
            "\(channel.api) \(name) buffers without limit; a producer faster than its consumer grows memory without bound",
            at: channel.range).adding(boundedFix(channel, analysis: analysis, context: context)))
    }

    /// The names each stream's continuation goes by, and the closures that run at most once.
    private struct StreamNames {
        /// Continuation (the build closure's parameter) → all its names (see `aliases(of:)`).
        var aliases: [BindingID: Set<BindingID>] = [:]
        /// Closures handed to a `with…` function (`onGracefulShutdown: { … }`), which runs them
        /// once at most.
        var runOnce: Set<FunctionID> = []

        init(_ analysis: UnitAnalysis) {
            for event in analysis.flows.joined() {
                if case .channel(let step) = event.step, case .make = step.kind, let continuation = step.continuation,
                   aliases[continuation] == nil {
                    aliases[continuation] = Self.aliases(of: continuation, analysis: analysis)
                }
            }
            for function in analysis.unit.functions {
                UnitAnalysis.forEachStep(function.body) { step in
                    if case .closure(let use) = step, use.runsAtMostOnce { runOnce.insert(use.function) }
                }
            }
        }

        /// The names a stream's continuation goes by: the build closure's parameter, what that
        /// closure stores it in (`cont = $0`, `self.continuation = $0`), and locals initialised
        /// from those (`let continuation = cont!`).
        static func aliases(of continuation: BindingID, analysis: UnitAnalysis) -> Set<BindingID> {
            let unit = analysis.unit
            var result: Set<BindingID> = [continuation]
            if let build = unit[continuation].function {
                // The build closure runs in place, so its steps are read from its body, not a flow.
                UnitAnalysis.forEachStep(unit[build].body) { step in
                    if case .access(let access) = step, case .write(.assign) = access.kind { result.insert(access.binding) }
                }
            }
            var grew = true
            while grew {
                grew = false
                for binding in unit.bindings where !result.contains(binding.id) && binding.derivedFrom.contains(where: result.contains) {
                    result.insert(binding.id)
                    grew = true
                }
            }
            return result
        }
    }

    /// Whether some producer can yield without bound: from a loop that is not small and constant,
    /// from a callback (a closure stored for later), or from a method other than the one that made
    /// the stream (an event handler). Where the continuation is handed on, every yield in the file
    /// that is not to another stream's continuation counts; where no yield is seen, nothing is said.
    private func producerMayOutrun(_ make: ChannelStep, makeEvent: FlowEvent, streams: StreamNames, analysis: UnitAnalysis) -> Bool {
        if make.carriesNoData || make.carriesJobs { return false }
        guard let continuation = make.continuation else { return false }
        let unit = analysis.unit
        let ours = streams.aliases[continuation] ?? [continuation]
        var others = Set<BindingID>()
        for (other, names) in streams.aliases where other != continuation { others.formUnion(names) }
        others.subtract(ours)
        let escapes = escapesAliases(ours, analysis: analysis)
        let maker = analysis.flowOwner[makeEvent.function.index]
        for event in analysis.flows.joined() {
            guard case .channel(let step) = event.step, step.kind == .send, step.api == "yield" else { continue }
            // Handed on, the continuation may be yielded to under any name but another stream's.
            let isOurs = step.channel.map(ours.contains) ?? false
                || escapes && (step.channel.map { !others.contains($0) } ?? true)
            guard isOurs else { continue }
            if event.context.loops.contains(where: { !isFinite($0.domain) }) { return true }
            let owner = analysis.flowOwner[event.function.index]
            // A callback that yields its one value and finishes feeds a one-value stream.
            if event.context.loops.isEmpty, finishesAfter(event, in: analysis.flows[owner.index], names: ours) { continue }
            let ownerFunction = unit[owner]
            // Yields in the flow that made the stream run once; elsewhere they run per callback
            // (a stored closure) or per event (another method).
            guard owner != maker else { continue }
            // The handler of a signal source runs per OS signal: rare, and Dispatch merges
            // signals that arrive while one is pending, so it cannot outrun a consumer.
            if ownerFunction.kind == .closure, handlesSignals(owner, analysis: analysis) { continue }
            if ownerFunction.kind == .closure && analysis.spawnOfBody[owner] == nil && !streams.runOnce.contains(owner) { return true }
            if ownerFunction.kind == .declared && ownerFunction.name != "deinit" { return true }
        }
        return false
    }

    /// Whether `closure` is handed to `setEventHandler` in a file that makes a signal source
    /// (`DispatchSource.makeSignalSource`).
    private func handlesSignals(_ closure: FunctionID, analysis: UnitAnalysis) -> Bool {
        let calls = analysis.flows.joined().compactMap { event -> Call? in
            if case .call(let call) = event.step { return call }
            return nil
        }
        guard calls.contains(where: { $0.name == "makeSignalSource" }) else { return false }
        let range = analysis.unit[closure].range
        return calls.contains { call in
            call.name == "setEventHandler" && call.range.contains(range.start)
        }
    }

    /// Whether one of the continuation's names is read other than to yield or finish, to be
    /// stored under another of its names (`self.continuation = $0`) or to make one
    /// (`let continuation = cont!`): then it is handed on, and may be yielded to out of sight.
    private func escapesAliases(_ aliases: Set<BindingID>, analysis: UnitAnalysis) -> Bool {
        let unit = analysis.unit
        // Where each name is read to make another (`let continuation = cont!`).
        var derivationLines: [BindingID: Set<Int>] = [:]
        for alias in aliases {
            for source in unit[alias].derivedFrom where source != alias && aliases.contains(source) {
                derivationLines[source, default: []].insert(unit[alias].range.start.line)
            }
        }
        for flow in analysis.flows {
            let operations = flow.compactMap { event -> SourceRange? in
                guard case .channel(let step) = event.step, let channel = step.channel, aliases.contains(channel) else { return nil }
                return step.range
            }
            for (index, event) in flow.enumerated() {
                guard case .access(let access) = event.step, access.kind == .read, aliases.contains(access.binding) else { continue }
                if derivationLines[access.binding]?.contains(access.range.start.line) == true { continue }
                if operations.contains(where: { $0.contains(access.range.start) }) { continue }
                if index + 1 < flow.count, case .access(let next) = flow[index + 1].step, case .write(.assign) = next.kind,
                   aliases.contains(next.binding) {
                    continue
                }
                return true
            }
        }
        return false
    }

    /// A loop that yields once per element of a collection (or per count) feeds the stream a
    /// known number of values, already held in memory: it cannot outrun the consumer without
    /// bound. Loops over input, other streams or conditions can.
    private func isFinite(_ domain: Loop.Domain) -> Bool {
        switch domain {
        case .constantCount, .collection, .count: return true
        default: return false
        }
    }

    /// Whether the flow finishes the stream right after `yield`, outside any loop.
    private func finishesAfter(_ yield: FlowEvent, in flow: [FlowEvent], names: Set<BindingID>) -> Bool {
        flow.contains { event in
            guard event.order > yield.order, event.context.loops.isEmpty, case .channel(let step) = event.step,
                  step.kind == .close
            else { return false }
            return step.channel.map(names.contains) ?? false
        }
    }

    /// Go: `go func() { ch <- v }()` repeated per item or per call: each blocked sender is a
    /// parked goroutine holding a value.
    private func checkSendOnlySpawns(_ analysis: UnitAnalysis, context: RuleContext, into findings: inout [Finding]) {
        guard analysis.unit.facts.spawnIsCheap else { return }
        for event in analysis.spawns {
            guard case .spawn(let spawn) = event.step, spawn.kind == .goroutine, let body = spawn.body else { continue }
            // Once in main is a hand-off; per item or per call it is a buffer.
            let creator = analysis.unit[analysis.flowOwner[event.function.index]]
            guard analysis.isRepeated(event) || creator.entry == .none else { continue }
            let bodyFlow = analysis.flows[body.index]
            let sends = bodyFlow.filter { step in
                if case .channel(let channel) = step.step { return channel.kind == .send && !step.context.inSelect }
                return false
            }
            guard sends.count == 1, case .channel(let send) = sends[0].step else { continue }
            // Only a send: nothing else happens in the goroutine but evaluating the value.
            let doesOtherWork = bodyFlow.contains { step in
                switch step.step {
                case .channel(let channel): return channel.kind != .send
                case .access(let access): return access.kind.isWrite
                case .declare, .exit, .deferred: return false
                case .call(let call): return !isCheap(call.name)
                default: return true
                }
            }
            guard !doesOtherWork, !hasBuffer(send.channel, analysis: analysis) else { continue }
            // The creator receives it itself: a hand-off, not a pile of parked senders.
            let creatorFlow = analysis.flow(of: event.function)
            func receives(_ other: FlowEvent) -> Bool {
                if case .channel(let step) = other.step { return step.kind == .receive && step.channel == send.channel }
                if case .select(let select) = other.step { return select.cases.contains { $0.channel == send.channel } }
                return false
            }
            let receivedByCreator = send.channel != nil && creatorFlow.contains { $0.order > event.order && receives($0) }
            if receivedByCreator { continue }
            // A callback spawns it, and the function that made the channel for this one call
            // waits for the value: a reply to that call, not a queue that outlives it.
            if let channel = send.channel, let maker = analysis.unit[channel].function, maker != event.function,
               analysis.unit[channel].kind == .local, analysis.flow(of: maker).contains(where: receives) {
                continue
            }
            if requeuesForItsConsumer(event, send: send, analysis: analysis) { continue }
            // A once-only flag set before the spawn: at most one parked sender per object.
            if analysis.isBehindOnceGuard(event) { continue }
            findings.append(context.finding(
                "goroutine started only to send on `\(send.channelPath)`; while the receiver lags, each one parks holding its value, an unbounded buffer of goroutines",
                at: spawn.range,
                related: [RelatedLocation(range: send.range, message: "send here")]))
        }
    }

    /// Whether the channel is made in this file with a buffer (senders up to its size do not park).
    private func hasBuffer(_ channel: BindingID?, analysis: UnitAnalysis) -> Bool {
        guard let channel else { return false }
        return analysis.flows.joined().contains { event in
            guard case .channel(let step) = event.step, step.channel == channel, case .make(let buffer) = step.kind else { return false }
            switch buffer {
            case .bounded, .boundedDynamic, .unbounded: return true
            case .unbuffered, .unknown: return false
            }
        }
    }

    private func isCheap(_ name: String) -> Bool {
        ["len", "cap", "make", "new", "append", "copy", "min", "max"].contains(name)
    }
}
