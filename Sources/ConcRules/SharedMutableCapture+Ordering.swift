import ConcModel

/// Accesses that share a variable but still cannot race: they touch different elements, or a
/// channel operation orders one before the other (Go memory model: a send is synchronized before
/// the receive that takes its value completes; on an unbuffered channel, a receive is
/// synchronized before the matching send completes; a close before a receive that sees it).
extension SharedMutableCapture {
    /// Whether `other` touches no element that the store `written` writes: another constant
    /// index (`a[0]` against `a[1]`), or only the slice header (`len(a)`).
    static func touchesOtherElement(_ other: Access, written: Access) -> Bool {
        guard case .write(.indexStore) = written.kind, other.binding == written.binding else { return false }
        if other.readsHeaderOnly { return true }
        guard let writtenElements = written.constantElements, let otherElements = other.constantElements else { return false }
        return !writtenElements.overlaps(otherElements)
    }

    /// Whether a channel operation orders `first` (in `firstFlow`) before `second` (in
    /// `secondFlow`, another goroutine): `second` comes after a receive on `c` (or, unbuffered, a
    /// send) that can only pair with an operation `firstFlow` makes after `first`. A select
    /// counts when `second` is in the body of such a receive case, or follows a select whose
    /// every case is such a receive or one on a channel nothing else touches.
    /// - Parameter peers: every flow that may operate on the channel (the creator's and the
    ///   bodies it spawns), to make sure no other operation can pair instead.
    func channelOrders(
        _ first: FlowEvent, in firstFlow: [FlowEvent], before second: FlowEvent, in secondFlow: [FlowEvent],
        peers: [[FlowEvent]], analysis: UnitAnalysis
    ) -> Bool {
        for op in secondFlow where op.order < second.order {
            switch op.step {
            case .channel(let channel):
                guard Self.alwaysRunsBefore(op, second), let id = channel.channel else { continue }
                let receives = channel.kind == .receive
                guard receives || channel.kind == .send else { continue }
                if pairing(receives: receives, on: id, after: first, in: firstFlow, peers: peers, analysis: analysis) == .ordered {
                    return true
                }
            case .select(let select):
                let inside = select.cases.first { selectCase in
                    selectCase.range.start.offset <= second.range.start.offset && second.range.end.offset <= selectCase.range.end.offset
                }
                if let inside {
                    guard let id = inside.channel, inside.kind != .default, inside.kind != .timeout else { continue }
                    if pairing(receives: inside.kind != .send, on: id, after: first, in: firstFlow, peers: peers, analysis: analysis)
                        == .ordered { return true }
                    continue
                }
                guard Self.alwaysRunsBefore(op, second), !select.cases.isEmpty else { continue }
                var outcomes: [Pairing] = []
                for selectCase in select.cases {
                    guard let id = selectCase.channel, selectCase.kind != .default, selectCase.kind != .timeout
                    else { outcomes.append(.unordered); break }
                    outcomes.append(pairing(receives: selectCase.kind != .send, on: id, after: first, in: firstFlow,
                                            peers: peers, analysis: analysis, select: op))
                }
                if outcomes.contains(.ordered), outcomes.allSatisfy({ $0 != .unordered }) { return true }
            default:
                continue
            }
        }
        return false
    }

    /// How an operation on a channel in the second goroutine relates to `first`.
    enum Pairing {
        /// Every operation it can pair with comes after `first`, once.
        case ordered
        /// Nothing else touches the channel: the operation never completes.
        case never
        /// Something else could pair with it, or nothing runs after `first` to pair with it.
        case unordered
    }

    /// Whether a receive (`receives`) or an unbuffered send on `id` can only pair with
    /// operations `firstFlow` makes after `first`.
    private func pairing(
        receives: Bool, on id: BindingID, after first: FlowEvent, in firstFlow: [FlowEvent], peers: [[FlowEvent]],
        analysis: UnitAnalysis, select: FlowEvent? = nil
    ) -> Pairing {
        let pairs: (FlowEvent) -> Bool
        if receives {
            pairs = { Self.isSendOrClose($0, on: id) }
        } else if isUnbuffered(id, analysis: analysis) {
            pairs = { Self.isReceive($0, on: id) }
        } else {
            return .unordered
        }
        let partners = peers.joined().filter(pairs)
        if partners.isEmpty {
            // Only a select case on a channel that nothing else mentions can never fire.
            guard let select, !peers.joined().contains(where: { event in
                event.range != select.range && !Self.isMake(event) && analysis.touchedBindings([event]).contains(id)
            }) else { return .unordered }
            return .never
        }
        let ordered = partners.allSatisfy { partner in
            firstFlow.contains { $0.order == partner.order && $0.range == partner.range }
                && (partner.order > first.order || partner.context.inDefer)
                && !Self.repeatsAround(partner, first, channelDeclaredAt: analysis.unit[id].range.start.offset)
        }
        return ordered ? .ordered : .unordered
    }

    private static func isMake(_ event: FlowEvent) -> Bool {
        if case .channel(let channel) = event.step, case .make = channel.kind { return true }
        return false
    }

    /// `op` runs on every path that reaches `event`: not in a branch, a select or a loop that
    /// `event` is not in.
    static func alwaysRunsBefore(_ op: FlowEvent, _ event: FlowEvent) -> Bool {
        op.context.branchDepth == 0 && !op.context.inSelect && !op.context.inDefer
            && event.context.loops.starts(with: op.context.loops)
    }

