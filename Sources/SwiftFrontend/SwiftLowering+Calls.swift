import ConcModel
import SwiftSyntax

extension SwiftLowering {
    /// A call's callee split into the receiver expression and the final name.
    struct Callee {
        var base: ExprSyntax?
        var baseText: String
        var name: String
        /// `.name(…)` with no base: a static member or enum case of the contextual type
        /// (`$0 = .initialized(v)`), never a method of `self` nor a free function.
        var isImplicitMember = false
        var text: String { isImplicitMember ? "." + name : baseText.isEmpty ? name : baseText + "." + name }
    }

    func callee(of call: FunctionCallExprSyntax) -> Callee {
        var called = call.calledExpression
        if let generic = called.as(GenericSpecializationExprSyntax.self) { called = generic.expression }
        if let member = called.as(MemberAccessExprSyntax.self) {
            var base = member.base
            if let generic = base?.as(GenericSpecializationExprSyntax.self) { base = generic.expression }
            let text = base.map { Self.shortText($0) } ?? ""
            return Callee(base: base, baseText: text, name: member.declName.baseName.text, isImplicitMember: base == nil)
        }
        if let reference = called.as(DeclReferenceExprSyntax.self) {
            return Callee(base: nil, baseText: "", name: reference.baseName.text)
        }
        return Callee(base: nil, baseText: "", name: Self.shortText(called))
    }

    /// The source text of an expression, squeezed to one line (for names and messages).
    static func shortText(_ expr: ExprSyntax) -> String {
        // Measured before it is printed: a callee's base can be a long chain of calls.
        let length = expr.endPositionBeforeTrailingTrivia.utf8Offset - expr.positionAfterSkippingLeadingTrivia.utf8Offset
        guard length <= 120 else { return "…" }
        let text = expr.sourceText
        guard !text.utf8.contains(UInt8(ascii: "\n")) else { return "…" }
        return text
    }

    /// Whether `expr` (under any `try`) calls a function or method named `sleep`, or an API the
    /// configuration declares a sleep: an `await` of it is a sleep, not a suspension that waits
    /// for other work. Decided on the call's shape, not its text, so a large awaited closure is
    /// not printed.
    func isSleepCall(_ expr: ExprSyntax) -> Bool {
        var current = expr
        while let wrapped = current.as(TryExprSyntax.self) { current = wrapped.expression }
        guard let call = current.as(FunctionCallExprSyntax.self) else { return false }
        if !extensions.isEmpty {
            let callee = callee(of: call)
            if extensions.role(calleeText: callee.text, name: callee.name) == .sleep { return true }
        }
        if let member = call.calledExpression.as(MemberAccessExprSyntax.self) {
            return member.declName.baseName.text == "sleep"
        }
        return call.calledExpression.as(DeclReferenceExprSyntax.self)?.baseName.text == "sleep"
    }

    func closures(of call: FunctionCallExprSyntax) -> [ClosureExprSyntax] {
        var result: [ClosureExprSyntax] = call.arguments.compactMap { $0.expression.as(ClosureExprSyntax.self) }
        if let trailing = call.trailingClosure { result.append(trailing) }
        result.append(contentsOf: call.additionalTrailingClosures.map(\.closure))
        return result
    }

    /// Lowers the non-closure arguments of a call, each as a value handed on.
    func lowerArguments(_ call: FunctionCallExprSyntax) {
        for argument in call.arguments where !argument.expression.is(ClosureExprSyntax.self) {
            pendingHandle = .handedOn
            lowerExpr(argument.expression)
        }
        pendingHandle = nil
    }

    /// `await f { … }` (or `try await`): structured code runs the closure it is given before the
    /// awaited call returns, so its first closure is taken to run in place.
    static func isAwaited(_ call: FunctionCallExprSyntax) -> Bool {
        var parent = call.parent
        while let node = parent, node.is(TryExprSyntax.self) { parent = node.parent }
        return parent?.is(AwaitExprSyntax.self) == true
    }

