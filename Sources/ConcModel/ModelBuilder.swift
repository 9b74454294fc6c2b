/// The bookkeeping both front ends share while lowering a file: lexical scopes, the function
/// being built, the step lists under construction, and the unit's binding and function tables.
///
/// A front end subclasses it, walks its syntax tree once in evaluation order, and calls
/// ``emit(_:)``, ``collect(_:)``, ``declare(name:kind:isMutable:range:type:isInOut:)`` and
/// ``function(name:kind:entry:isAsync:isolation:ownerType:range:build:)`` as it goes.
open class ModelBuilder {
    public let file: SourceFile
    public var functions: [Function] = []
    public var bindings: [Binding] = []
    /// Lexical scopes of the function being lowered, innermost last.
    public var scopes: [[String: BindingID]] = []
    /// File-level names, visible everywhere in the file.
    public var globals: [String: BindingID] = [:]
    /// The function whose body is being built, innermost last.
    public var functionStack: [FunctionID] = []
    /// Step lists under construction, innermost last.
    public var stepStack: [[Step]] = [[]]
    /// The project's own spawn, wait and lock APIs (`.conclint.yml`), which the front end
    /// recognises besides its built-in tables.
    public var extensions: APIExtensions = .none
    /// What an unlabeled `break` leaves, innermost last.
    public var breakTargets: [BreakTarget] = []
    /// The calls whose results each local holds (`v, ok := c.Get(k)`), by the calls' ranges,
    /// for ``Branch/testedCalls`` (``noteCallResults(_:since:)``).
    public var callResults: [BindingID: [TestedCall]] = [:]

    public init(file: SourceFile) {
        self.file = file
    }

    public var currentFunction: FunctionID? { functionStack.last }

    /// The isolation of the function being built.
    public var currentIsolation: Isolation {
        guard let id = currentFunction else { return .nonisolated }
        return functions[id.index].isolation
    }

    /// Appends a step to the innermost list.
    /// What a `break` without a label leaves.
    public enum BreakTarget: Sendable {
        /// A `for`, `while` or `repeat` loop: `break` leaves it.
        case loop
        /// A `switch` (Go `switch`, type switch; Swift `switch`): `break` ends the arm.
        case switchArm
        /// A Go `select`.
        case select
    }

    /// Runs `body` with a `break` target pushed.
    public func withBreakTarget(_ target: BreakTarget, _ body: () -> Void) {
        breakTargets.append(target)
        body()
        breakTargets.removeLast()
    }

    /// The exit a `break` makes: out of the innermost loop, select or switch arm, or the
    /// statement its label names.
    public func breakExit(range: SourceRange, label: String?) -> Exit {
        if let label { return Exit(kind: .loopExit, range: range, label: label) }
        return Exit(kind: .loopExit, range: range, endsSwitchArm: breakTargets.last == .switchArm)
    }

    /// The label written before the statement being lowered (`outer: for …`), taken once by the
    /// loop or switch it labels.
    public var pendingLabel: String?

    /// Returns ``pendingLabel`` and clears it, so that only the statement it labels gets it.
    public func takeLabel() -> String? {
        defer { pendingLabel = nil }
        return pendingLabel
    }

    public func emit(_ step: Step) {
        stepStack[stepStack.count - 1].append(withPlaces(step))
    }

    /// The structured path of `path` as written in this front end's language, rooted at `root`
    /// (or at the binding the path's first name resolves to when `root` is `nil`); `nil` when no
    /// binding roots it. Each front end parses its own spelling (Go `*p`, `a[…]`; Swift `self.`).
    open func place(ofPath path: String, root: BindingID?) -> Place? { nil }

    /// Fills the structured paths of a step the front end built with paths as written.
    private func withPlaces(_ step: Step) -> Step {
        switch step {
        case .access(var access) where access.place == nil:
            access.place = place(ofPath: access.path, root: access.binding)
            return .access(access)
        case .sync(var sync) where sync.targetPlace == nil:
            sync.targetPlace = place(ofPath: sync.targetPath, root: sync.target)
            return .sync(sync)
        case .wait(var wait) where wait.targetPlace == nil && wait.target != nil:
            wait.targetPlace = place(ofPath: wait.targetPath, root: wait.target)
            return .wait(wait)
        case .channel(var channel) where channel.channelPlace == nil && channel.channel != nil:
            channel.channelPlace = place(ofPath: channel.channelPath, root: channel.channel)
            return .channel(channel)
        case .select(var select) where select.cases.contains(where: { $0.channelPlace == nil && $0.channel != nil }):
            for index in select.cases.indices where select.cases[index].channelPlace == nil && select.cases[index].channel != nil {
                select.cases[index].channelPlace = place(ofPath: select.cases[index].channelPath, root: select.cases[index].channel)
            }
            return .select(select)
        case .critical(var critical) where critical.guardPlace == nil:
            critical.guardPlace = place(ofPath: critical.guardPath, root: nil)
            return .critical(critical)
        default:
            return step
        }
    }

