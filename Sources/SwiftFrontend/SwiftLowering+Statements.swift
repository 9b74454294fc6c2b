import ConcModel
import SwiftSyntax

extension SwiftLowering {
    func lowerBlock(_ statements: CodeBlockItemListSyntax) {
        withScope {
            for item in statements { lowerItem(item) }
        }
    }

    func lowerBody(_ block: CodeBlockSyntax) -> [Step] {
        collect { lowerBlock(block.statements) }
    }

    func lowerStmt(_ stmt: StmtSyntax) {
        depth += 1
        defer { depth -= 1 }
        guard depth < Self.maximumDepth else { tooDeep = true; return }
        switch stmt.as(StmtSyntaxEnum.self) {
        case .expressionStmt(let node):
            lowerExpr(node.expression)
        case .guardStmt(let node):
            let conditionSteps = collect { lowerConditions(node.conditions) }
            for step in conditionSteps { emit(step) }
            let elseSteps = lowerBody(node.body)
            var branch = Branch(arms: [elseSteps], isExhaustive: false, isGuard: true, range: range(node))
            branch.testedCalls = testedCalls(in: conditionSteps)
            emit(.branch(branch))
            // `guard lock.try() else { return }`: the lock is held from here on.
            if let held = Self.lockTaken(by: node.conditions, steps: conditionSteps) { emit(.sync(held)) }
            // Names bound by `guard let` are in scope after the guard, not in its else body.
            lowerConditionBindings(node.conditions)
        case .forStmt(let node):
            lowerFor(node)
        case .whileStmt(let node):
            let label = takeLabel()
            let domain = SwiftAPITable.whileDomain(node.conditions)
            var header: [Step] = []
            var body: [Step] = []
            withScope {
                header = collect { lowerConditions(node.conditions); lowerConditionBindings(node.conditions) }
                withBreakTarget(.loop) { body = lowerBody(node.body) }
            }
            var loop = Loop(domain: domain, header: header, body: body, range: range(node))
            loop.label = label
            emit(.loop(loop))
        case .repeatStmt(let node):
            let label = takeLabel()
            var body: [Step] = []
            withBreakTarget(.loop) { body = lowerBody(node.body) }
            let header = collect { lowerExpr(node.condition) }
            let domain: Loop.Domain = node.condition.sourceText == "true" ? .forever : .condition
            var loop = Loop(domain: domain, header: header, body: body, range: range(node))
            loop.label = label
            emit(.loop(loop))
        case .returnStmt(let node):
            if let value = node.expression {
                let saved = pendingHandle
                pendingHandle = .handedOn
                lowerExpr(value)
                pendingHandle = saved
            }
            var exit = Exit(kind: .return, range: range(node))
            if let literal = node.expression?.as(BooleanLiteralExprSyntax.self) {
                exit.returnsBool = literal.literal.tokenKind == .keyword(.true)
            }
            emit(.exit(exit))
        case .throwStmt(let node):
            lowerExpr(node.expression)
            // Caught by an enclosing `catch`: the path goes on in the catch clause, which the
            // model runs after the body.
            if !errorsAreCaught { emit(.exit(Exit(kind: .throw, range: range(node)))) }
        case .breakStmt(let node):
            emit(.exit(breakExit(range: range(node), label: node.label?.text)))
        case .continueStmt(let node):
            emit(.exit(Exit(kind: .loopExit, range: range(node), continuesLoop: true, label: node.label?.text)))
        case .deferStmt(let node):
            let body = lowerBody(node.body)
            emit(.deferred(Deferred(body: body, range: range(node))))
        case .doStmt(let node):
            let catchesAll = node.catchClauses.contains(where: Self.catchesEverything)
            if catchesAll, let id = currentFunction { catchingDepth[id, default: 0] += 1 }
            let body = lowerBody(node.body)
            if catchesAll, let id = currentFunction { catchingDepth[id, default: 0] -= 1 }
            var arms: [[Step]] = [body]
            for clause in node.catchClauses {
                arms.append(collect {
                    withScope {
                        declare(name: "error", kind: .local, isMutable: false, node: clause)
                        lowerBlock(clause.body.statements)
                    }
                })
            }
            if arms.count == 1 {
                for step in body { emit(step) }
            } else {
                // The do body runs; a catch arm may follow it. Modelled as the body then optional arms.
                for step in body { emit(step) }
                emit(.branch(Branch(arms: Array(arms.dropFirst()), isExhaustive: false, range: range(node))))
            }
        case .labeledStmt(let node):
            let statement = node.statement
            let labelsStatement = statement.is(ForStmtSyntax.self) || statement.is(WhileStmtSyntax.self)
                || statement.is(RepeatStmtSyntax.self)
                || statement.as(ExpressionStmtSyntax.self)?.expression.is(SwitchExprSyntax.self) == true
            pendingLabel = labelsStatement ? node.label.text : nil
            lowerStmt(statement)
            pendingLabel = nil
        default:
            for child in stmt.children(viewMode: .sourceAccurate) { lowerAny(child) }
        }
    }

