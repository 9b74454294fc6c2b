import ConcModel

extension Spawn.Kind {
    /// How messages name the spawned work: "goroutine", "thread", "task", …
    public var noun: String {
        switch self {
        case .goroutine: "goroutine"
        case .thread: "thread"
        case .task: "task"
        case .detachedTask: "detached task"
        case .dispatchAsync: "dispatched work item"
        case .concurrentPerform: "concurrent iteration"
        case .groupChild: "group child task"
        case .operation: "operation"
        case .userDeclared: "spawned function"
        }
    }
}

extension Spawn.Kind {
    /// Whether each instance holds an OS thread while it runs or waits (a thread, a global-queue
    /// work item, an operation), rather than a goroutine's or task's few kilobytes.
    var holdsThread: Bool {
        switch self {
        case .thread, .dispatchAsync, .operation: true
        case .goroutine, .task, .detachedTask, .concurrentPerform, .groupChild, .userDeclared: false
        }
    }
}

extension Access.WriteKind {
    /// The verb messages use for the write: "increments", "appends to", …
    var verb: String {
        switch self {
        case .assign: "assigns"
        case .compound: "updates"
        case .increment: "increments"
        case .append: "appends to"
        case .insertRemove: "inserts into"
        case .remove: "removes from"
        case .indexStore: "stores into"
        case .mapStore: "stores into map"
        case .mutatingCall: "mutates"
        case .fieldStore: "stores into"
        }
    }
}

extension Binding.Kind {
    /// How messages name the binding: "captured variable", "package variable", …
    func noun(facts: LanguageFacts) -> String {
        switch self {
        case .global: facts.spelling.globalVariable
        case .property: "property"
        case .receiver: "receiver"
        case .loopVariable: "loop variable"
        default: "captured variable"
        }
    }
}

extension UnitAnalysis {
    /// Whether the spawn starts more than one instance of its body: it sits in a loop, or the
    /// API runs the body many times.
    func isRepeated(_ event: FlowEvent) -> Bool {
        guard case .spawn(let spawn) = event.step else { return false }
        if spawn.kind == .concurrentPerform { return true }
        return event.context.loops.contains { frame in
            if case .constantCount(let count) = frame.domain { return count > 1 }
            return true
        }
    }

    /// Whether instances of the spawn started by different iterations of a loop share `binding`:
    /// the spawn repeats in a loop that encloses the binding's declaration (or the binding is a
    /// loop variable all iterations share), or the API runs the body many times.
    func isRepeated(_ event: FlowEvent, sharing binding: Binding) -> Bool {
        guard case .spawn(let spawn) = event.step else { return false }
        if spawn.kind == .concurrentPerform { return true }
        return event.context.loops.contains { frame in
            if case .constantCount(let count) = frame.domain, count <= 1 { return false }
            if frame.variables.contains(binding.id) { return !binding.isPerIteration }
            let declaredInside = frame.range.start.offset <= binding.range.start.offset
                && binding.range.start.offset < frame.range.end.offset
            return !declaredInside
        }
    }

    /// The first blocking wait in `flow` after `order` (a join, group wait, receive, await, …),
    /// excluding cancellation, which does not wait.
    func firstWait(in flow: [FlowEvent], after order: Int) -> FlowEvent? {
        flow.first { event in
            guard event.order > order else { return false }
            if case .wait(let wait) = event.step { return wait.kind != .cancel && wait.kind != .suspension }
            if case .channel(let channel) = event.step, channel.kind == .receive { return true }
            if case .select = event.step { return true }
            if case .loop(let loop) = event.step {
                if case .asyncSequence = loop.domain { return true }
                if case .channel = loop.domain { return true }
            }
            if case .call(let call) = event.step, waitingFunctionNames.contains(call.name) { return true }
            return false
        }
    }

    /// Whether a spawned body ends the process or never returns (a watchdog or daemon), so nobody
    /// is meant to wait for it.
    func isDaemon(_ body: FunctionID) -> Bool {
        for event in flows[body.index] {
            if case .exit(let exit) = event.step, exit.kind == .processExit || exit.kind == .panic,
               event.context.loops.isEmpty, event.context.branchDepth == 0 {
                return true
            }
            if case .loop(let loop) = event.step, event.context.loops.isEmpty {
                if loop.domain == .forever { return true }
            }
            // Serves until the process ends (`http.ListenAndServe`), in a retry loop or not.
            if case .wait(let wait) = event.step, wait.kind == .forever, event.context.branchDepth == 0 { return true }
        }
        return false
    }
}
