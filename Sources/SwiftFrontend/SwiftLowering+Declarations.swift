import ConcModel
import SwiftSyntax

extension SwiftLowering {
    // MARK: File

    /// Lowers a whole file: globals and stored properties first (they are visible before their
    /// declaration), then every body.
    func lowerFile(_ tree: SourceFileSyntax) -> Unit {
        declaredGlobalActors = Self.globalActorDeclarations(in: tree.statements)
        collectProperties(in: tree.statements)
        let isScript = tree.statements.contains { item in
            if case .decl = item.item { return false }
            return true
        }
        if isScript {
            _ = function(name: "top-level code", kind: .topLevel, entry: .main, isAsync: true,
                         isolation: .nonisolated, node: tree) {
                for item in tree.statements { lowerItem(item) }
                return []
            }
        } else {
            for item in tree.statements { lowerItem(item) }
        }
        var unit = Unit(
            file: file, language: .swift, functions: functions, bindings: bindings,
            mentionsConcurrency: mentionsConcurrency)
        unit.types = typeDeclarations
        unit.isTestCode = Self.importsTestFramework(tree.statements) || Self.isInTestTarget(file.path)
        return unit
    }

    /// Whether the file imports XCTest or Testing, also inside `#if canImport(…)` blocks (test files
    /// of platform-specific packages wrap their whole body in one).
    static func importsTestFramework(_ statements: CodeBlockItemListSyntax) -> Bool {
        statements.contains { item in
            guard case .decl(let decl) = item.item else { return false }
            if let node = decl.as(ImportDeclSyntax.self) {
                let module = node.path.first?.name.text
                return module == "XCTest" || module == "Testing"
            }
            if let node = decl.as(IfConfigDeclSyntax.self) {
                return node.clauses.contains { clause in
                    if case .statements(let inner) = clause.elements { return importsTestFramework(inner) }
                    return false
                }
            }
            return false
        }
    }

    /// Whether the file lies in a SwiftPM test target (a `Tests` folder): its helpers and mocks
    /// need not import a test framework themselves.
    static func isInTestTarget(_ path: String) -> Bool {
        path.split(separator: "/").dropLast().contains("Tests")
    }

    /// The names of the file's top-level types marked `@globalActor`.
    static func globalActorDeclarations(in statements: CodeBlockItemListSyntax) -> Set<String> {
        var names = Set<String>()
        for item in statements {
            guard case .decl(let decl) = item.item else { continue }
            if let node = decl.as(ActorDeclSyntax.self), hasAttribute(node.attributes, named: "globalActor") { names.insert(node.name.text) }
            if let node = decl.as(StructDeclSyntax.self), hasAttribute(node.attributes, named: "globalActor") { names.insert(node.name.text) }
            if let node = decl.as(ClassDeclSyntax.self), hasAttribute(node.attributes, named: "globalActor") { names.insert(node.name.text) }
        }
        return names
    }

    /// Pre-declares globals and every type's stored properties.
    func collectProperties(in statements: CodeBlockItemListSyntax) {
        collectProperties(in: Array(statements))
    }

    func collectProperties(in statements: [CodeBlockItemSyntax]) {
        for item in statements {
            guard case .decl(let decl) = item.item else { continue }
            if let conditional = decl.as(IfConfigDeclSyntax.self) {
                collectProperties(in: Self.itemsOfEveryClause(conditional))
                continue
            }
            if let variable = decl.as(VariableDeclSyntax.self) {
                for (name, node, facts) in patternNames(variable) {
                    let id = makeBinding(
                        name: name, kind: .global, isMutable: variable.bindingSpecifier.tokenKind == .keyword(.var),
                        node: node, type: facts, function: .some(nil))
                    globals[name] = id
                }
            } else {
                collectTypeMembers(decl)
            }
        }
    }