    /// Lowers condition expressions (reads, calls) of `if`/`while`/`guard`.
    func lowerConditions(_ conditions: ConditionElementListSyntax) {
        for element in conditions {
            switch element.condition {
            case .expression(let expr): lowerExpr(expr)
            case .optionalBinding(let binding):
                if let value = binding.initializer?.value { lowerExpr(value) } else {
                    // `if let x` reads x.
                    for (name, _) in Self.names(in: binding.pattern) {
                        if let id = resolve(name) { readAccess(id, path: name, node: binding) }
                    }
                }
            case .matchingPattern(let pattern):
                lowerExpr(pattern.initializer.value)
            case .availability: break
            }
        }
    }

    /// Declares the names bound by `if let` / `guard let` / `case let` conditions.
    func lowerConditionBindings(_ conditions: ConditionElementListSyntax) {
        for element in conditions {
            switch element.condition {
            case .optionalBinding(let binding):
                let isMutable = binding.bindingSpecifier.tokenKind == .keyword(.var)
                for (name, node) in Self.names(in: binding.pattern) {
                    let outer = resolve(name)
                    let facts = outer.map { bindings[$0.index].type } ?? .unknown
                    declare(name: name, kind: .local, isMutable: isMutable, node: node, type: facts)
                }
            case .matchingPattern(let pattern):
                for (name, node) in Self.names(in: pattern.pattern) {
                    declare(name: name, kind: .local, isMutable: false, node: node)
                }
            default: break
            }
        }
    }

    /// `if … else if … else …` as one branch with an arm per clause, however long the chain: a
    /// chain lowered as nested branches would nest the model as deep as the chain is long.
    /// The first condition is evaluated on every path; a later clause's condition is put in its
    /// own arm.
    func lowerIf(_ node: IfExprSyntax) {
        var arms: [[Step]] = []
        var isExhaustive = false
        var tested: [TestedCall] = []
        var clause: IfExprSyntax? = node
        while let current = clause {
            clause = nil
            var conditionSteps: [Step] = []
            var thenSteps: [Step] = []
            withScope {
                conditionSteps = collect { lowerConditions(current.conditions) }
                thenSteps = collect {
                    lowerConditionBindings(current.conditions)
                    lowerBlock(current.body.statements)
                }
            }
            // `if lock.try() { … }` holds the lock in its body.
            if let held = Self.lockTaken(by: current.conditions, steps: conditionSteps) { thenSteps.insert(.sync(held), at: 0) }
            if arms.isEmpty {
                for step in conditionSteps { emit(step) }
                tested = testedCalls(in: conditionSteps)
                arms.append(thenSteps)
            } else {
                arms.append(conditionSteps + thenSteps)
            }
            switch current.elseBody {
            case .codeBlock(let block):
                arms.append(lowerBody(block))
                isExhaustive = true
            case .ifExpr(let nested):
                clause = nested
            case .none:
                break
            }
        }
        var branch = Branch(arms: arms, isExhaustive: isExhaustive, range: range(node))
        branch.testedCalls = tested
        emit(.branch(branch))
    }

