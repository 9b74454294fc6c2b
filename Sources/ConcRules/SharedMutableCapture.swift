import ConcModel

/// `shared-mutable-capture`: concurrently running work writes a variable declared outside it,
/// with no lock held, not atomically, not actor-isolated, not on a serial executor.
struct SharedMutableCapture: Rule {
    static let id = "shared-mutable-capture"

    func check(_ analysis: UnitAnalysis, context: RuleContext, into findings: inout [Finding]) {
        let unit = analysis.unit
        // One body spawned from several places (`go add(&n)` twice) is reported once per write.
        var reportedWrites = Set<SourceRange>()
        for spawnEvent in analysis.spawns {
            guard case .spawn(let spawn) = spawnEvent.step, let body = spawn.body else { continue }
            switch spawn.executor {
            case .serial, .isolated: continue
            case .concurrent, .blockingCaller: break
            }
            var reported = Set<BindingID>()
            let originalFlow = analysis.flows[body.index]
            let flow = Self.flowThroughAddressArguments(of: spawn, body: body, analysis: analysis)
            for (original, event) in zip(originalFlow, flow) {
                guard case .access(let access) = event.step, case .write(let writeKind) = access.kind,
                      !reported.contains(access.binding), isUnsafe(access, event, unit: unit, spawnEvent: spawnEvent),
                      !Self.goesThroughUnseenProperty(access, unit: unit)
                else { continue }
                let binding = unit[access.binding]
                let repeated = analysis.isRepeated(spawnEvent, sharing: binding)
                if unit.facts.orderingIsTracked, isInsideCustomLock(event, flow: flow) || holdsToken(event, flow: flow, analysis: analysis)
                    || holdsChannelLock(event, flow: flow, analysis: analysis) || holdsHandedLock(event, flow: flow)
                    || Self.neverRuns(event) {
                    continue
                }
                // Go's publish-then-signal: one goroutine writes, then closes or sends on a
                // channel its readers wait on, or stores to an atomic beside the data.
                let atomicPublish = unit.facts.orderingIsTracked && publishesAtomically(event, access: access, flow: flow)
                if atomicPublish && repeated && takesTurns(on: access.binding, flow: flow) { continue }
                let published = unit.facts.orderingIsTracked && !repeated && (publishes(after: event, in: flow) || atomicPublish)
                guard analysis.isDeclaredOutside(binding, body),
                      isShared(binding, spawnEvent: spawnEvent, body: body, bodyFlow: flow, analysis: analysis,
                               published: published, write: event)
                        || !published && isLockedElsewhere(access, binding: binding, write: event, bodyFlow: flow,
                                                           spawnEvent: spawnEvent, analysis: analysis)
                else { continue }
                reported.insert(access.binding)
                guard reportedWrites.insert(access.range).inserted else { continue }
                let passedByAddress = access.binding != Self.accessedBinding(original)
                let noun = passedByAddress ? "variable" : binding.kind.noun(facts: unit.facts)
                let subject = access.path == binding.name ? "\(noun) `\(binding.name)`" : "`\(access.path)` of \(noun) `\(binding.name)`"
                let how = passedByAddress ? ", whose address it was given," : ""
                findings.append(context.finding(
                    "\(spawn.kind.noun) \(writeKind.verb) \(subject)\(how) without synchronization",
                    at: access.range,
                    related: [
                        RelatedLocation(range: binding.range, message: "`\(binding.name)` declared here"),
                        RelatedLocation(range: spawn.range, message: "\(spawn.kind.noun) started here"),
                    ]).adding(writeFix(access, in: event, spawn: spawnEvent, body: body, analysis: analysis, context: context)))
            }
        }
    }

