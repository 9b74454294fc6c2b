import ConcModel

/// `callback-race`: a closure handed to a callback API that runs it later on another thread
/// captures a mutable local, and the code that handed it over writes that local afterwards
/// (`heartbeat = loop.scheduleRepeatedTask { heartbeat?.cancel() }`), or reads or writes a local
/// the closure writes, with no lock, wait or isolation ordering the two.
///
/// Evidence of concurrency is required: a spawn that is a callback (a timer's `AfterFunc`, an
/// asynchronous dispatch to a concurrent queue), an escaping closure the front end's API table
/// says runs on another thread (``ClosureUse/runsConcurrently``), or one handed to a method of a
/// type the file declares with concurrency intent (`@unchecked Sendable`, a lock field, a method
/// that starts a thread or goroutine).
struct CallbackRace: Rule {
    static let id = "callback-race"

    func check(_ analysis: UnitAnalysis, context: RuleContext, into findings: inout [Finding]) {
        let unit = analysis.unit
        var reported = Set<SourceRange>()
        for flow in analysis.flows {
            for handOver in flow {
                guard let callback = Self.callback(handOver, analysis: analysis) else { continue }
                let creatorFlow = analysis.flow(of: handOver.function)
                let limit = analysis.firstWait(in: creatorFlow, after: handOver.order)?.order ?? Int.max
                var seen = Set<BindingID>()
                for event in analysis.flows[callback.body.index] {
                    guard case .access(let access) = event.step, !access.isAtomic, !event.context.isGuarded,
                          !seen.contains(access.binding), isCapturedLocal(access.binding, of: handOver, body: callback.body, analysis: analysis),
                          callback.bodyWritesToo || !access.kind.isWrite
                    else { continue }
                    // A closure that writes conflicts with any later access; one that reads, with a later write.
                    guard let later = creatorFlow.first(where: { other in
                        guard other.order > handOver.order, other.order < limit, !other.context.isGuarded,
                              !other.context.isExclusive(with: handOver.context),
                              case .access(let creatorAccess) = other.step, creatorAccess.binding == access.binding,
                              !creatorAccess.isAtomic
                        else { return false }
                        return creatorAccess.kind.isWrite || access.kind.isWrite
                    }), case .access(let creatorAccess) = later.step
                    else { continue }
                    seen.insert(access.binding)
                    guard reported.insert(access.range).inserted else { continue }
                    let binding = unit[access.binding]
                    let what = access.kind.isWrite ? "writes" : "reads"
                    let creatorWhat = creatorAccess.kind.isWrite ? "writes" : "reads"
                    findings.append(context.finding(
                        "callback handed to `\(callback.api)` \(what) variable `\(binding.name)`, which its creator "
                            + "\(creatorWhat) after handing it over, while the callback may already run on another thread",
                        at: access.range,
                        related: [
                            RelatedLocation(range: binding.range, message: "`\(binding.name)` declared here"),
                            RelatedLocation(range: handOver.range, message: "callback handed over here"),
                            RelatedLocation(range: creatorAccess.range, message: "creator \(creatorWhat) `\(binding.name)` here"),
                        ]))
                }
            }
        }
    }

    /// A closure that runs later on another thread, found at `event`.
    struct Callback {
        var body: FunctionID
        var api: String
        /// Whether the closure's writes are this rule's to report; a spawn's are
        /// `shared-mutable-capture`'s.
        var bodyWritesToo: Bool
    }

    static func callback(_ event: FlowEvent, analysis: UnitAnalysis) -> Callback? {
        switch event.step {
        case .spawn(let spawn):
            guard let body = spawn.body, spawn.executor == .concurrent,
                  spawn.startsOnTimer || spawn.kind == .dispatchAsync
            else { return nil }
            return Callback(body: body, api: spawn.api, bodyWritesToo: false)
        case .closure(let use):
            guard use.invocation == .escaping, !analysis.unit[use.function].isolation.isIsolated,
                  use.runsConcurrently || handsToConcurrentType(use, unit: analysis.unit, analysis: analysis)
            else { return nil }
            return Callback(body: use.function, api: use.calleeName ?? "callback", bodyWritesToo: true)
        default:
            return nil
        }
    }

    /// Whether the closure goes to a method of a type this file declares that shows it is used
    /// across threads: `@unchecked Sendable`, a lock among its fields, or a method that starts
    /// concurrent work.
    static func handsToConcurrentType(_ use: ClosureUse, unit: Unit, analysis: UnitAnalysis) -> Bool {
        guard let calleeName = use.calleeName, var typeName = use.receiverType else { return false }
        while typeName.hasSuffix("?") || typeName.hasSuffix("!") { typeName.removeLast() }
        let declarations = unit.types.filter { $0.name == typeName }
        guard !declarations.isEmpty else { return false }
        let methods = unit.functions.filter { $0.kind == .declared && $0.ownerType == typeName }
        let targets = methods.filter { $0.name == calleeName || $0.name.hasPrefix(calleeName + "(") }
        guard !targets.isEmpty else { return false }
        // A method that calls a closure parameter itself runs it in place, on the caller's thread
        // (`lockWhenPresent(key, fill)` calling `fill()`): not a callback.
        if targets.contains(where: { method in
            analysis.flows[method.id.index].contains { event in
                guard case .call(let call) = event.step, let value = call.functionValue else { return false }
                return method.parameters.contains(value)
            }
        }) { return false }
        if declarations.contains(where: { declaration in
            declaration.isUncheckedSendable
                || declaration.fields.contains { $0.type.category == .lock || $0.type.category == .readWriteLock }
        }) { return true }
        return methods.contains { method in
            analysis.spawns.contains { spawn in unit.function(spawn.function, isInside: method.id) }
        }
    }

    /// Whether `id` is a mutable local of the function that hands the closure over (or one around
    /// it), captured by the closure, of a type whose accesses are plain data.
    func isCapturedLocal(_ id: BindingID, of handOver: FlowEvent, body: FunctionID, analysis: UnitAnalysis) -> Bool {
        let unit = analysis.unit
        let binding = unit[id]
        guard binding.kind == .local, binding.isMutable, !binding.isIsolated, !binding.isInOut,
              let declaring = binding.function, unit.function(handOver.function, isInside: declaring),
              analysis.isDeclaredOutside(binding, body)
        else { return false }
        switch binding.type.category {
        case .lock, .readWriteLock, .atomic, .group, .semaphore, .channel, .continuation, .serialQueue, .concurrentQueue:
            return false
        default:
            return true
        }
    }
}