    /// `partner` sits in a loop around `first`: a later round's `first` comes after it — unless
    /// the channel is made inside that loop, so each round pairs on a channel of its own.
    private static func repeatsAround(_ partner: FlowEvent, _ first: FlowEvent, channelDeclaredAt offset: Int) -> Bool {
        let shared = first.context.loops.filter { loop in
            partner.context.loops.contains(loop) && !(loop.range.start.offset <= offset && offset < loop.range.end.offset)
        }
        return !shared.isEmpty || partner.context.branchDepth > 0 || partner.context.inSelect
    }

    private static func isSendOrClose(_ event: FlowEvent, on id: BindingID) -> Bool {
        switch event.step {
        case .channel(let channel): return channel.channel == id && (channel.kind == .send || channel.kind == .close)
        case .select(let select): return select.cases.contains { $0.channel == id && $0.kind == .send }
        default: return false
        }
    }

    static func isReceive(_ event: FlowEvent, on id: BindingID) -> Bool {
        switch event.step {
        case .channel(let channel): return channel.channel == id && channel.kind == .receive
        case .select(let select): return select.cases.contains { $0.channel == id && $0.kind != .send && $0.kind != .default }
        case .loop(let loop): return loop.domain == .channel(id)
        default: return false
        }
    }

    /// Whether the channel was made without a buffer where it is declared.
    private func isUnbuffered(_ id: BindingID, analysis: UnitAnalysis) -> Bool {
        buffer(of: id, analysis: analysis) == .unbuffered
    }

    /// The buffer the channel was made with where it is declared, when that is seen.
    func buffer(of id: BindingID, analysis: UnitAnalysis) -> ChannelBuffer? {
        guard let declaring = analysis.unit[id].function else { return nil }
        for event in analysis.flow(of: declaring) {
            if case .channel(let channel) = event.step, channel.channel == id, case .make(let buffer) = channel.kind { return buffer }
        }
        return nil
    }
}

extension SharedMutableCapture {
    /// The flows that may operate on a channel the creator shares: its own and those of the
    /// bodies it spawns.
    func channelPeers(of creator: FunctionID, creatorFlow: [FlowEvent], analysis: UnitAnalysis) -> [[FlowEvent]] {
        var peers = [creatorFlow]
        for event in creatorFlow {
            if case .spawn(let spawn) = event.step, let body = spawn.body { peers.append(analysis.flows[body.index]) }
        }
        return peers
    }
}

extension SharedMutableCapture {
    /// Whether a sibling's access and the write are ordered one way or the other, by a channel
    /// or an atomic turn. A repeated sibling cannot be ordered before the write: only one of its
    /// instances would be.
    func ordered(
        _ access: FlowEvent, in otherFlow: [FlowEvent], _ write: FlowEvent, in bodyFlow: [FlowEvent], otherRepeats: Bool,
        creatorFlow: [FlowEvent], peers: [[FlowEvent]], analysis: UnitAnalysis
    ) -> Bool {
        if channelOrders(write, in: bodyFlow, before: access, in: otherFlow, peers: peers, analysis: analysis)
            || atomicTurnOrders(write, in: bodyFlow, before: access, creatorFlow: creatorFlow, analysis: analysis) {
            return true
        }
        guard !otherRepeats else { return false }
        return channelOrders(access, in: otherFlow, before: write, in: bodyFlow, peers: peers, analysis: analysis)
            || atomicTurnOrders(access, in: otherFlow, before: write, creatorFlow: creatorFlow, analysis: analysis)
    }
}

extension SharedMutableCapture {
    /// Whether the creator can reach `event` after the spawn: not in another arm of a branch or
    /// select around the spawn, and not past a `return` (a panic, a process exit) on the spawn's
    /// own path — in its block or one around it — that every run from the spawn takes first.
    static func isReachable(_ event: FlowEvent, after spawn: FlowEvent, in flow: [FlowEvent]) -> Bool {
        if event.context.isExclusive(with: spawn.context) { return false }
        if event.context.inDefer { return true }
        for other in flow where other.order > spawn.order && other.order < event.order {
            guard case .exit(let exit) = other.step, !other.context.inDefer, other.function == spawn.function else { continue }
            switch exit.kind {
            case .loopExit:
                // A jump may lead around what follows: give up proving anything.
                return true
            case .return, .panic, .processExit:
                if spawn.context.arms.starts(with: other.context.arms), other.context.loops == spawn.context.loops { return false }
            default:
                continue
            }
        }
        return true
    }

    /// Whether `event` is in a deferred call that runs after `wait`: Go runs it when the function
    /// that defers it returns, so after every wait that function makes at the same level.
    static func runs(deferred event: FlowEvent, after wait: FlowEvent?, in flow: [FlowEvent]) -> Bool {
        guard event.context.inDefer, let wait, !wait.context.inDefer else { return false }
        let deferral = flow.last { candidate in
            guard candidate.order < event.order, case .deferred(let deferred) = candidate.step else { return false }
            return deferred.range.start.offset <= event.range.start.offset && event.range.end.offset <= deferred.range.end.offset
        }
        guard let deferral, !deferral.context.inDefer else { return false }
        return wait.function == deferral.function && wait.context.branchDepth == deferral.context.branchDepth
            && wait.context.loops == deferral.context.loops
    }
}