    /// A write through a property of an object whose type this file does not declare with that
    /// property stored (`indicator.activity.progress += 1`, `activity` computed over a locked
    /// box in another module): where properties may be computed, what the store does is unseen.
    static func goesThroughUnseenProperty(_ access: Access, unit: Unit) -> Bool {
        guard unit.facts.propertiesMayBeComputed, let place = access.place,
              case .field(let name)? = place.components.first
        else { return false }
        let root = unit[place.root]
        // `self.count` roots at the stored property itself; a receiver's type is the one declared.
        guard root.kind != .property else { return false }
        guard let typeName = root.type.name ?? (root.kind == .receiver ? root.ownerType : nil),
              let declaration = unit.types.first(where: { $0.name == typeName })
        else { return true }
        return !declaration.fields.contains { $0.name == name }
    }

    private static func accessedBinding(_ event: FlowEvent) -> BindingID? {
        if case .access(let access) = event.step { return access.binding }
        return nil
    }

    /// The spawned body's flow with accesses through parameters that received `&x` (`*p++`,
    /// `p.hits++` in `go bump(&n)`) turned into the accesses of `x` they are. A parameter the
    /// body points elsewhere (`p = &local`) is left alone.
    static func flowThroughAddressArguments(of spawn: Spawn, body: FunctionID, analysis: UnitAnalysis) -> [FlowEvent] {
        let flow = analysis.flows[body.index]
        guard !spawn.addressArguments.isEmpty else { return flow }
        let unit = analysis.unit
        let reassigned = Set(flow.compactMap { event -> BindingID? in
            guard case .access(let access) = event.step, access.kind.isWrite, !access.isAtomic,
                  access.path == unit[access.binding].name
            else { return nil }
            return access.binding
        })
        return flow.map { throughAddressArguments($0, spawn: spawn, body: unit[body], unit: unit, reassigned: reassigned) }
    }

    private static func throughAddressArguments(
        _ event: FlowEvent, spawn: Spawn, body: Function, unit: Unit, reassigned: Set<BindingID>
    ) -> FlowEvent {
        guard case .access(var access) = event.step, !reassigned.contains(access.binding) else { return event }
        let parameters = body.parameters.filter { unit[$0].kind == .parameter }
        guard let index = parameters.firstIndex(of: access.binding),
              let argument = spawn.addressArguments.first(where: { $0.parameterIndex == index })
        else { return event }
        let name = unit[access.binding].name
        var rest = Substring(access.path)
        let dereferenced = rest.hasPrefix("*")
        if dereferenced { rest = rest.dropFirst() }
        guard rest.hasPrefix(name) else { return event }
        rest = rest.dropFirst(name.count)
        // The pointer itself (`p = q`) is the goroutine's own; only what it points to is shared
        // (an atomic operation on `p` works on what it points to).
        guard dereferenced || access.isAtomic || rest.hasPrefix(".") || rest.hasPrefix("[") else { return event }
        access.binding = argument.binding
        access.path = argument.path + rest
        var aliased = event
        aliased.step = .access(access)
        return aliased
    }

    /// Whether the same field of the same type is accessed under a lock somewhere else in the
    /// file, where it can meet the write: the code's own locking discipline says it is shared.
    /// Not counted: the creator's accesses before the spawn (the spawn orders them), and an
    /// access that first sends on a channel the body receives from after the write (the
    /// receive completes the send, so the write comes first).
    private func isLockedElsewhere(
        _ access: Access, binding: Binding, write: FlowEvent, bodyFlow: [FlowEvent], spawnEvent: FlowEvent,
        analysis: UnitAnalysis
    ) -> Bool {
        guard binding.kind == .receiver || binding.kind == .global, let field = access.path.split(separator: ".").last,
              access.path.contains(".")
        else { return false }
        let unit = analysis.unit
        let handshakes = Self.fieldChannelsReceived(after: write, in: bodyFlow)
        for flow in analysis.flows {
            for event in flow {
                guard case .access(let other) = event.step, event.context.isGuarded, other.path.split(separator: ".").last == field
                else { continue }
                let otherBinding = unit[other.binding]
                guard otherBinding.id == binding.id || (otherBinding.kind == binding.kind && otherBinding.type.name == binding.type.name)
                else { continue }
                if event.function == spawnEvent.function, event.order < spawnEvent.order, spawnEvent.context.loops.isEmpty { continue }
                if !handshakes.isEmpty, flow.contains(where: { earlier in
                    guard earlier.order < event.order, earlier.function == event.function,
                          case .channel(let step) = earlier.step, step.kind == .send,
                          let name = step.channelPath.split(separator: ".").last, step.channelPath.contains(".")
                    else { return false }
                    return handshakes.contains(String(name))
                }) { continue }
                return true
            }
        }
        return false
    }