    func collectTypeMembers(_ decl: DeclSyntax) {
        guard let (name, memberList, isActor, typeActor, _) = typeParts(decl) else { return }
        var declaration = typeDeclaration(decl, name: name, isActor: isActor, isMainActor: typeActor != nil)
        let members = memberList.flatMap { member -> [MemberBlockItemSyntax] in
            if let conditional = member.decl.as(IfConfigDeclSyntax.self) { return Self.membersOfEveryClause(conditional) }
            return [member]
        }
        for member in members {
            let memberDecl = member.decl
            if let variable = memberDecl.as(VariableDeclSyntax.self) {
                let isStatic = variable.modifiers.contains { $0.name.text == "static" || $0.name.text == "class" }
                let nonisolated = variable.modifiers.contains { $0.name.text == "nonisolated" }
                let isolated = (isActor && !isStatic || typeActor != nil || globalActor(in: variable.attributes) != nil) && !nonisolated
                let guardedBy = LockConvention.guardedLock(inComment: variable.leadingTrivia.description
                    + variable.trailingTrivia.description + (member.semicolon?.trailingTrivia.description ?? ""))
                for (propertyName, node, facts) in patternNames(variable) where isStored(variable) {
                    let isMutable = variable.bindingSpecifier.tokenKind == .keyword(.var)
                    let id = makeBinding(
                        name: propertyName, kind: .property, isMutable: isMutable, node: node,
                        type: facts, isIsolated: isolated, function: .some(nil))
                    bindings[id.index].ownerType = name
                    properties[name, default: [:]][propertyName] = id
                    if !isStatic {
                        var field = FieldDeclaration(
                            name: propertyName, type: facts, isMutable: isMutable, isIsolated: isolated,
                            guardedBy: guardedBy, range: range(node))
                        // `private(set)` limits only the setter: the property is read elsewhere.
                        field.isFileScoped = variable.modifiers.contains { modifier in
                            ["private", "fileprivate"].contains(modifier.name.text) && modifier.detail == nil
                        }
                        declaration.fields.append(field)
                    }
                }
            } else {
                collectTypeMembers(memberDecl)
            }
        }
        typeDeclarations.append(declaration)
    }

    /// A type or extension declaration's name, members and isolation.
    func typeParts(_ decl: DeclSyntax) -> (String, MemberBlockItemListSyntax, Bool, String?, Bool)? {
        if let node = decl.as(ClassDeclSyntax.self) {
            return (node.name.text, node.memberBlock.members, false, globalActor(in: node.attributes), true)
        }
        if let node = decl.as(ActorDeclSyntax.self) {
            return (node.name.text, node.memberBlock.members, true, globalActor(in: node.attributes), true)
        }
        if let node = decl.as(StructDeclSyntax.self) {
            return (node.name.text, node.memberBlock.members, false, globalActor(in: node.attributes), false)
        }
        if let node = decl.as(EnumDeclSyntax.self) {
            return (node.name.text, node.memberBlock.members, false, globalActor(in: node.attributes), false)
        }
        if let node = decl.as(ExtensionDeclSyntax.self) {
            let name = node.extendedType.sourceText
            let known = typeStack.first { $0.name == name }
            return (name, node.memberBlock.members, known?.isActor ?? false,
                    globalActor(in: node.attributes), known?.isClass ?? false)
        }
        return nil
    }

    func isStored(_ variable: VariableDeclSyntax) -> Bool {
        variable.bindings.allSatisfy { binding in
            guard let block = binding.accessorBlock else { return true }
            if case .accessors(let list) = block.accessors {
                return list.allSatisfy { ["willSet", "didSet"].contains($0.accessorSpecifier.text) }
            }
            return false
        }
    }

    /// The names a variable declaration introduces, with type facts from annotation or initializer.
    func patternNames(_ variable: VariableDeclSyntax) -> [(String, Syntax, TypeFacts)] {
        var result: [(String, Syntax, TypeFacts)] = []
        for binding in variable.bindings {
            let facts = SwiftAPITable.typeFacts(
                annotation: binding.typeAnnotation?.type, initializer: binding.initializer?.value)
            for (name, node) in Self.names(in: binding.pattern) {
                result.append((name, node, facts))
            }
        }
        return result
    }

    static func names(in pattern: PatternSyntax) -> [(String, Syntax)] {
        if let identifier = pattern.as(IdentifierPatternSyntax.self) {
            return [(identifier.identifier.text, Syntax(identifier))]
        }
        if let tuple = pattern.as(TuplePatternSyntax.self) {
            return tuple.elements.flatMap { names(in: $0.pattern) }
        }
        if let binding = pattern.as(ValueBindingPatternSyntax.self) {
            return names(in: binding.pattern)
        }
        if let expression = pattern.as(ExpressionPatternSyntax.self) {
            // `case let .some(x)` and friends: names bound inside.
            return expression.expression.tokens(viewMode: .sourceAccurate).compactMap { token in
                if case .identifier(let text) = token.tokenKind,
                   token.parent?.parent?.is(PatternExprSyntax.self) == true
                    || token.parent?.is(IdentifierPatternSyntax.self) == true {
                    return (text, Syntax(token))
                }
                return nil
            }
        }
        return []
    }

