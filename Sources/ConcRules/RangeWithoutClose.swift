import ConcModel

/// `range-without-close`: a loop over a channel (`for v := range ch`) or a stream (`for await v in
/// stream`) made in the same function, which nothing ever closes (`close(ch)`,
/// `continuation.finish()`): after the last value the loop waits forever.
///
/// Only channels and continuations that stay in the file's sight are judged: one handed to a
/// named function, returned, stored or copied may be closed elsewhere, and is not reported.
struct RangeWithoutClose: Rule {
    static let id = "range-without-close"

    func check(_ analysis: UnitAnalysis, context: RuleContext, into findings: inout [Finding]) {
        let unit = analysis.unit
        let events = Array(analysis.flows.joined())
        var makes: [BindingID: (step: ChannelStep, event: FlowEvent)] = [:]
        var closed = Set<BindingID>()
        for event in events {
            guard case .channel(let step) = event.step else { continue }
            if case .make = step.kind, let channel = step.channel { makes[channel] = (step, event) }
            if step.kind == .close, let channel = step.channel { closed.insert(channel) }
        }
        let hasCancel = events.contains { event in
            if case .wait(let wait) = event.step { return wait.kind == .cancel }
            return false
        }
        for event in events {
            guard case .loop(let loop) = event.step else { continue }
            if let producer = loop.channelSource {
                // `ch := produce(); …; for range ch`: the caller's own name may be closed or handed on.
                var callerCloses = false
                if case .channel(let local?) = loop.domain { callerCloses = closed.contains(local) || escapes(local, events: events) }
                if !callerCloses, !endsEarly(loop.body, unit: unit),
                   let returned = unclosedReturnedChannel(of: producer, makes: makes, closed: closed, analysis: analysis) {
                    let name = unit[returned.channel].name
                    findings.append(context.finding(
                        "`for range` over `\(producer)(…)` never ends: `\(producer)` returns `\(name)`, which no path closes, so after the last value the loop blocks forever",
                        at: event.range,
                        related: [RelatedLocation(range: returned.make.range, message: "`\(name)` made here and returned")]))
                }
                continue
            }
            let iterated: BindingID?
            switch loop.domain {
            case .channel(let id), .asyncSequence(let id): iterated = id
            default: continue
            }
            guard let channel = iterated, let made = makes[channel], !endsEarly(loop.body, unit: unit) else { continue }
            // The loop runs in the function that made the channel or in work it started.
            let maker = analysis.flowOwner[made.event.function.index]
            let looper = analysis.flowOwner[event.function.index]
            guard unit.function(looper, isInside: maker) else { continue }
            // The end that closes: the channel itself (Go) or the stream's continuation (Swift).
            let closer: BindingID
            if unit.facts.streamsCloseThroughContinuation {
                guard let continuation = made.step.continuation else { continue }
                closer = continuation
                // Cancelling the consuming task ends an `AsyncStream` iteration too.
                if hasCancel && analysis.spawnOfBody[looper] != nil { continue }
            } else {
                closer = channel
            }
            guard !closed.contains(closer), use(of: closer, events: events, analysis: analysis) == .inSight else { continue }
            let name = unit[channel].name
            let message = !unit.facts.streamsCloseThroughContinuation
                ? "`for range \(name)` never ends: no path closes `\(name)`, so after the last value the loop blocks forever"
                : "`for await` over `\(name)` never ends: its continuation is never finished, so after the last value the loop suspends forever"
            findings.append(context.finding(
                message, at: event.range,
                related: [RelatedLocation(range: made.step.range, message: "`\(name)` made here")]))
        }
    }

    /// The channel a package-level function `name` makes and returns, if nothing in the file
    /// closes it and it goes nowhere else (handed to a call, stored) where it might be closed.
    private func unclosedReturnedChannel(
        of name: String, makes: [BindingID: (step: ChannelStep, event: FlowEvent)], closed: Set<BindingID>,
        analysis: UnitAnalysis
    ) -> (channel: BindingID, make: ChannelStep)? {
        let unit = analysis.unit
        guard let producer = unit.functions.first(where: { $0.kind == .declared && $0.name == name && $0.parent == nil && $0.ownerType == nil })
        else { return nil }
        let flow = analysis.flows[producer.id.index]
        // `return ch`: the read of `ch` is the last event before the return.
        var returned = Set<BindingID>()
        for (index, event) in flow.enumerated() where index > 0 {
            guard case .exit(let exit) = event.step, exit.kind == .return,
                  case .access(let access) = flow[index - 1].step, access.kind == .read, access.path == unit[access.binding].name
            else { continue }
            returned.insert(access.binding)
        }
        guard returned.count == 1, let channel = returned.first, let made = makes[channel],
              analysis.flowOwner[made.event.function.index] == producer.id, !closed.contains(channel)
        else { return nil }
        let returns = Set(flow.indices.dropFirst().compactMap { index -> SourceRange? in
            guard case .exit(let exit) = flow[index].step, exit.kind == .return,
                  case .access(let access) = flow[index - 1].step, access.binding == channel else { return nil }
            return access.range
        })
        let events = Array(analysis.flows.joined()).filter { event in
            if case .access(let access) = event.step { return !returns.contains(access.range) }
            return true
        }
        return escapes(channel, events: events) ? nil : (channel, made.step)
    }