    /// The fields (`unwatchChan` of `cw.unwatchChan`) of channels the body receives from after
    /// `write`, in the same branch or an enclosing one.
    private static func fieldChannelsReceived(after write: FlowEvent, in flow: [FlowEvent]) -> Set<String> {
        var names = Set<String>()
        for event in flow where event.order > write.order && event.function == write.function
            && event.context.branchDepth <= write.context.branchDepth {
            guard case .channel(let step) = event.step, step.kind == .receive, step.channelPath.contains("."),
                  let name = step.channelPath.split(separator: ".").last
            else { continue }
            names.insert(String(name))
        }
        return names
    }

    /// Whether a channel close or send follows the write, outside any loop, in the same body.
    private func publishes(after write: FlowEvent, in flow: [FlowEvent]) -> Bool {
        flow.contains { event in
            guard event.order > write.order || event.context.inDefer, event.context.loops.isEmpty else { return false }
            if case .channel(let channel) = event.step { return channel.kind == .close || channel.kind == .send }
            return false
        }
    }

    /// Whether the write itself is unprotected and to plain data.
    private func isUnsafe(_ access: Access, _ event: FlowEvent, unit: Unit, spawnEvent: FlowEvent) -> Bool {
        if access.isAtomic || event.context.isGuarded { return false }
        let binding = unit[access.binding]
        if binding.isIsolated { return false }
        switch binding.type.category {
        case .lock, .readWriteLock, .atomic, .group, .semaphore, .channel, .continuation, .serialQueue,
             .concurrentQueue:
            return false
        default:
            break
        }
        if unit.facts.elementStoresAreIndependent, !access.indexBindings.isEmpty,
           access.indexIsPrivate || indexIsPerIteration(access, spawnEvent: spawnEvent, unit: unit) {
            return false
        }
        if case .write(.indexStore) = access.kind {
            // Go slices: distinct goroutines writing distinct elements do not race. Swift
            // collections are values: any subscript store mutates the whole variable; a `let`
            // (a pointer or class) is not written at all.
            if unit.facts.elementStoresAreIndependent { return !access.indexIsPrivate && !indexIsPerIteration(access, spawnEvent: spawnEvent, unit: unit) }
            return binding.isMutable
        }
        if unit.facts.immutableBindingsExist, !binding.isMutable, case .write(let kind) = access.kind, kind != .fieldStore {
            return false
        }
        return true
    }

    /// Whether two spawns from one flow can run at the same time: the later one starts before
    /// the earlier one is waited for (or either repeats in a loop).
    private func overlap(_ first: FlowEvent, _ second: FlowEvent, in flow: [FlowEvent], analysis: UnitAnalysis) -> Bool {
        let (earlier, later) = first.order < second.order ? (first, second) : (second, first)
        // A group wait or join between them, in the earlier's loop round and on its path (its
        // block or one around it), ends the earlier before the later starts; when both repeat in
        // a loop, the later must also be joined before the round ends.
        // A group wait after the loop that started the earlier joins all its instances, when the
        // earlier's body counts down that group.
        let joinedBetween = flow.contains { event in
            guard event.order > earlier.order, event.order < later.order, event.function == earlier.function,
                  earlier.context.loops.starts(with: event.context.loops), earlier.context.arms.starts(with: event.context.arms),
                  !event.context.inDefer, !event.context.inSelect, case .wait(let wait) = event.step
            else { return false }
            if event.context.loops == earlier.context.loops { return wait.kind == .group || wait.kind == .join }
            guard wait.kind == .group, let group = wait.target, case .spawn(let spawn) = earlier.step, let body = spawn.body
            else { return false }
            return analysis.flows[body.index].contains { inner in
                if case .sync(let sync) = inner.step, case .groupDone = sync.kind { return sync.target == group }
                return false
            }
        }
        let sharedLoops = zip(earlier.context.loops, later.context.loops).prefix { $0 == $1 }.count
        if joinedBetween, sharedLoops == 0 || Self.isJoinedEachRound(later, creatorFlow: flow, analysis: analysis) {
            return false
        }
        if !earlier.context.loops.isEmpty || !later.context.loops.isEmpty { return true }
        guard let wait = analysis.firstWait(in: flow, after: earlier.order) else { return true }
        return later.order < wait.order
    }

