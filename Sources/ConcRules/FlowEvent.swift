import ConcModel

/// A loop around an event, outermost first in ``FlowContext/loops``.
public struct LoopFrame: Sendable, Hashable {
    public var domain: Loop.Domain
    public var range: SourceRange
    public var variables: [BindingID]
    /// The binding a collection loop ranges over, when known.
    public var source: BindingID?
    /// See ``ConcModel/Loop/elementsFromInput``.
    public var elementsFromInput = false
    /// See ``ConcModel/Loop/receivesSignals``.
    public var receivesSignals = false
    /// See ``ConcModel/Loop/mostIterations``.
    public var mostIterations: Int?
}

/// Where an event happens within its flow.
public struct FlowContext: Sendable {
    /// Loops around the event, outermost first.
    public var loops: [LoopFrame] = []
    /// Paths of locks held (taken by `lock` and not yet released on this path).
    public var heldLocks: Set<String> = []
    /// Inside `withLock { }`, `queue.sync { }` or another critical section.
    public var inCritical = false
    /// Inside a `defer` body.
    public var inDefer = false
    /// Inside a branch arm.
    public var branchDepth = 0
    /// Inside a `select` case.
    public var inSelect = false
    /// The atomic turns of the branch arms around the event (``Branch/turn``).
    public var turns: [AtomicTurn] = []
    /// The branch arms and select cases around the event, outermost first.
    public var arms: [Arm] = []

    /// One arm of a branch or case of a select: the compound's range and the arm's position.
    public struct Arm: Hashable, Sendable {
        public var compound: SourceRange
        public var index: Int
    }

    public init() {}

    /// Whether this context and `other` lie in different arms of one branch or select, so that
    /// no run reaches both.
    public func isExclusive(with other: FlowContext) -> Bool {
        arms.contains { arm in other.arms.contains { $0.compound == arm.compound && $0.index != arm.index } }
    }

    /// Whether the event is protected by a lock or serial executor.
    public var isGuarded: Bool { inCritical || !heldLocks.isEmpty }
}

/// One non-compound step of a flow, with its context and order.
public struct FlowEvent: Sendable {
    public var step: Step
    public var context: FlowContext
    /// Position in the flow, 0-based, in source order.
    public var order: Int
    /// The function whose body holds the step (an in-place closure's own id when inlined).
    public var function: FunctionID
    public var range: SourceRange
}

/// Flattens a body into events, inlining in-place closures and tracking locks.
struct FlowBuilder {
    let unit: Unit
    let owner: FunctionID
    var events: [FlowEvent] = []
    var inlinedFunctions: [FunctionID] = []
    private var functionStack: [FunctionID]

    init(unit: Unit, owner: FunctionID) {
        self.unit = unit
        self.owner = owner
        self.functionStack = [owner]
    }

    static let maximumDepth = 400
    private var walkDepth = 0

    mutating func append(_ step: Step, _ context: FlowContext, _ range: SourceRange) {
        events.append(FlowEvent(step: step, context: context, order: events.count, function: functionStack.last ?? owner, range: range))
    }

    /// Walks `steps`; returns the locks held at the end.
    @discardableResult
    mutating func walk(_ steps: [Step], context start: FlowContext) -> Set<String> {
        // The front ends cap nesting; this keeps a deeper model from overflowing the stack.
        walkDepth += 1
        defer { walkDepth -= 1 }
        guard walkDepth < Self.maximumDepth else { return start.heldLocks }
        var context = start
        for step in steps {
            switch step {
            case .declare(let id):
                append(step, context, unit[id].range)
            case .access(let access):
                append(step, context, access.range)
            case .spawn(let spawn):
                walk(spawn.arguments, context: context)
                append(step, context, spawn.range)
            case .closure(let use):
                if use.invocation == .inPlace, functionStack.count < 64 {
                    inlinedFunctions.append(use.function)
                    functionStack.append(use.function)
                    context.heldLocks = walk(unit[use.function].body, context: context)
                    functionStack.removeLast()
                } else {
                    append(step, context, unit[use.function].range)
                }
            case .loop(let loop):
                var inner = context
                inner.loops.append(LoopFrame(
                    domain: loop.domain, range: loop.range, variables: loop.variables, source: loop.source,
                    elementsFromInput: loop.elementsFromInput, receivesSignals: loop.receivesSignals,
                    mostIterations: loop.mostIterations))
                append(step, context, loop.range)
                walk(loop.header, context: inner)
                walk(loop.body, context: inner)
            case .branch(let branch):
                var inner = context
                inner.branchDepth += 1
                var held = context.heldLocks
                for (index, arm) in branch.arms.enumerated() {
                    var armContext = inner
                    armContext.arms.append(FlowContext.Arm(compound: branch.range, index: index))
                    if index == 0, let turn = branch.turn { armContext.turns.append(turn) }
                    held.formUnion(walk(arm, context: armContext))
                }
                if branch.isExhaustive && !branch.arms.isEmpty {
                    context.heldLocks = held
                }
            case .deferred(let deferred):
                var inner = context
                inner.inDefer = true
                append(step, context, deferred.range)
                walk(deferred.body, context: inner)
            case .critical(let critical):
                var inner = context
                inner.inCritical = true
                append(step, context, critical.range)
                walk(critical.body, context: inner)
            case .select(let select):
                append(step, context, select.range)
                var inner = context
                inner.inSelect = true
                for (index, selectCase) in select.cases.enumerated() {
                    var caseContext = inner
                    caseContext.arms.append(FlowContext.Arm(compound: select.range, index: index))
                    walk(selectCase.body, context: caseContext)
                }
            case .sync(let sync):
                append(step, context, sync.range)
                switch sync.kind {
                case .lock, .readLock: context.heldLocks.insert(sync.targetPath)
                case .unlock, .readUnlock: context.heldLocks.remove(sync.targetPath)
                case .signal: context.heldLocks.remove("semaphore:" + sync.targetPath)
                default: break
                }
            case .wait(let wait):
                append(step, context, wait.range)
                if wait.kind == .semaphore { context.heldLocks.insert("semaphore:" + wait.targetPath) }
            case .exit(let exit):
                append(step, context, exit.range)
            case .sleep(let sleep):
                append(step, context, sleep.range)
            case .channel(let channel):
                append(step, context, channel.range)
            case .call(let call):
                append(step, context, call.range)
            }
        }
        return context.heldLocks
    }
}