    /// The lock a condition that is only `lock.try()` (`tryLock()`, `lockIfAvailable()`) takes
    /// when it holds: the lowered try step, as a lock.
    static func lockTaken(by conditions: ConditionElementListSyntax, steps: [Step]) -> Sync? {
        guard conditions.count == 1, case .expression(let expression) = conditions.first?.condition,
              expression.is(FunctionCallExprSyntax.self)
        else { return nil }
        let tries = steps.compactMap { step -> Sync? in
            if case .sync(let sync) = step, sync.kind == .tryLock { return sync }
            return nil
        }
        guard tries.count == 1, var lock = tries.first else { return nil }
        lock.kind = .lock
        return lock
    }

    func lowerSwitch(_ node: SwitchExprSyntax) {
        let label = takeLabel()
        let subjectStart = stepStack[stepStack.count - 1].count
        lowerExpr(node.subject)
        let tested = testedCalls(since: subjectStart)
        var arms: [[Step]] = []
        var hasDefault = false
        for element in node.cases {
            guard case .switchCase(let switchCase) = element else { continue }
            arms.append(collect {
                withScope {
                    if case .case(let label) = switchCase.label {
                        for item in label.caseItems {
                            for (name, bound) in Self.names(in: item.pattern) {
                                declare(name: name, kind: .local, isMutable: false, node: bound)
                            }
                        }
                    } else {
                        hasDefault = true
                    }
                    withBreakTarget(.switchArm) { for item in switchCase.statements { lowerItem(item) } }
                }
            })
        }
        var branch = Branch(arms: arms, isExhaustive: hasDefault || !arms.isEmpty, range: range(node))
        branch.isSwitch = true
        branch.label = label
        branch.testedCalls = tested
        emit(.branch(branch))
    }

    func lowerFor(_ node: ForStmtSyntax) {
        let label = takeLabel()
        let isAsync = node.awaitKeyword != nil
        let sequence = node.sequence
        let header = collect { lowerExpr(sequence) }
        let domain: Loop.Domain
        if isAsync {
            // Only the stream itself is named: `stream.prefix(3)` is another sequence, which may end.
            let isStreamItself = sequence.is(DeclReferenceExprSyntax.self) || sequence.is(MemberAccessExprSyntax.self)
            let base = isStreamItself ? SwiftAPITable.rootName(of: sequence) : nil
            domain = .asyncSequence(base.flatMap(resolve))
        } else {
            domain = SwiftAPITable.forDomain(sequence)
        }
        var variables: [BindingID] = []
        var body: [Step] = []
        withScope {
            for (name, bound) in Self.names(in: node.pattern) {
                variables.append(declare(name: name, kind: .loopVariable, isMutable: false, node: bound))
            }
            body = collect {
                if let condition = node.whereClause?.condition { lowerExpr(condition) }
                withBreakTarget(.loop) { lowerBlock(node.body.statements) }
            }
        }
        if domain != .collection || isAsync { mentionsConcurrency = mentionsConcurrency || isAsync }
        var loop = Loop(domain: domain, variables: variables, header: header, body: body, range: range(node))
        loop.label = label
        loop.elementsFromInput = domain == .collection && sequenceIsInput(sequence)
        emit(.loop(loop))
    }

    /// Whether a `for … in` sequence's elements come from input (see
    /// ``ConcModel/Loop/elementsFromInput``): a declared function's parameter, or a local `var`
    /// the function builds up. Properties, globals and constants of unknown size are not.
    func sequenceIsInput(_ sequence: ExprSyntax) -> Bool {
        guard let reference = sequence.as(DeclReferenceExprSyntax.self), let id = resolve(reference.baseName.text)
        else { return false }
        let binding = bindings[id.index]
        switch binding.kind {
        case .parameter: return binding.function.map { functions[$0.index].kind == .declared } ?? false
        case .local: return binding.isMutable
        default: return false
        }
    }
}
