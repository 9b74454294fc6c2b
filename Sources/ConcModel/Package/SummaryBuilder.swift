/// Builds the ``FunctionSummary`` of every declared function, spawned closure and escaping
/// closure of a unit. Closures run in place (`withLock { }`, `forEach`) are part of the summary
/// of the body that runs them.
///
/// The walk follows each body once in source order with the locks held: a lock step adds to
/// them, an unlock removes, a critical section holds its lock for its body, a `defer`red unlock
/// keeps the lock until the function exits. Branch arms that reach the join point are merged (a
/// lock held on some arm is held "maybe", on every arm "definitely"); arms that return or break
/// do not reach it. Cost is linear in the steps of the unit.
public struct SummaryBuilder {
    let unit: Unit
    /// How each closure runs, from the step that uses it.
    private var roles: [FunctionID: FunctionSummary.ClosureRole] = [:]
    private var inPlace: Set<FunctionID> = []
    private var keys: [FunctionID: String] = [:]

    public init(unit: Unit) {
        self.unit = unit
    }

    /// Every summary of the unit, in function order.
    public mutating func summaries() -> [FunctionSummary] {
        for function in unit.functions {
            Self.forEachStep(function.body) { step in
                switch step {
                case .spawn(let spawn): if let body = spawn.body { roles[body] = .spawned }
                case .closure(let use):
                    if use.invocation == .inPlace { inPlace.insert(use.function) } else { roles[use.function] = roles[use.function] ?? .escaping }
                case .critical(let critical):
                    Self.forEachStep(critical.body) { inner in
                        if case .closure(let use) = inner { inPlace.insert(use.function) }
                    }
                default: break
                }
            }
        }
        var closureCounts: [String: Int] = [:]
        var enclosingOf: [FunctionID: FunctionID] = [:]
        for function in unit.functions {
            let key: String
            var enclosing = function.id
            switch function.kind {
            case .declared, .topLevel:
                // Methods are known by their type wherever they are written (a Swift script
                // declares its types inside its top-level code); nested functions by their parent.
                if let owner = function.ownerType {
                    key = "\(owner).\(function.name)"
                } else if let parent = function.parent, unit[parent].kind != .topLevel, let parentKey = keys[parent] {
                    key = parentKey + "." + function.name
                } else {
                    key = function.name
                }
            case .closure:
                var cursor = function.parent
                var guardCount = 0
                while let id = cursor, unit[id].kind == .closure, guardCount < 10_000 { cursor = unit[id].parent; guardCount += 1 }
                enclosing = cursor ?? function.id
                let parentKey = cursor.flatMap { keys[$0] } ?? "closure"
                closureCounts[parentKey, default: 0] += 1
                key = "\(parentKey)#\(closureCounts[parentKey] ?? 0)"
            }
            keys[function.id] = key
            enclosingOf[function.id] = enclosing
        }
        var result: [FunctionSummary] = []
        var indexOf: [FunctionID: Int] = [:]
        var heldAtCreation: [FunctionID: [HeldLock]] = [:]
        for function in unit.functions where function.kind != .closure || !inPlace.contains(function.id) {
            let key = keys[function.id] ?? function.name
            let enclosing = enclosingOf[function.id].flatMap { keys[$0] } ?? key
            var made = summary(of: function, key: key, enclosing: enclosing) { closure, held in
                heldAtCreation[closure, default: []] += held.filter { lock in !heldAtCreation[closure, default: []].contains(lock) }
            }
            made.isTestCode = unit.isTestCode
            indexOf[function.id] = result.count
            result.append(made)
        }
        for (closure, held) in heldAtCreation {
            if let index = indexOf[closure], result[index].closureRole == .escaping { result[index].heldAtCreation = held }
        }
        return result
    }

    private func summary(
        of function: Function, key: String, enclosing: String, created: (FunctionID, [HeldLock]) -> Void
    ) -> FunctionSummary {
        var walker = Walker(unit: unit, function: function, keys: keys)
        var end = walker.walk(function.body, State(held: []))
        if !end.exited { walker.runFrameDefers(&end, at: function.range) }
        for (closure, held) in walker.escapingClosures { created(closure, held) }
        let parameterTypes = function.parameters.filter { unit[$0].kind != .receiver }.map { unit[$0].type.name }
        let role: FunctionSummary.ClosureRole = function.kind == .closure ? (roles[function.id] ?? .escaping) : .none
        var made = FunctionSummary(
            key: key, name: function.name, ownerType: function.ownerType, path: unit.file.path, range: function.range,
            kind: function.kind, entry: function.entry, isolation: function.isolation, isExported: function.isExported,
            isInitializer: function.isInitializer,
            requiresHeldLock: function.documentedAsLockHeld || LockConvention.nameRequiresHeldLock(function.name),
            closureRole: role, enclosingKey: enclosing, parameterTypes: parameterTypes, events: walker.events,
            heldOnExit: Self.merge([end] + walker.returns).held.filter { held in !walker.deferredReleases.contains(held.lock) })
        made.selectReceives = walker.selectReceives
        made.errorResults = function.errorResults
        made.closedChannels = walker.closedChannels
        made.deferredReleases = walker.deferredReleases
        made.repeatedReleases = walker.repeatedReleases
        return made
    }

    /// The locks held on a path, the locks it took and released since, the `defer`s it
    /// registered and has not run, and whether the path has left the body.
    struct State {
        var held: [HeldLock]
        var exited = false
        var released: [ReleasedLock] = []
        var defers: [PendingDefer] = []
    }

    /// Joins the states of paths that meet: a lock held on some is held maybe, on all definitely;
    /// a lock released on all stays released; a `defer` registered on some runs maybe.
    static func merge(_ states: [State]) -> State {
        let live = states.filter { !$0.exited }
        guard !live.isEmpty else { return State(held: [], exited: true) }
        var held: [HeldLock] = []
        for state in live {
            for lock in state.held where !held.contains(where: { $0.lock == lock.lock && $0.isRead == lock.isRead }) {
                var merged = lock
                merged.isDefinite = live.allSatisfy { other in
                    other.held.contains { $0.lock == lock.lock && $0.isRead == lock.isRead && $0.isDefinite }
                }
                held.append(merged)
            }
        }
        return State(held: held, released: mergedReleases(live), defers: mergedDefers(live))
    }

    /// Calls `visit` on every step in `steps`, depth first, including compound steps' children
    /// (not the bodies of closures, which are functions of their own). Stops 400 levels down.
    public static func forEachStep(_ steps: [Step], depth: Int = 0, _ visit: (Step) -> Void) {
        guard depth < 400 else { return }
        for step in steps {
            visit(step)
            switch step {
            case .loop(let loop):
                forEachStep(loop.header, depth: depth + 1, visit)
                forEachStep(loop.body, depth: depth + 1, visit)
            case .branch(let branch): for arm in branch.arms { forEachStep(arm, depth: depth + 1, visit) }
            case .deferred(let deferred): forEachStep(deferred.body, depth: depth + 1, visit)
            case .critical(let critical): forEachStep(critical.body, depth: depth + 1, visit)
            case .select(let select): for selectCase in select.cases { forEachStep(selectCase.body, depth: depth + 1, visit) }
            case .spawn(let spawn): forEachStep(spawn.arguments, depth: depth + 1, visit)
            default: break
            }
        }
    }
}