    func lowerCall(_ call: FunctionCallExprSyntax, handle: Spawn.Handle?) {
        let callee = callee(of: call)
        let closures = closures(of: call)
        if !extensions.isEmpty, lowerDeclaredAPI(call, callee: callee, closures: closures, handle: handle) { return }
        if let spawn = spawnKind(callee, call: call, hasClosure: !closures.isEmpty) {
            lowerSpawn(call, callee: callee, kind: spawn.kind, executor: spawn.executor, closures: closures, handle: handle)
            return
        }
        if recognizeChannel(call, callee: callee, closures: closures, handle: handle) { return }
        // The receiver is evaluated first.
        var receiver: BindingID?
        var receiverPath = callee.baseText
        if let base = callee.base {
            if let member = base.as(MemberAccessExprSyntax.self), let (id, path) = resolveMemberPath(member) {
                receiver = id
                receiverPath = path
            } else if let reference = base.as(DeclReferenceExprSyntax.self), let id = resolve(reference.baseName.text) {
                receiver = id
            } else if let rootName = SwiftAPITable.rootName(of: base), rootName != "self", let id = resolve(rootName) {
                receiver = id
                lowerExpr(base)
            } else {
                lowerExpr(base)
            }
        }
        lowerArguments(call)
        let site = range(call)
        let receiverFacts = receiver.map { bindings[$0.index].type } ?? .unknown
        if recognizeSync(callee, receiver: receiver, path: receiverPath, facts: receiverFacts, call: call, closures: closures) {
            return
        }
        if let receiver {
            if let writeKind = SwiftAPITable.mutatingMethods[callee.name], receiverFacts.category != .atomic {
                let binding = bindings[receiver.index]
                // A `let` of unknown type may be a class; only mutable storage is a known write.
                if binding.isMutable || binding.kind == .property && binding.isMutable {
                    emit(.access(Access(binding: receiver, kind: .write(writeKind), path: receiverPath, range: site)))
                } else {
                    readAccess(receiver, path: receiverPath, node: call)
                }
            } else {
                emit(.access(Access(binding: receiver, kind: .read, isAtomic: receiverFacts.category == .atomic, path: receiverPath, range: site)))
            }
        }
        var step = Call(callee: callee.text, name: callee.name, receiver: receiver, range: site)
        step.receiverPlace = receiver.flatMap { place(ofPath: receiverPath, root: $0) }
        step.isOnSelf = !typeStack.isEmpty && !callee.isImplicitMember && (callee.base == nil || callee.baseText == "self")
        // `unlock()` with `unlock` a closure variable: a function value, not a declared function.
        if callee.base == nil, !callee.isImplicitMember, let id = resolve(callee.name), bindings[id.index].kind != .property { step.functionValue = id }
        step.argumentPlaces = call.arguments.map { argument in
            let expr = argument.expression.as(InOutExprSyntax.self)?.expression ?? argument.expression
            if let reference = expr.as(DeclReferenceExprSyntax.self), let id = resolve(reference.baseName.text) {
                return Place(root: id)
            }
            if let member = expr.as(MemberAccessExprSyntax.self), let (id, path) = resolveMemberPath(member) {
                return place(ofPath: path, root: id)
            }
            return nil
        }
        emit(.call(step))
        for (index, closure) in closures.enumerated() {
            let inPlace = SwiftAPITable.inPlaceClosureCallees.contains(callee.name)
                || callee.name.hasPrefix("XCTAssert") || callee.name.hasPrefix("XCTExpect")
                || index == 0 && (SwiftAPITable.isScopedBodyCallee(callee.name) || Self.isAwaited(call))
            if index == 0, let groupType = SwiftAPITable.taskGroupScopes[callee.name] {
                pendingFirstParameterType = TypeFacts(.group, name: groupType)
            }
            let id = lowerClosure(closure, isolation: currentIsolation, isAsync: false)
            var use = ClosureUse(function: id, invocation: inPlace ? .inPlace : .escaping)
            use.runsAtMostOnce = SwiftAPITable.isScopedBodyCallee(callee.name)
            if !inPlace {
                use.calleeName = callee.name
                use.receiverType = receiverFacts.name
                use.runsConcurrently = SwiftAPITable.runsCallbackConcurrently(
                    callee.name, receiverText: receiverPath, receiverType: receiverFacts.name)
                if use.runsConcurrently { mentionsConcurrency = true }
            }
            emit(.closure(use))
        }
    }

