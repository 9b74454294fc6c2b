import ConcModel

/// Products computed once per unit and shared by every rule: each function's flow of events in
/// source order, with the loops, locks and critical sections around each, and an index of spawns.
public final class UnitAnalysis: Sendable {
    public let unit: Unit
    /// Each function's flow, by function index. Closures run in place are inlined into the flow
    /// of the function that runs them; spawned and escaping closures have flows of their own.
    public let flows: [[FlowEvent]]
    /// Every spawn, in source order, with its flow context.
    public let spawns: [FlowEvent]
    /// For a function that is a spawned body: the spawn event that starts it.
    public let spawnOfBody: [FunctionID: FlowEvent]
    /// For each function: the function whose flow it is inlined into (itself when not inlined).
    public let flowOwner: [FunctionID]
    /// Names of declared functions whose flow (or a callee's, by name, transitively) waits.
    public let waitingFunctionNames: Set<String>
    /// The file's declared functions, for following a call or a `go f()` into its callee.
    let declaredCallees: DeclaredCallees

    public init(_ unit: Unit) {
        self.unit = unit
        var owner = unit.functions.map(\.id)
        var inlined = Set<FunctionID>()
        for function in unit.functions {
            Self.forEachStep(function.body) { step in
                if case .closure(let use) = step, use.invocation == .inPlace { inlined.insert(use.function) }
                if case .critical(let critical) = step {
                    Self.forEachStep(critical.body) { inner in
                        if case .closure(let use) = inner { inlined.insert(use.function) }
                    }
                }
            }
        }
        var flows: [[FlowEvent]] = Array(repeating: [], count: unit.functions.count)
        for function in unit.functions where !inlined.contains(function.id) {
            var builder = FlowBuilder(unit: unit, owner: function.id)
            builder.walk(function.body, context: FlowContext())
            flows[function.id.index] = builder.events
            for inlinedID in builder.inlinedFunctions { owner[inlinedID.index] = function.id }
        }
        self.flows = flows
        self.flowOwner = owner
        var spawns: [FlowEvent] = []
        var spawnOfBody: [FunctionID: FlowEvent] = [:]
        for flow in flows {
            for event in flow {
                if case .spawn(let spawn) = event.step {
                    spawns.append(event)
                    if let body = spawn.body { spawnOfBody[body] = event }
                }
            }
        }
        self.spawns = spawns.sorted { $0.range.start < $1.range.start }
        self.spawnOfBody = spawnOfBody
        self.waitingFunctionNames = Self.waitingFunctions(unit: unit, flows: flows)
        self.declaredCallees = DeclaredCallees(unit)
    }

    /// The flow that `function`'s steps are part of.
    public func flow(of function: FunctionID) -> [FlowEvent] {
        flows[flowOwner[function.index].index]
    }

    /// Whether a binding is declared outside `function` (so `function` captures or shares it).
    public func isDeclaredOutside(_ binding: Binding, _ function: FunctionID) -> Bool {
        guard let declaring = binding.function else { return true }
        return !unit.function(declaring, isInside: function)
    }

    /// Calls `visit` on every step in `steps`, depth first, including compound steps' children.
    /// Stops below ``FlowBuilder/maximumDepth`` levels, as the flow walk does.
    static func forEachStep(_ steps: [Step], depth: Int = 0, _ visit: (Step) -> Void) {
        SummaryBuilder.forEachStep(steps, depth: depth, visit)
    }

    private static func waitingFunctions(unit: Unit, flows: [[FlowEvent]]) -> Set<String> {
        var waiting = Set<String>()
        var calls: [String: Set<String>] = [:]
        for function in unit.functions where function.kind == .declared {
            for event in flows[function.id.index] {
                switch event.step {
                case .wait(let wait) where wait.kind != .cancel: waiting.insert(function.name)
                case .call(let call): calls[function.name, default: []].insert(call.name)
                default: break
                }
            }
        }
        var changed = true
        var rounds = 0
        while changed && rounds < 50 {
            changed = false
            rounds += 1
            for (name, callees) in calls where !waiting.contains(name) && !callees.isDisjoint(with: waiting) {
                waiting.insert(name)
                changed = true
            }
        }
        return waiting
    }
}