    /// Whether the creator waits, inside the loop that repeats the spawn, before that loop's next
    /// round starts another instance: one instance at a time writes, joined before the next.
    static func isJoinedEachRound(_ spawnEvent: FlowEvent, creatorFlow: [FlowEvent], analysis: UnitAnalysis) -> Bool {
        guard case .spawn(let spawn) = spawnEvent.step, spawn.kind != .concurrentPerform,
              let loop = spawnEvent.context.loops.last,
              let wait = analysis.firstWait(in: creatorFlow, after: spawnEvent.order)
        else { return false }
        return wait.context.loops.contains(loop) && !wait.context.inDefer && wait.context.branchDepth <= spawnEvent.context.branchDepth
    }

    /// Whether every name in the index is fresh in each iteration of the loop around the spawn
    /// (declared inside that loop, or a per-iteration loop variable): each goroutine gets its own
    /// slot.
    private func indexIsPerIteration(_ access: Access, spawnEvent: FlowEvent, unit: Unit) -> Bool {
        guard !access.indexBindings.isEmpty, let loop = spawnEvent.context.loops.last
        else { return false }
        return access.indexBindings.allSatisfy { id in
            let binding = unit[id]
            if binding.kind == .loopVariable { return binding.isPerIteration }
            return loop.range.start.offset <= binding.range.start.offset && binding.range.start.offset < loop.range.end.offset
        }
    }