    // MARK: Spawns

    func spawnKind(_ callee: Callee, call: FunctionCallExprSyntax, hasClosure: Bool) -> (kind: Spawn.Kind, executor: Spawn.Executor)? {
        guard hasClosure else { return nil }
        switch (callee.baseText, callee.name) {
        case ("", "Thread"):
            return (.thread, .concurrent)
        case ("Thread", "detachNewThread"):
            return (.thread, .concurrent)
        case ("", "Task"):
            // `Task { @SomeActor in … }` runs on that actor whatever the creator's isolation.
            if let attributes = closures(of: call).last?.signature?.attributes, let actor = globalActor(in: attributes) {
                return (.task, .isolated(.globalActor(actor)))
            }
            let isolation = currentIsolation
            if isolation.isIsolated { return (.task, .isolated(isolation)) }
            if currentFunctionIsTopLevel { return (.task, .isolated(.globalActor("MainActor"))) }
            return (.task, .concurrent)
        case ("Task", "detached"):
            return (.detachedTask, .concurrent)
        case ("DispatchQueue", "concurrentPerform"):
            return (.concurrentPerform, .blockingCaller)
        case (_, "async"), (_, "asyncAfter"):
            guard let base = callee.base else { return nil }
            return (.dispatchAsync, queueExecutor(base, barrier: Self.hasBarrierFlag(call)))
        case (_, "addTask"), (_, "addTaskUnlessCancelled"), (_, "addImmediateTask"):
            return (.groupChild, .concurrent)
        case (_, "addOperation"):
            return (.operation, operationQueueExecutor(callee.base).executor)
        case (_, "spawn") where callee.base != nil:
            return (.groupChild, .concurrent)
        case (_, "parallelForEach"), (_, "parallelMap"), (_, "parallelFilter"), (_, "parallelReduce"):
            return (.concurrentPerform, .blockingCaller)
        default:
            return nil
        }
    }

    /// What a dispatch queue expression runs work on; `barrier` when the work item carries the
    /// `.barrier` flag.
    ///
    /// A barrier item on a private concurrent queue runs alone, excluded from every other item on
    /// that queue, so it is serial there like a serial queue's work. Dispatch ignores the flag on a
    /// global queue, where the item stays concurrent.
    func queueExecutor(_ base: ExprSyntax, barrier: Bool = false) -> Spawn.Executor {
        let text = Self.shortText(base)
        if text.hasPrefix("DispatchQueue.global") { return .concurrent }
        if text == "DispatchQueue.main" || text == ".main" { return .isolated(.globalActor("MainActor")) }
        if let call = base.as(FunctionCallExprSyntax.self), call.calledExpression.sourceText == "DispatchQueue" {
            let facts = SwiftAPITable.typeFacts(annotation: nil, initializer: base)
            return facts.category == .concurrentQueue && !barrier ? .concurrent : .serial(text)
        }
        var id: BindingID?
        if let reference = base.as(DeclReferenceExprSyntax.self) { id = resolve(reference.baseName.text) }
        if let member = base.as(MemberAccessExprSyntax.self) { id = resolveMemberPath(member)?.0 }
        if let id, bindings[id.index].type.category == .concurrentQueue {
            let isGlobal = bindings[id.index].type.name == SwiftAPITable.globalQueueTypeName
            return barrier && !isGlobal ? .serial(text) : .concurrent
        }
        // A queue we cannot see made is most often serial; precision first.
        return .serial(text)
    }

    /// Whether a dispatch call's `flags:` argument includes `.barrier` (`flags: .barrier`,
    /// `flags: [.barrier, .enforceQoS]`, `DispatchWorkItemFlags.barrier`).
    static func hasBarrierFlag(_ call: FunctionCallExprSyntax) -> Bool {
        guard let flags = call.arguments.first(where: { $0.label?.text == "flags" })?.expression else { return false }
        let members = flags.as(ArrayExprSyntax.self).map { $0.elements.map(\.expression) } ?? [flags]
        return members.contains { $0.as(MemberAccessExprSyntax.self)?.declName.baseName.text == "barrier" }
    }