    // MARK: Items and declarations

    func lowerItem(_ item: CodeBlockItemSyntax) {
        switch item.item {
        case .decl(let decl): lowerDecl(decl)
        case .stmt(let stmt): lowerStmt(stmt)
        case .expr(let expr): lowerExpr(expr)
        }
    }

    func lowerDecl(_ decl: DeclSyntax) {
        if let node = decl.as(IfConfigDeclSyntax.self) {
            lowerIfConfig(node)
        } else if let variable = decl.as(VariableDeclSyntax.self) {
            lowerVariable(variable)
        } else if let node = decl.as(FunctionDeclSyntax.self) {
            lowerFunction(node)
        } else if let node = decl.as(InitializerDeclSyntax.self), let body = node.body {
            let isAsync = node.signature.effectSpecifiers?.asyncSpecifier != nil
            let id = function(name: "init", kind: .declared, isAsync: isAsync,
                              isolation: isolation(attributes: node.attributes, modifiers: node.modifiers), node: node) {
                let parameters = declareParameters(node.signature.parameterClause)
                lowerBlock(body.statements)
                return parameters
            }
            annotate(id, modifiers: node.modifiers, leadingTrivia: node.leadingTrivia)
            functions[id.index].isInitializer = true
        } else if let node = decl.as(DeinitializerDeclSyntax.self), let body = node.body {
            let id = function(name: "deinit", kind: .declared, isAsync: false, isolation: .nonisolated, node: node) {
                lowerBlock(body.statements)
                return []
            }
            // Nothing else holds a reference while deinit runs.
            functions[id.index].isInitializer = true
        } else if let parts = typeParts(decl) {
            let (name, members, isActor, typeActor, isClass) = parts
            let outerActor = typeStack.last?.globalActor
            typeStack.append(TypeContext(name: name, isActor: isActor, globalActor: typeActor ?? outerActor, isClass: isClass))
            for member in members { lowerMember(member.decl) }
            typeStack.removeLast()
        } else if let node = decl.as(SubscriptDeclSyntax.self), let block = node.accessorBlock {
            lowerAccessors(block, name: "subscript", attributes: node.attributes, modifiers: node.modifiers)
        }
    }

    /// `#if` … `#endif`: every clause is code some build compiles, so each is lowered. One clause
    /// is lowered in place, as if its condition held; several are the arms of a branch (exactly
    /// one is compiled), exhaustive when there is an `#else`. A clause opens no scope: what it
    /// declares is visible after `#endif`.
    func lowerIfConfig(_ node: IfConfigDeclSyntax) {
        func lowerClause(_ clause: IfConfigClauseSyntax) {
            switch clause.elements {
            case .statements(let items): for item in items { lowerItem(item) }
            case .decls(let members): for member in members { lowerMember(member.decl) }
            default: break
            }
        }
        let clauses = Array(node.clauses)
        if clauses.count == 1, let only = clauses.first {
            lowerClause(only)
            return
        }
        let arms = clauses.map { clause in collect { lowerClause(clause) } }
        let hasElse = clauses.last?.poundKeyword.tokenKind == .poundElse
        emit(.branch(Branch(arms: arms, isExhaustive: hasElse, range: range(node))))
    }

    /// The items of every clause of a `#if` at file or statement level, nested `#if`s included.
    static func itemsOfEveryClause(_ node: IfConfigDeclSyntax) -> [CodeBlockItemSyntax] {
        node.clauses.flatMap { clause -> [CodeBlockItemSyntax] in
            guard case .statements(let items) = clause.elements else { return [] }
            return items.flatMap { item -> [CodeBlockItemSyntax] in
                if case .decl(let decl) = item.item, let nested = decl.as(IfConfigDeclSyntax.self) {
                    return itemsOfEveryClause(nested)
                }
                return [item]
            }
        }
    }

