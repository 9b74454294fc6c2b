import ConcModel
import SwiftSyntax

extension SwiftLowering {
    func lowerExpr(_ expr: ExprSyntax) {
        depth += 1
        defer { depth -= 1 }
        guard depth < Self.maximumDepth else { tooDeep = true; return }
        let handle = pendingHandle
        pendingHandle = nil
        switch expr.as(ExprSyntaxEnum.self) {
        case .declReferenceExpr(let node):
            let name = node.baseName.text
            if let id = resolve(name) { readAccess(id, path: name, node: node) }
        case .memberAccessExpr(let node):
            lowerMemberRead(node)
        case .functionCallExpr(let node):
            lowerCall(node, handle: handle)
        case .sequenceExpr(let node):
            lowerSequence(node)
        case .closureExpr(let node):
            let id = lowerClosure(node, isolation: currentIsolation, isAsync: false)
            emit(.closure(ClosureUse(function: id, invocation: .escaping)))
        case .ifExpr(let node):
            lowerIf(node)
        case .switchExpr(let node):
            lowerSwitch(node)
        case .inOutExpr(let node):
            lowerWrite(target: node.expression, kind: .mutatingCall)
        case .awaitExpr(let node):
            pendingHandle = handle
            lowerExpr(node.expression)
            if !isSleepCall(node.expression) {
                emit(.wait(Wait(kind: .suspension, target: nil, targetPath: "await", range: range(node))))
            }
        case .tryExpr(let node):
            pendingHandle = handle
            lowerExpr(node.expression)
            // A plain `try` may leave the function here (`try?` and `try!` do not propagate).
            if node.questionOrExclamationMark == nil, !errorsAreCaught, !currentFunctionIsTopLevel {
                let site = range(node)
                emit(.branch(Branch(arms: [[.exit(Exit(kind: .throw, range: site, isFailedTry: true))]], isExhaustive: false, range: site)))
            }
        case .forceUnwrapExpr(let node):
            pendingHandle = handle
            lowerExpr(node.expression)
        case .optionalChainingExpr(let node):
            lowerExpr(node.expression)
        case .macroExpansionExpr(let node):
            // `#expect { … }`, `#require(…)`: assertion closures run in place.
            for argument in node.arguments { lowerExpr(argument.expression) }
            let closures = (node.trailingClosure.map { [$0] } ?? []) + node.additionalTrailingClosures.map(\.closure)
            for closure in closures {
                let id = lowerClosure(closure, isolation: currentIsolation, isAsync: false)
                emit(.closure(ClosureUse(function: id, invocation: .inPlace)))
            }
        case .subscriptCallExpr(let node):
            lowerExpr(node.calledExpression)
            for argument in node.arguments { lowerExpr(argument.expression) }
        case .stringLiteralExpr(let node):
            // Only interpolations hold expressions; the text segments are skipped unvisited.
            for case .expressionSegment(let segment) in node.segments {
                for argument in segment.expressions { lowerExpr(argument.expression) }
            }
        case .integerLiteralExpr, .floatLiteralExpr, .booleanLiteralExpr, .nilLiteralExpr, .regexLiteralExpr,
            .binaryOperatorExpr, .assignmentExpr, .discardAssignmentExpr, .superExpr, .typeExpr, .arrowExpr,
            .simpleStringLiteralExpr, .editorPlaceholderExpr:
            // Leaves for the model: no binding is read or written in them.
            break
        default:
            for child in expr.children(viewMode: .sourceAccurate) { lowerAny(child) }
        }
    }

    /// Lowers any node the typed paths do not handle, by its expression, statement and
    /// declaration children.
    func lowerAny(_ node: Syntax) {
        if node.is(TokenSyntax.self) { return }
        if let expr = node.as(ExprSyntax.self) { lowerExpr(expr); return }
        if let stmt = node.as(StmtSyntax.self) { lowerStmt(stmt); return }
        if let decl = node.as(DeclSyntax.self) { lowerDecl(decl); return }
        if let item = node.as(CodeBlockItemSyntax.self) { lowerItem(item); return }
        if let block = node.as(CodeBlockSyntax.self) {
            for step in lowerBody(block) { emit(step) }
            return
        }
        depth += 1
        defer { depth -= 1 }
        guard depth < Self.maximumDepth else { tooDeep = true; return }
        for child in node.children(viewMode: .sourceAccurate) { lowerAny(child) }
    }

    func readAccess(_ id: BindingID, path: String, node: some SyntaxProtocol) {
        let binding = bindings[id.index]
        emit(.access(Access(binding: id, kind: .read, isAtomic: binding.type.category == .atomic, path: path, range: range(node))))
    }