    /// Whether the loop body can leave the loop itself (`break`, `return`): it may stop on a
    /// sentinel or a count rather than on close.
    private func endsEarly(_ body: [Step], unit: Unit) -> Bool {
        var found = false
        func visit(_ steps: [Step], nestedLoop: Bool, depth: Int) {
            guard depth < 200, !found else { return }
            for step in steps {
                switch step {
                case .exit(let exit):
                    // A `break` that ends a switch arm stays in the loop; a labeled one may leave it.
                    if exit.kind != .loopExit || exit.label != nil || !nestedLoop && !exit.endsSwitchArm { found = true }
                case .loop(let loop): visit(loop.body, nestedLoop: true, depth: depth + 1)
                case .select(let select):
                    for selectCase in select.cases { visit(selectCase.body, nestedLoop: true, depth: depth + 1) }
                case .branch(let branch): for arm in branch.arms { visit(arm, nestedLoop: nestedLoop, depth: depth + 1) }
                case .critical(let critical): visit(critical.body, nestedLoop: nestedLoop, depth: depth + 1)
                case .closure(let use) where use.invocation == .inPlace:
                    // A `return` in an in-place closure leaves only the closure.
                    visit(unit[use.function].body.filter { if case .exit = $0 { return false } else { return true } },
                          nestedLoop: true, depth: depth + 1)
                default: break
                }
            }
        }
        visit(body, nestedLoop: false, depth: 0)
        return found
    }

    /// What becomes of a channel beyond its own operations.
    enum Use: Equatable {
        /// Every use is in sight, and none closes it.
        case inSight
        /// A function of the file it is handed to closes it.
        case closedByCallee
        /// Copied, stored, returned, or handed to code out of sight: it may be closed there.
        case escapes
    }

    /// Whether the binding is used only by channel operations on it and by functions of the file
    /// it is handed to (`go produce(ch)`, `fill(ch)`) that neither close it nor hand it on.
    private func use(of binding: BindingID, events: [FlowEvent], analysis: UnitAnalysis) -> Use {
        var result = Use.inSight
        for access in readsBesideOperations(of: binding, events: events) {
            guard let parameter = parameter(receiving: binding, at: access, events: events, analysis: analysis) else { return .escapes }
            switch calleeUse(of: parameter, analysis: analysis) {
            case .escapes: return .escapes
            case .closedByCallee: result = .closedByCallee
            case .inSight: continue
            }
        }
        return result
    }

    /// The parameter of a declared function of the file that `binding`, read at `access`, is
    /// handed to as a whole argument of a call or a `go` statement.
    private func parameter(receiving binding: BindingID, at access: Access, events: [FlowEvent], analysis: UnitAnalysis) -> BindingID? {
        let unit = analysis.unit
        for event in events {
            let places: [Place?]
            let callee: FunctionID?
            switch event.step {
            case .call(let call) where call.range.contains(access.range.start) && call.functionValue == nil:
                places = call.argumentPlaces
                let named = unit.functions.filter { $0.kind == .declared && $0.name == call.name }
                callee = named.count == 1 ? named[0].id : nil
            case .spawn(let spawn) where spawn.range.contains(access.range.start) && spawn.body.map({ unit[$0].kind == .declared }) ?? false:
                places = spawn.argumentPlaces
                callee = spawn.body.flatMap { unit[$0].kind == .declared ? $0 : nil }
            default:
                continue
            }
            guard let callee, let index = places.firstIndex(where: { $0?.root == binding && $0?.components.isEmpty == true }),
                  index < unit[callee].parameters.count
            else { return nil }
            return unit[callee].parameters[index]
        }
        return nil
    }

    /// What a declared function does with its channel parameter: closes it, keeps it to its own
    /// sends and receives, or hands it on (out of sight).
    private func calleeUse(of parameter: BindingID, analysis: UnitAnalysis) -> Use {
        let unit = analysis.unit
        guard let function = unit[parameter].function else { return .escapes }
        var events: [FlowEvent] = []
        for other in unit.functions where unit.function(other.id, isInside: function) {
            // A closure of the callee that uses the channel may outlive the call (a handler it
            // returns, a callback it registers) and be the one that closes it.
            if other.id != function,
               analysis.flows[other.id.index].contains(where: { event in
                   if case .access(let access) = event.step { return access.binding == parameter }
                   if case .channel(let step) = event.step { return step.channel == parameter }
                   return false
               }) {
                return .escapes
            }
            if other.id == function { events = analysis.flows[other.id.index] }
        }
        if events.contains(where: { event in
            if case .channel(let step) = event.step { return step.channel == parameter && step.kind == .close }
            return false
        }) { return .closedByCallee }
        return escapes(parameter, events: events) ? .escapes : .inSight
    }

    private func operationRanges(of binding: BindingID, events: [FlowEvent]) -> [SourceRange] {
        events.compactMap { event -> SourceRange? in
            if case .channel(let step) = event.step, step.channel == binding { return step.range }
            if case .loop(let loop) = event.step {
                switch loop.domain {
                case .channel(let id) where id == binding, .asyncSequence(let id) where id == binding:
                    return loop.range
                default: return nil
                }
            }
            return nil
        }
    }

    /// Whether the binding is read other than by channel operations on it (handed to a function,
    /// returned, copied, stored): then it may be closed out of sight.
    private func escapes(_ binding: BindingID, events: [FlowEvent]) -> Bool {
        !readsBesideOperations(of: binding, events: events).isEmpty
    }

    /// The reads of the binding that are not part of a channel operation or loop on it.
    private func readsBesideOperations(of binding: BindingID, events: [FlowEvent]) -> [Access] {
        let operations = operationRanges(of: binding, events: events)
        return events.compactMap { event in
            guard case .access(let access) = event.step, access.binding == binding, access.kind == .read,
                  !operations.contains(where: { $0.contains(access.range.start) && $0.start.line == access.range.start.line })
            else { return nil }
            return access
        }
    }
}