    /// Runs `body` with a fresh step list and returns the steps it emitted.
    public func collect(_ body: () -> Void) -> [Step] {
        stepStack.append([])
        body()
        return stepStack.removeLast()
    }

    public func withScope(_ body: () -> Void) {
        scopes.append([:])
        body()
        scopes.removeLast()
    }

    /// Creates a binding without bringing it into scope (so an initializer cannot see it).
    /// `function` defaults to the function being built; pass `.some(nil)` for file-level names.
    public func makeBinding(
        name: String, kind: Binding.Kind, isMutable: Bool, range: SourceRange, type: TypeFacts = .unknown,
        isPerIteration: Bool = true, isIsolated: Bool = false, isInOut: Bool = false,
        function: FunctionID?? = nil
    ) -> BindingID {
        let id = BindingID(bindings.count)
        bindings.append(
            Binding(
                id: id, name: name, kind: kind, isMutable: isMutable, isPerIteration: isPerIteration,
                function: function ?? currentFunction, range: range, type: type, isInOut: isInOut,
                isIsolated: isIsolated))
        return id
    }

    /// Brings `id` into the innermost scope (or the file scope) and records the declaration step.
    public func bringIntoScope(_ id: BindingID) {
        let name = bindings[id.index].name
        guard name != "_" else { return }
        if scopes.isEmpty { globals[name] = id } else { scopes[scopes.count - 1][name] = id }
        emit(.declare(id))
    }

    @discardableResult
    public func declare(
        name: String, kind: Binding.Kind, isMutable: Bool, range: SourceRange, type: TypeFacts = .unknown,
        isPerIteration: Bool = true, isInOut: Bool = false
    ) -> BindingID {
        let id = makeBinding(
            name: name, kind: kind, isMutable: isMutable, range: range, type: type,
            isPerIteration: isPerIteration, isInOut: isInOut)
        bringIntoScope(id)
        return id
    }

    /// The innermost binding of `name` in the function scopes, then the file scope.
    /// The bindings read by the steps emitted since `first` in the current list: what an
    /// initializer derives its value from.
    public func readBindings(since first: Int) -> [BindingID] {
        let steps = stepStack[stepStack.count - 1]
        guard first < steps.count else { return [] }
        var result: [BindingID] = []
        for step in steps[first...] {
            if case .access(let access) = step, access.kind == .read, !result.contains(access.binding) {
                result.append(access.binding)
            }
            if result.count >= 8 { break }
        }
        return result
    }

    public func resolveLexically(_ name: String) -> BindingID? {
        for scope in scopes.reversed() {
            if let id = scope[name] { return id }
        }
        return globals[name]
    }

    /// Creates a function, builds its body with `build` (which declares the parameters in the
    /// fresh scope and returns them), and returns its id.
    public func function(
        name: String, kind: Function.Kind, entry: Function.Entry = .none, isAsync: Bool,
        isolation: Isolation, ownerType: String?, range: SourceRange, build: () -> [BindingID]
    ) -> FunctionID {
        let id = FunctionID(functions.count)
        functions.append(
            Function(
                id: id, name: name, kind: kind, entry: entry, isAsync: isAsync, isolation: isolation,
                parent: currentFunction, ownerType: ownerType, range: range))
        functionStack.append(id)
        willBuildFunction()
        var parameters: [BindingID] = []
        let body = collect {
            withScope { parameters = build() }
        }
        didBuildFunction()
        functionStack.removeLast()
        functions[id.index].parameters = parameters
        functions[id.index].body = body
        return id
    }

    /// Hooks around building a function body, for per-function state of a front end.
    open func willBuildFunction() {}
    open func didBuildFunction() {}

    /// Whether the binding is declared inside the function being built (its parameters, locals
    /// and those of closures nested in it).
    public func isPrivateToCurrentFunction(_ id: BindingID) -> Bool {
        guard let current = currentFunction, let owner = bindings[id.index].function else { return false }
        var cursor: FunctionID? = owner
        var steps = 0
        while let function = cursor, steps < 10_000 {
            if function == current { return true }
            cursor = functions[function.index].parent
            steps += 1
        }
        return false
    }
}
