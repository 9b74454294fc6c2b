import ConcModel

/// `unbounded-channel`: a channel or stream whose buffer grows without limit while a producer
/// can outrun its consumer; in Go, a goroutine started only to send, so parked goroutines become
/// the unbounded buffer.
struct UnboundedChannel: Rule {
    static let id = "unbounded-channel"
    /// A producer loop with at most this many iterations cannot pile up much.
    static let smallConstantBound = 1_000

    func check(_ analysis: UnitAnalysis, context: RuleContext, into findings: inout [Finding]) {
        for flow in analysis.flows {
            for event in flow {
                guard case .channel(let channel) = event.step, case .make(.unbounded) = channel.kind else { continue }
                if channel.api.hasPrefix("Channel.") || producerMayOutrun(channel, analysis: analysis) {
                    let name = channel.channel.map { "`\(analysis.unit[$0].name)`" } ?? "stream"
                    findings.append(context.finding(
                        "\(channel.api) \(name) buffers without limit; a producer faster than its consumer grows memory without bound",
                        at: channel.range))
                }
            }
        }
        checkSendOnlySpawns(analysis, context: context, into: &findings)
    }

    /// Whether the continuation is yielded to from a callback, a long loop, or handed on where we
    /// cannot see how often it is used.
    private func producerMayOutrun(_ make: ChannelStep, analysis: UnitAnalysis) -> Bool {
        guard let continuation = make.continuation else { return true }
        let unit = analysis.unit
        for flow in analysis.flows {
            for event in flow {
                switch event.step {
                case .channel(let step) where step.channel == continuation && step.kind == .send:
                    if event.context.loops.contains(where: { !isSmall($0.domain) }) { return true }
                    // A yield from a closure stored for later runs once per callback.
                    if unit[event.function].kind == .closure && analysis.spawnOfBody[event.function] == nil
                        && analysis.flowOwner[event.function.index] == event.function {
                        return true
                    }
                case .access(let access) where access.binding == continuation && access.kind == .read:
                    return true
                default:
                    break
                }
            }
        }
        return false
    }

    private func isSmall(_ domain: Loop.Domain) -> Bool {
        if case .constantCount(let count) = domain { return count <= Self.smallConstantBound }
        return false
    }

    /// Go: `go func() { ch <- v }()` repeated per item or per call: each blocked sender is a
    /// parked goroutine holding a value.
    private func checkSendOnlySpawns(_ analysis: UnitAnalysis, context: RuleContext, into findings: inout [Finding]) {
        guard analysis.unit.language == .go else { return }
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
                case .channel, .access, .declare, .exit, .deferred: return false
                case .call(let call): return !isCheap(call.name)
                default: return true
                }
            }
            guard !doesOtherWork else { continue }
            findings.append(context.finding(
                "goroutine started only to send on `\(send.channelPath)`; while the receiver lags, each one parks holding its value, an unbounded buffer of goroutines",
                at: spawn.range,
                related: [RelatedLocation(range: send.range, message: "send here")]))
        }
    }

    private func isCheap(_ name: String) -> Bool {
        ["len", "cap", "make", "new", "append", "copy", "min", "max"].contains(name)
    }
}
