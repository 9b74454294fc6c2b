import ConcModel

/// `blocking-send-leak`: goroutines send on a channel whose buffer is smaller than the number of
/// senders, while the function that made it can stop receiving: its receive is a `select` that can
/// leave by another case (a timeout, `ctx.Done()`, a quit channel), or it returns before receiving.
/// A sender nobody receives from blocks forever and its goroutine leaks.
struct BlockingSendLeak: Rule {
    static let id = "blocking-send-leak"

    func check(_ analysis: UnitAnalysis, context: RuleContext, into findings: inout [Finding]) {
        let unit = analysis.unit
        for (index, flow) in analysis.flows.enumerated() {
            let maker = FunctionID(index)
            for makeEvent in flow {
                guard case .channel(let make) = makeEvent.step, case .make(let buffer) = make.kind,
                      let channel = make.channel, analysis.flowOwner[(unit[channel].function ?? maker).index] == maker
                else { continue }
                guard let leak = leak(of: channel, buffer: buffer, makeEvent: makeEvent, flow: flow, analysis: analysis)
                else { continue }
                let name = unit[channel].name
                let capacity: String
                if case .bounded(let size) = buffer { capacity = "has room for \(size)" } else { capacity = "is unbuffered" }
                findings.append(context.finding(
                    "goroutine sends on `\(name)`, which \(capacity), but \(leak.reason); the send then blocks forever and the goroutine leaks",
                    at: leak.send,
                    related: [
                        RelatedLocation(range: make.range, message: "`\(name)` made here"),
                        RelatedLocation(range: leak.leaving, message: "stops receiving here"),
                    ]).adding(bufferFix(make, senders: leak.senders, analysis: analysis, context: context)))
            }
        }
    }

    private struct Leak {
        var send: SourceRange
        var leaving: SourceRange
        var reason: String
        /// How many goroutines send, for the buffer fix.
        var senders = SenderCount(constant: 0, events: [])
    }