    func lowerSpawn(
        _ call: FunctionCallExprSyntax, callee: Callee, kind: Spawn.Kind, executor: Spawn.Executor,
        closures: [ClosureExprSyntax], handle: Spawn.Handle?
    ) {
        mentionsConcurrency = true
        var group: BindingID?
        if let base = callee.base, kind == .groupChild || kind == .operation {
            if let name = SwiftAPITable.rootName(of: base) { group = resolve(name) }
        }
        for argument in call.arguments where argument.label?.text == "group" {
            if let name = SwiftAPITable.rootName(of: argument.expression) { group = resolve(name) }
        }
        let arguments = collect {
            if let base = callee.base, kind == .dispatchAsync { lowerExpr(base) }
            lowerArguments(call)
        }
        let bodyIsolation: Isolation
        if case .isolated(let isolation) = executor { bodyIsolation = isolation } else { bodyIsolation = .nonisolated }
        // A ConcRuntime scope's `spawn` runs its closure on a thread; task-group children are async.
        let isAsync = kind == .task || kind == .detachedTask || kind == .groupChild && callee.name != "spawn"
        guard let closure = closures.last else { return }
        let body = lowerClosure(closure, isolation: bodyIsolation, isAsync: isAsync)
        let resolvedHandle: Spawn.Handle
        switch kind {
        case .task, .detachedTask, .thread: resolvedHandle = handle ?? .discarded
        default: resolvedHandle = .none
        }
        let api = callee.text
        var spawn = Spawn(
            kind: kind, body: body, arguments: arguments, executor: executor, handle: resolvedHandle,
            group: group, api: api, range: range(call))
        if kind == .operation { spawn.executorIsLimited = operationQueueExecutor(callee.base).isLimited }
        emit(.spawn(spawn))
    }

    // MARK: Closures

    /// Lowers a closure into its own function and returns its id.
    func lowerClosure(_ node: ClosureExprSyntax, isolation: Isolation, isAsync: Bool) -> FunctionID {
        // Capture-list initializers are evaluated by the creator.
        var captures: [(String, Syntax)] = []
        if let items = node.signature?.capture?.items {
            for item in items {
                if let value = item.initializer?.value { lowerExpr(value) } else if let id = resolve(item.name.text) {
                    readAccess(id, path: item.name.text, node: item)
                }
                captures.append((item.name.text, Syntax(item)))
            }
        }
        var closureIsolation = isolation
        if let attributes = node.signature?.attributes, let actor = globalActor(in: attributes) {
            closureIsolation = .globalActor(actor)
        }
        let signatureAsync = node.signature?.effectSpecifiers?.asyncSpecifier != nil
        let firstParameterType = pendingFirstParameterType ?? .unknown
        // A stream's build closure written with `$0` still has its continuation as parameter.
        let implicitFirstParameter = pendingFirstParameterType != nil
        pendingFirstParameterType = nil
        return function(name: "closure", kind: .closure, isAsync: isAsync || signatureAsync,
                        isolation: closureIsolation, node: node) {
            for (name, captureNode) in captures {
                let outer = resolve(name)
                let facts = outer.map { bindings[$0.index].type } ?? .unknown
                declare(name: name, kind: .captureCopy, isMutable: false, node: captureNode, type: facts)
            }
            var parameters: [BindingID] = []
            switch node.signature?.parameterClause {
            case .simpleInput(let list):
                for parameter in list {
                    let type = parameters.isEmpty ? firstParameterType : .unknown
                    parameters.append(declare(name: parameter.name.text, kind: .parameter, isMutable: false, node: parameter, type: type))
                }
            case .parameterClause(let clause):
                for parameter in clause.parameters {
                    let name = (parameter.secondName ?? parameter.firstName).text
                    let type = parameters.isEmpty ? firstParameterType : .unknown
                    parameters.append(declare(name: name, kind: .parameter, isMutable: false, node: parameter, type: type))
                }
            case .none:
                if implicitFirstParameter,
                   node.statements.tokens(viewMode: .sourceAccurate).contains(where: { $0.tokenKind == .dollarIdentifier("$0") }) {
                    parameters.append(declare(name: "$0", kind: .parameter, isMutable: false, node: node, type: firstParameterType))
                }
            }
            for item in node.statements { lowerItem(item) }
            return parameters
        }
    }
}