    /// `a.b.c` read: an access of the root binding (or of the property behind `self.`).
    func lowerMemberRead(_ node: MemberAccessExprSyntax) {
        guard let base = node.base else { return }
        if let (id, path) = resolveMemberPath(node) {
            let member = node.declName.baseName.text
            if member == "value" || member == "result", bindings[id.index].type.category == .taskHandle
                || node.parent?.is(AwaitExprSyntax.self) == true {
                emit(.wait(Wait(kind: .awaitTask, target: id, targetPath: path, range: range(node))))
                return
            }
            readAccess(id, path: path, node: node)
            // Arguments inside the chain (`a[i].b`, `f(x).y`) are still evaluated.
            lowerChainArguments(base)
            return
        }
        lowerExpr(base)
    }

    /// The binding a member chain reads or writes, and its display path: `self.x` resolves to the
    /// stored property `x`; `b.y.z` to the binding `b`.
    func resolveMemberPath(_ node: MemberAccessExprSyntax) -> (BindingID, String)? {
        var components: [String] = [node.declName.baseName.text]
        var current: ExprSyntax? = node.base
        var steps = 0
        while let expr = current, steps < 64 {
            steps += 1
            if let reference = expr.as(DeclReferenceExprSyntax.self) {
                let name = reference.baseName.text
                if name == "self" || name == "Self" {
                    guard let first = components.last, let id = resolveProperty(first) else { return nil }
                    return (id, (["self"] + components.reversed()).joined(separator: "."))
                }
                guard let id = resolve(name) else { return nil }
                return (id, ([name] + components.reversed()).joined(separator: "."))
            }
            if let member = expr.as(MemberAccessExprSyntax.self) {
                components.append(member.declName.baseName.text)
                current = member.base
                continue
            }
            if let forced = expr.as(ForceUnwrapExprSyntax.self) { current = forced.expression; continue }
            if let optional = expr.as(OptionalChainingExprSyntax.self) { current = optional.expression; continue }
            if let subscriptCall = expr.as(SubscriptCallExprSyntax.self) {
                components.append("[]")
                current = subscriptCall.calledExpression
                continue
            }
            return nil
        }
        return nil
    }

    func lowerChainArguments(_ expr: ExprSyntax) {
        var current: ExprSyntax? = expr
        var steps = 0
        while let node = current, steps < 64 {
            steps += 1
            if let member = node.as(MemberAccessExprSyntax.self) { current = member.base; continue }
            if let subscriptCall = node.as(SubscriptCallExprSyntax.self) {
                for argument in subscriptCall.arguments { lowerExpr(argument.expression) }
                current = subscriptCall.calledExpression
                continue
            }
            if let forced = node.as(ForceUnwrapExprSyntax.self) { current = forced.expression; continue }
            if let optional = node.as(OptionalChainingExprSyntax.self) { current = optional.expression; continue }
            return
        }
    }

    // MARK: Assignment

    static let assignmentOperators: Set<String> = [
        "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<=", ">>=", "&+=", "&-=", "&*=", "&<<=", "&>>=",
    ]

    func lowerSequence(_ node: SequenceExprSyntax) {
        let elements = Array(node.elements)
        guard let index = elements.firstIndex(where: { element in
            element.is(AssignmentExprSyntax.self)
                || (element.as(BinaryOperatorExprSyntax.self).map { Self.assignmentOperators.contains($0.operator.text) } ?? false)
        }), index == 1 else {
            for element in elements { lowerExpr(element) }
            return
        }
        let target = elements[0]
        let isCompound = !elements[1].is(AssignmentExprSyntax.self)
        // The value is evaluated before the store.
        if !isCompound { pendingHandle = handle(forAssignmentTo: target) }
        let valueStart = stepStack[stepStack.count - 1].count
        for element in elements[2...] { lowerExpr(element) }
        pendingHandle = nil
        // A local assigned a call's result holds it (``Branch/testedCalls``).
        if !isCompound, let reference = target.as(DeclReferenceExprSyntax.self), let id = resolve(reference.baseName.text),
           bindings[id.index].kind == .local {
            noteCallResults([id], since: valueStart)
        }
        if target.as(DiscardAssignmentExprSyntax.self) != nil { return }
        if isCompound { lowerReadOfTarget(target) }
        // `table[key] = nil` takes the entry out.
        let removes = elements.count == 3 && elements[2].is(NilLiteralExprSyntax.self) && target.is(SubscriptCallExprSyntax.self)
        lowerWrite(target: target, kind: isCompound ? .compound : removes ? .remove : .assign)
    }

    func handle(forAssignmentTo target: ExprSyntax) -> Spawn.Handle {
        if let member = target.as(MemberAccessExprSyntax.self) {
            return .stored(member.declName.baseName.text)
        }
        if let reference = target.as(DeclReferenceExprSyntax.self), let id = resolve(reference.baseName.text) {
            let binding = bindings[id.index]
            return binding.kind == .property || binding.kind == .global ? .stored(binding.name) : .bound(id)
        }
        return .handedOn
    }