    private func leak(
        of channel: BindingID, buffer: ChannelBuffer, makeEvent: FlowEvent, flow: [FlowEvent], analysis: UnitAnalysis
    ) -> Leak? {
        let unit = analysis.unit
        // Senders: goroutines started here whose closures send on the channel outside a select.
        var senderSpawns: [(spawn: FlowEvent, send: FlowEvent)] = []
        var senderCount = 0
        var countIsDynamic = false
        // At most this many senders, when every loop around them has a known most trips.
        var senderBound: Int? = 0
        var counts: [(multiplier: Int, most: Int?)] = []
        for event in flow where event.order > makeEvent.order {
            guard case .spawn(let spawn) = event.step, spawn.kind == .goroutine, let body = spawn.body,
                  unit[body].kind == .closure
            else { continue }
            let sends = analysis.flows[body.index].filter { inner in
                if case .channel(let step) = inner.step { return step.kind == .send && step.channel == channel }
                return false
            }
            guard !sends.isEmpty else { continue }
            // A send inside a select can take another way out; one in a loop sends many values.
            guard sends.allSatisfy({ !$0.context.inSelect && $0.context.loops.isEmpty }) else { return nil }
            senderSpawns.append((event, sends[0]))
            let extraLoops = event.context.loops.dropFirst(makeEvent.context.loops.count)
            // Several sends outside loops are most often alternatives (an error or a result), so
            // each goroutine counts as one sender.
            var multiplier = 1
            var most: Int? = 1
            for frame in extraLoops {
                if case .constantCount(let count) = frame.domain { multiplier *= count } else { countIsDynamic = true }
                most = most.flatMap { product in frame.mostIterations.map { product * $0 } }
            }
            senderCount += multiplier
            senderBound = senderBound.flatMap { sum in most.map { sum + $0 } }
            counts.append((multiplier, most))
        }
        guard let first = senderSpawns.first else { return nil }
        // Senders started in different arms of one branch are alternatives (`if csv { go … }
        // else { go … }`): at most one of them runs, so they count as the largest, not the sum.
        if senderSpawns.count > 1, senderSpawns.indices.allSatisfy({ i in
            senderSpawns.indices.allSatisfy { j in i == j || senderSpawns[i].spawn.context.isExclusive(with: senderSpawns[j].spawn.context) }
        }) {
            senderCount = counts.map(\.multiplier).max() ?? senderCount
            senderBound = counts.contains { $0.most == nil } ? nil : counts.compactMap(\.most).max()
        }
        let senders = SenderCount(
            constant: countIsDynamic ? nil : senderCount, events: senderSpawns,
            loopSources: senderSpawns.flatMap { $0.spawn.context.loops.dropFirst(makeEvent.context.loops.count).map(\.source) })
        func found(_ leak: Leak) -> Leak {
            var counted = leak
            counted.senders = senders
            return counted
        }
        switch buffer {
        case .unbuffered: break
        case .bounded(let size):
            guard countIsDynamic || senderCount > size else { return nil }
            // A collection built in counted loops fits the buffer: every send finds room.
            if let senderBound, senderBound <= size { return nil }
            // One goroutine per round, each round receiving before the next starts: at most one
            // sender is ever unreceived, and the buffer holds its value.
            if size >= 1, senderSpawns.allSatisfy({ Self.isReceivedEachRound($0.spawn, senders: senderSpawns, flow: flow, analysis: analysis) }) {
                return nil
            }
        default: return nil
        }
        // Every use of the channel must be in sight: made, sent to by these goroutines, received here.
        guard !escapes(channel, analysis: analysis, maker: makeEvent, senders: senderSpawns.map(\.spawn)) else { return nil }
        let receives = flow.filter { event in
            guard event.order > first.spawn.order else { return false }
            if case .channel(let step) = event.step { return step.kind == .receive && step.channel == channel }
            if case .select(let select) = event.step { return select.cases.contains { $0.kind != .send && $0.channel == channel } }
            if case .loop(let loop) = event.step, case .channel(let id) = loop.domain { return id == channel }
            return false
        }
        guard let firstReceive = receives.first else { return nil }
        // Someone else receiving too may drain the senders.
        let receivedElsewhere = analysis.flows.enumerated().contains { index, other in
            index != analysis.flowOwner[makeEvent.function.index].index && other.contains { event in
                if case .channel(let step) = event.step { return step.kind == .receive && step.channel == channel }
                if case .select(let select) = event.step { return select.cases.contains { $0.kind != .send && $0.channel == channel } }
                if case .loop(let loop) = event.step, case .channel(let id) = loop.domain { return id == channel }
                return false
            }
        }
        guard !receivedElsewhere else { return nil }
        // The function returns before it receives.
        if let early = flow.first(where: { event in
            guard event.order > first.spawn.order, event.order < firstReceive.order, event.function == makeEvent.function,
                  !event.context.inDefer, case .exit(let exit) = event.step
            else { return false }
            return exit.kind == .return
        }) {
            if unit.isTestCode, Self.failsTestBefore(early, in: flow) { return nil }
            return found(Leak(send: first.send.range, leaving: early.range, reason: "the function can return before receiving from it"))
        }
        // The receive is a select that can leave by another case.
        if case .select(let select) = firstReceive.step, let leak = leavingSelect(select, channel: channel, firstReceive: firstReceive,
                                                                               receives: receives, makeEvent: makeEvent, send: first.send,
                                                                               inTestCode: unit.isTestCode) {
            return found(leak)
        }
        // More senders than receives: `for _, u := range urls { go func() { results <- get(u) }() };
        // return <-results` takes the first value and leaves the others blocked.
        let receivesRepeat = receives.contains { event in
            if case .loop = event.step { return true }
            return event.context.loops.count > makeEvent.context.loops.count
        }
        var room = 0
        if case .bounded(let size) = buffer { room = size }
        // Only goroutines that always send count: a send under a condition (the last of N to
        // count an atomic up) may come from one goroutine alone.
        let everySenderSends = senderSpawns.allSatisfy { $0.send.context.branchDepth == 0 }
        if !receivesRepeat, everySenderSends, countIsDynamic || senderCount > receives.count + room, let last = receives.last {
            let count = receives.count == 1 ? "one value" : "\(receives.count) values"
            let senders = countIsDynamic ? "a goroutine per iteration sends" : "\(senderCount) goroutines send"
            return found(Leak(send: first.send.range, leaving: last.range,
                              reason: "the function receives only \(count) while \(senders)"))
        }
        return nil
    }

    /// A `select` receive with another case that returns, times out or is cancelled first.
    private func leavingSelect(
        _ select: Select, channel: BindingID, firstReceive: FlowEvent, receives: [FlowEvent], makeEvent: FlowEvent, send: FlowEvent,
        inTestCode: Bool
    ) -> Leak? {
        let isRepeated = firstReceive.context.loops.count > makeEvent.context.loops.count
        let laterReceive = receives.count > 1
        for other in select.cases where other.channel != channel || other.kind == .send {
            let returns = other.body.contains { step in
                if case .exit(let exit) = step { return exit.kind == .return }
                return false
            }
            let givesUp = (other.kind == .timeout || other.kind == .cancellation) && !isRepeated && !laterReceive
            guard returns || givesUp else { continue }
            if inTestCode, Self.failsTest(other.body) { continue }
            // The case drains the channel before it leaves (`for ; i < 2; i++ { <-event }`).
            if Self.contains(other.body, where: { step in
                if case .channel(let step) = step { return step.kind == .receive && step.channel == channel }
                if case .loop(let loop) = step, case .channel(let id) = loop.domain { return id == channel }
                return false
            }) { continue }
            // Leaving by ending the process (`log.Fatal`, `os.Exit`) leaves no goroutine behind.
            if Self.endsProcess(other.body) { continue }
            let by: String
            switch other.kind {
            case .timeout: by = "the `select` receiving it can time out first"
            case .cancellation: by = "the `select` receiving it can be cancelled first"
            default: by = "the `select` receiving it can leave by another case"
            }
            return Leak(send: send.range, leaving: other.range, reason: by)
        }
        return nil
    }