    /// The members of every clause of a `#if` in a type body, nested `#if`s included.
    static func membersOfEveryClause(_ node: IfConfigDeclSyntax) -> [MemberBlockItemSyntax] {
        node.clauses.flatMap { clause -> [MemberBlockItemSyntax] in
            guard case .decls(let members) = clause.elements else { return [] }
            return members.flatMap { member -> [MemberBlockItemSyntax] in
                if let nested = member.decl.as(IfConfigDeclSyntax.self) { return membersOfEveryClause(nested) }
                return [member]
            }
        }
    }

    func lowerMember(_ decl: DeclSyntax) {
        if let variable = decl.as(VariableDeclSyntax.self) {
            // Stored properties were collected up front; computed ones have bodies to lower.
            for binding in variable.bindings {
                if let block = binding.accessorBlock {
                    lowerAccessors(block, name: binding.pattern.sourceText,
                                   attributes: variable.attributes, modifiers: variable.modifiers)
                }
                if let value = binding.initializer?.value, Self.containsClosure(value) {
                    lowerPropertyInitializer(value, name: binding.pattern.sourceText, variable: variable)
                }
            }
        } else {
            lowerDecl(decl)
        }
    }

    /// A stored property's initial value that holds a closure (`lazy var stream = AsyncStream {
    /// self.continuation = $0 }`): code that runs once per instance, lowered as a body of its own.
    func lowerPropertyInitializer(_ value: ExprSyntax, name: String, variable: VariableDeclSyntax) {
        let isolation = isolation(attributes: variable.attributes, modifiers: variable.modifiers)
        let annotation = variable.bindings.first { $0.pattern.sourceText == name }?.typeAnnotation?.type
        _ = function(name: "initial value of \(name)", kind: .declared, isAsync: false, isolation: isolation, node: value) {
            let saved = pendingHandle
            pendingHandle = .stored("self.\(name)")
            pendingStreamElementType = annotation.flatMap(Self.streamElementType)
            lowerExpr(value)
            pendingStreamElementType = nil
            pendingHandle = saved
            return []
        }
    }

    /// `AsyncStream<Void>` (or `AsyncThrowingStream<Void, Error>`) → `Void`.
    static func streamElementType(_ type: TypeSyntax) -> String? {
        guard let identifier = type.as(IdentifierTypeSyntax.self), SwiftAPITable.streamTypes.contains(identifier.name.text)
        else { return nil }
        return identifier.genericArgumentClause?.arguments.first?.argument.sourceText
    }

    static func containsClosure(_ expr: ExprSyntax) -> Bool {
        if expr.is(ClosureExprSyntax.self) { return true }
        return expr.tokens(viewMode: .sourceAccurate).contains { $0.tokenKind == .leftBrace }
    }

    func lowerAccessors(_ block: AccessorBlockSyntax, name: String, attributes: AttributeListSyntax, modifiers: DeclModifierListSyntax) {
        let isolation = isolation(attributes: attributes, modifiers: modifiers)
        switch block.accessors {
        case .getter(let statements):
            let id = function(name: name, kind: .declared, isAsync: false, isolation: isolation, node: block) {
                lowerBlock(statements)
                return []
            }
            annotate(id, modifiers: modifiers, leadingTrivia: nil)
        case .accessors(let list):
            for accessor in list {
                guard let body = accessor.body else { continue }
                let isAsync = accessor.effectSpecifiers?.asyncSpecifier != nil
                let id = function(name: "\(accessor.accessorSpecifier.text) \(name)", kind: .declared, isAsync: isAsync,
                                  isolation: isolation, node: accessor) {
                    lowerBlock(body.statements)
                    return []
                }
                annotate(id, modifiers: modifiers, leadingTrivia: nil)
            }
        }
    }

    func lowerFunction(_ node: FunctionDeclSyntax) {
        guard let body = node.body else { return }
        let isAsync = node.signature.effectSpecifiers?.asyncSpecifier != nil
        let isStatic = node.modifiers.contains { $0.name.text == "static" }
        var entry = Function.Entry.none
        if node.name.text == "main", isStatic, typeStack.count == 1 { entry = .main }
        if Self.hasAttribute(node.attributes, named: "Test") { entry = .test }
        if node.name.text.hasPrefix("test"), typeStack.last?.isClass == true,
           node.signature.parameterClause.parameters.isEmpty { entry = .test }
        let parent = currentFunction
        let id = function(name: node.name.text, kind: .declared, entry: entry, isAsync: isAsync,
                          isolation: isolation(attributes: node.attributes, modifiers: node.modifiers), node: node) {
            let parameters = declareParameters(node.signature.parameterClause)
            lowerBlock(body.statements)
            return parameters
        }
        annotate(id, modifiers: node.modifiers, leadingTrivia: node.leadingTrivia)
        // A nested function is visible to later statements of its enclosing body.
        _ = parent
    }