    func lowerReadOfTarget(_ target: ExprSyntax) {
        if let reference = target.as(DeclReferenceExprSyntax.self), let id = resolve(reference.baseName.text) {
            readAccess(id, path: reference.baseName.text, node: reference)
        } else if let member = target.as(MemberAccessExprSyntax.self), let (id, path) = resolveMemberPath(member) {
            readAccess(id, path: path, node: member)
        }
    }

    /// Records a write to the storage `target` names.
    func lowerWrite(target: ExprSyntax, kind: Access.WriteKind) {
        if let tuple = target.as(TupleExprSyntax.self) {
            for element in tuple.elements { lowerWrite(target: element.expression, kind: kind) }
            return
        }
        if let forced = target.as(ForceUnwrapExprSyntax.self) { lowerWrite(target: forced.expression, kind: kind); return }
        if let optional = target.as(OptionalChainingExprSyntax.self) { lowerWrite(target: optional.expression, kind: kind); return }
        if let reference = target.as(DeclReferenceExprSyntax.self) {
            let name = reference.baseName.text
            if let id = resolve(name) { writeAccess(id, kind: kind, path: name, node: reference) }
            return
        }
        if let member = target.as(MemberAccessExprSyntax.self) {
            guard let (id, path) = resolveMemberPath(member) else {
                if let base = member.base { lowerExpr(base) }
                return
            }
            lowerChainArguments(member.base ?? ExprSyntax(member))
            // `self.x = v` writes the property itself; `b.x = v` stores into what `b` refers to.
            let isDirectProperty = path.hasPrefix("self.") && path.split(separator: ".").count == 2
            let writeKind: Access.WriteKind =
                isDirectProperty || (kind != .assign && kind != .compound) ? kind : .fieldStore
            writeAccess(id, kind: writeKind, path: path, node: member)
            return
        }
        if let subscriptCall = target.as(SubscriptCallExprSyntax.self) {
            for argument in subscriptCall.arguments { lowerExpr(argument.expression) }
            let base = subscriptCall.calledExpression
            var resolved: (BindingID, String)?
            if let reference = base.as(DeclReferenceExprSyntax.self), let id = resolve(reference.baseName.text) {
                resolved = (id, reference.baseName.text)
            } else if let member = base.as(MemberAccessExprSyntax.self) {
                resolved = resolveMemberPath(member)
            }
            guard let (id, path) = resolved else { lowerExpr(base); return }
            let isPrivate = subscriptCall.arguments.allSatisfy { indexIsPrivate($0.expression) }
            emit(.access(Access(
                binding: id, kind: .write(kind == .remove ? .remove : .indexStore), isAtomic: false, path: path + "[…]",
                range: range(subscriptCall), indexIsPrivate: isPrivate)))
            return
        }
        lowerExpr(target)
    }

    func writeAccess(_ id: BindingID, kind: Access.WriteKind, path: String, node: some SyntaxProtocol) {
        let binding = bindings[id.index]
        emit(.access(Access(binding: id, kind: .write(kind), isAtomic: binding.type.category == .atomic, path: path, range: range(node))))
    }

    /// Whether every name in an index expression is private to the current closure (its
    /// parameters and locals), so each concurrent instance indexes its own element.
    func indexIsPrivate(_ expr: ExprSyntax) -> Bool {
        guard currentFunction != nil else { return false }
        var sawName = false
        for token in expr.tokens(viewMode: .sourceAccurate) {
            switch token.tokenKind {
            case .identifier(let name):
                guard token.parent?.is(DeclReferenceExprSyntax.self) == true else { continue }
                sawName = true
                guard let id = resolve(name), isPrivateToCurrentFunction(id) else { return false }
            case .dollarIdentifier:
                sawName = true
            default:
                continue
            }
        }
        return sawName
    }
}

extension SwiftLowering {
    /// Swift paths as the member chains spell them: `self.x.y` (rooted at the stored property
    /// `x`), `x.y`, `b.y[]`. The root is `root`, or the binding the first name resolves to.
    func placeOfPath(_ path: String, root: BindingID?) -> Place? {
        var parts =
            PathText.isPlain(path)
            ? PathText.parts(of: path, dropping: [UInt8(ascii: "?"), UInt8(ascii: "!")])
            : path.split(separator: ".", omittingEmptySubsequences: false).map { part in
                part.filter { $0 != "?" && $0 != "!" }
            }
        if parts.first == "self" || parts.first == "Self" { parts.removeFirst() }
        guard let first = parts.first else { return nil }
        let rootName = first.hasSuffix("[]") ? String(first.dropLast(2)) : first
        guard let id = root ?? resolve(rootName) else { return nil }
        var components: [Place.Component] = first.hasSuffix("[]") ? [.element] : []
        for part in parts.dropFirst() {
            if part == "[]" { components.append(.element); continue }
            if part.hasSuffix("[]") {
                components.append(.field(String(part.dropLast(2))))
                components.append(.element)
            } else if !part.isEmpty {
                components.append(.field(part))
            }
        }
        return Place(root: id, components: components)
    }
}