    /// Whether something else can touch the binding while the spawned work writes it.
    /// - Parameter published: the body signals a channel after the write, so readers that wait
    ///   on it are ordered after it; only the creator touching it before waiting, or a sibling,
    ///   still races.
    private func isShared(
        _ binding: Binding, spawnEvent: FlowEvent, body: FunctionID, bodyFlow: [FlowEvent], analysis: UnitAnalysis,
        published: Bool, write: FlowEvent
    ) -> Bool {
        guard case .access(let written) = write.step else { return false }
        let creator = analysis.flowOwner[spawnEvent.function.index]
        switch binding.kind {
        case .global where !published && !analysis.unit.facts.orderingIsTracked, .property where !published,
             .receiver where !published && !analysis.unit.facts.orderingIsTracked:
            // A function other than an entry point may run many times, each spawn a sibling.
            if analysis.unit[creator].entry == .none { return true }
            // Any other body touching it can run alongside.
            for (index, flow) in analysis.flows.enumerated() where index != creator.index && index != body.index {
                if flow.contains(where: { event in
                    if case .access(let access) = event.step {
                        return access.binding == binding.id && !Self.touchesOtherElement(access, written: written)
                    }
                    return false
                }) { return true }
            }
        default:
            break
        }
        let creatorFlow = analysis.flow(of: spawnEvent.function)
        if analysis.isRepeated(spawnEvent, sharing: binding), !Self.isJoinedEachRound(spawnEvent, creatorFlow: creatorFlow, analysis: analysis),
           !analysis.isBehindOnceGuard(spawnEvent) {
            return true
        }
        let isGo = analysis.unit.facts.orderingIsTracked
        let peers = isGo ? channelPeers(of: creator, creatorFlow: creatorFlow, analysis: analysis) : []
        // Another spawn from the same creator touching it.
        for other in analysis.spawns where other.order != spawnEvent.order || other.function != spawnEvent.function {
            // A declared function spawned twice with `&x` (`go add(&n); go add(&n)`) is two
            // writers of `x` with one body.
            guard case .spawn(let otherSpawn) = other.step, let otherBody = otherSpawn.body,
                  otherBody != body || !otherSpawn.addressArguments.isEmpty,
                  analysis.flowOwner[other.function.index] == creator,
                  overlap(spawnEvent, other, in: creatorFlow, analysis: analysis)
            else { continue }
            let otherFlow = Self.flowThroughAddressArguments(of: otherSpawn, body: otherBody, analysis: analysis)
            if otherFlow.contains(where: { event in
                guard case .access(let access) = event.step, access.binding == binding.id,
                      Self.overlaps(access, writtenPath: written.path, binding: binding),
                      !Self.touchesOtherElement(access, written: written),
                      !(isGo && (Self.neverRuns(event) || holdsChannelLock(event, flow: otherFlow, analysis: analysis)))
                else { return false }
                return !isGo || !ordered(event, in: otherFlow, write, in: bodyFlow, otherRepeats: analysis.isRepeated(other, sharing: binding),
                                         creatorFlow: creatorFlow, peers: peers, analysis: analysis)
            }) { return true }
        }
        // The creator touching it after the spawn, before waiting.
        guard case .spawn(let spawn) = spawnEvent.step, spawn.executor != .blockingCaller else { return false }
        let wait = analysis.firstWait(in: creatorFlow, after: spawnEvent.order)
        var limit = wait?.order ?? Int.max
        if analysis.unit.facts.orderingIsTracked, let spin = spinsOnPublishedAtomic(creatorFlow, after: spawnEvent.order, bodyFlow: bodyFlow) {
            limit = min(limit, spin)
        }
        return creatorFlow.contains { event in
            guard event.order > spawnEvent.order, event.order < limit,
                  case .access(let access) = event.step, access.binding == binding.id,
                  Self.isReachable(event, after: spawnEvent, in: creatorFlow),
                  Self.overlaps(access, writtenPath: written.path, binding: binding),
                  !Self.touchesOtherElement(access, written: written)
            else { return false }
            guard isGo else { return !event.context.isGuarded }
            return !event.context.isGuarded && !Self.neverRuns(event) && !Self.runs(deferred: event, after: wait, in: creatorFlow)
                && !holdsChannelLock(event, flow: creatorFlow, analysis: analysis)
                && !channelOrders(event, in: creatorFlow, before: write, in: bodyFlow, peers: peers, analysis: analysis)
                && !Self.handsOff(to: event, after: spawnEvent, in: creatorFlow, from: write, in: bodyFlow)
                && !talksThrough(event, after: spawnEvent, in: creatorFlow, from: write, in: bodyFlow,
                                 creator: creator, written: binding.id, analysis: analysis)
        }
    }

    /// Whether the body releases an object after its write (`s.Release()`, `c.Signal()`) that the
    /// creator acquires before its access (`s.Acquire()`, `c.Wait()`): a semaphore or condition
    /// handing the data over, which orders the two.
    static func handsOff(to access: FlowEvent, after spawn: FlowEvent, in creatorFlow: [FlowEvent], from write: FlowEvent, in bodyFlow: [FlowEvent]) -> Bool {
        let pairs = ["Release": "Acquire", "release": "acquire", "Signal": "Wait", "signal": "wait", "Post": "Wait"]
        let released = bodyFlow.compactMap { event -> (BindingID, String)? in
            guard event.order > write.order, event.function == write.function, event.context.branchDepth <= write.context.branchDepth,
                  case .call(let call) = event.step, let receiver = call.receiver, let acquire = pairs[call.name]
            else { return nil }
            return (receiver, acquire)
        }
        guard !released.isEmpty else { return false }
        return creatorFlow.contains { event in
            guard event.order > spawn.order, event.order < access.order, event.function == access.function,
                  event.context.branchDepth <= access.context.branchDepth,
                  case .call(let call) = event.step, let receiver = call.receiver
            else { return false }
            return released.contains { $0.0 == receiver && $0.1 == call.name }
        }
    }
}