    func declareParameters(_ clause: FunctionParameterClauseSyntax) -> [BindingID] {
        clause.parameters.map { parameter in
            let name = (parameter.secondName ?? parameter.firstName).text
            let isInOut = parameter.type.as(AttributedTypeSyntax.self)?.specifiers.contains {
                $0.sourceText == "inout"
            } ?? false
            let facts = SwiftAPITable.typeFacts(annotation: parameter.type, initializer: nil)
            return declare(name: name, kind: .parameter, isMutable: isInOut, node: parameter, type: facts, isInOut: isInOut)
        }
    }

    func lowerVariable(_ variable: VariableDeclSyntax) {
        let isMutable = variable.bindingSpecifier.tokenKind == .keyword(.var)
        for binding in variable.bindings {
            let facts = SwiftAPITable.typeFacts(annotation: binding.typeAnnotation?.type, initializer: binding.initializer?.value)
            let names = Self.names(in: binding.pattern)
            // A global pre-declared by collectProperties keeps its binding.
            let ids: [BindingID] = names.map { name, node in
                if scopes.count <= 1, currentFunctionIsTopLevel, let id = globals[name] { return id }
                return makeBinding(name: name, kind: .local, isMutable: isMutable, node: node, type: facts)
            }
            if let initializer = binding.initializer?.value {
                pendingStreamElementType = binding.typeAnnotation.flatMap { Self.streamElementType($0.type) }
                defer { pendingStreamElementType = nil }
                let firstStep = stepStack[stepStack.count - 1].count
                defer { if ids.count == 1 { bindings[ids[0].index].derivedFrom = readBindings(since: firstStep) } }
                let saved = pendingHandle
                pendingHandle = ids.count == 1 ? .bound(ids[0]) : .handedOn
                pendingTuple = ids.count > 1 ? ids : nil
                lowerExpr(initializer)
                pendingTuple = nil
                pendingHandle = saved
                noteCallResults(ids, since: firstStep)
                // `let fail = { … }`: a call of `fail` runs this closure.
                if ids.count == 1, initializer.is(ClosureExprSyntax.self),
                   case .closure(let use)? = stepStack[stepStack.count - 1][firstStep...].last(where: {
                       if case .closure = $0 { return true } else { return false }
                   }) {
                    bindings[ids[0].index].closure = use.function
                }
            }
            if let block = binding.accessorBlock {
                lowerAccessors(block, name: binding.pattern.sourceText,
                               attributes: variable.attributes, modifiers: variable.modifiers)
            }
            for id in ids {
                if scopes.count <= 1, currentFunctionIsTopLevel, globals[bindings[id.index].name] == id {
                    emit(.declare(id))
                } else {
                    bringIntoScope(id)
                }
            }
        }
    }

    /// Whether an error thrown at the current statement is caught in the same function.
    var errorsAreCaught: Bool {
        guard let id = currentFunction else { return false }
        return catchingDepth[id, default: 0] > 0
    }

    /// A `catch` clause with no pattern, or one that only binds the error (`catch let error`,
    /// `catch _`), and no `where`: it catches whatever the body throws.
    static func catchesEverything(_ clause: CatchClauseSyntax) -> Bool {
        if clause.catchItems.isEmpty { return true }
        return clause.catchItems.contains { item in
            guard item.whereClause == nil, let pattern = item.pattern else { return item.whereClause == nil }
            if pattern.is(WildcardPatternSyntax.self) { return true }
            if let expression = pattern.as(ExpressionPatternSyntax.self)?.expression,
               expression.is(DiscardAssignmentExprSyntax.self) { return true }
            if let binding = pattern.as(ValueBindingPatternSyntax.self) {
                return binding.pattern.is(IdentifierPatternSyntax.self) || binding.pattern.is(WildcardPatternSyntax.self)
            }
            return false
        }
    }

    var currentFunctionIsTopLevel: Bool {
        guard let id = currentFunction else { return true }
        return functions[id.index].kind == .topLevel
    }
}