    /// Whether the round that starts `spawn` goes on to wait for its value before the next round:
    /// the first blocking step after it in the loop body, on every path, is a receive on a
    /// channel the senders send on, or a `select` whose cases all receive from those channels or
    /// leave the loop.
    private static func isReceivedEachRound(_ spawn: FlowEvent, senders: [(spawn: FlowEvent, send: FlowEvent)], flow: [FlowEvent], analysis: UnitAnalysis) -> Bool {
        guard let loop = spawn.context.loops.last else { return false }
        var channels = Set<BindingID>()
        for sender in senders {
            guard case .spawn(let made) = sender.spawn.step, let body = made.body else { continue }
            for event in analysis.flows[body.index] {
                if case .channel(let step) = event.step, step.kind == .send, let id = step.channel { channels.insert(id) }
            }
        }
        for event in flow where event.order > spawn.order {
            guard event.context.loops.last == loop, event.function == spawn.function else { continue }
            if event.context.branchDepth != spawn.context.branchDepth || event.context.inSelect { return false }
            switch event.step {
            case .channel(let step):
                if step.kind == .receive { return step.channel.map(channels.contains) ?? false }
                return false
            case .select(let select):
                var receivesOwn = false
                for selectCase in select.cases {
                    if let id = selectCase.channel, selectCase.kind == .receive, channels.contains(id) {
                        receivesOwn = true
                        continue
                    }
                    let leaves = selectCase.body.contains { step in
                        guard case .exit(let exit) = step else { return false }
                        return exit.kind == .return || exit.kind == .panic || exit.kind == .loopExit && !exit.continuesLoop
                    }
                    if !leaves { return false }
                }
                return receivesOwn
            case .exit, .wait, .sleep, .spawn, .loop:
                return false
            default:
                continue
            }
        }
        return false
    }

    /// Calls that fail the running test (`t.Fatalf`, `b.Error`). In test code, a sender left
    /// behind only on a path that has already failed the test costs nothing more: the failure is
    /// reported, and the goroutine goes with the failed run.
    /// testify's `assert.Fail(t, …)` and `require.FailNow(t, …)` fail the test they are handed.
    private static let testFailures: Set<String> = ["Fatal", "Fatalf", "Error", "Errorf", "Fail", "FailNow", "Failf", "FailNowf"]

    private static func isTestFailure(_ step: Step) -> Bool {
        if case .call(let call) = step {
            guard testFailures.contains(call.name) else { return false }
            return call.receiver != nil || call.callee.hasPrefix("assert.") || call.callee.hasPrefix("require.")
        }
        if case .exit(let exit) = step { return exit.kind == .panic }
        return false
    }

    /// Whether the steps of a select case end the process.
    private static func endsProcess(_ body: [Step]) -> Bool {
        contains(body) { step in
            if case .exit(let exit) = step { return exit.kind == .processExit }
            return false
        }
    }

    /// Whether some step of `body`, at any depth, satisfies `predicate`.
    private static func contains(_ body: [Step], where predicate: (Step) -> Bool) -> Bool {
        var found = false
        UnitAnalysis.forEachStep(body) { if predicate($0) { found = true } }
        return found
    }

    /// Whether the steps of a select case fail the test.
    private static func failsTest(_ body: [Step]) -> Bool {
        contains(body, where: isTestFailure)
    }

    /// Whether the branch that returns early fails the test before it returns: walking back from
    /// the return through its own branch, without leaving it.
    private static func failsTestBefore(_ exit: FlowEvent, in flow: [FlowEvent]) -> Bool {
        guard exit.context.branchDepth > 0 || exit.context.inSelect,
              var index = flow.firstIndex(where: { $0.order == exit.order && $0.range == exit.range })
        else { return false }
        while index > 0 {
            index -= 1
            let event = flow[index]
            guard event.function == exit.function else { continue }
            if event.context.branchDepth < exit.context.branchDepth { return false }
            if isTestFailure(event.step) { return true }
        }
        return false
    }

    /// Whether the channel is used anywhere but by its make, the sender goroutines' sends and
    /// the maker's receives: handed on, returned, stored, or sent to by someone else.
    private func escapes(_ channel: BindingID, analysis: UnitAnalysis, maker: FlowEvent, senders: [FlowEvent]) -> Bool {
        let events = analysis.flows.joined()
        let operations = events.compactMap { event -> SourceRange? in
            if case .channel(let step) = event.step, step.channel == channel { return step.range }
            return nil
        }
        return events.contains { event in
            switch event.step {
            case .access(let access) where access.binding == channel && access.kind == .read:
                return !operations.contains { $0.contains(access.range.start) && $0.start.line == access.range.start.line }
            case .access(let access) where access.binding == channel:
                return event.range != maker.range
            case .channel(let step) where step.channel == channel && step.kind == .close:
                return true
            default:
                return false
            }
        }
    }
}
