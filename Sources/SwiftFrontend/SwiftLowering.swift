import ConcModel
import SwiftSyntax

/// The model's range type (swift-syntax has one of the same name).
typealias SourceRange = ConcModel.SourceRange

/// The state of lowering one Swift file: scopes, the function being built, and the step lists
/// under construction. Walks the tree once, depth first, in evaluation order.
final class SwiftLowering {
    /// A type whose members are being lowered: its stored properties and isolation.
    struct TypeContext {
        var name: String
        var isActor: Bool
        var isMainActor: Bool
        var isClass: Bool
    }

    let file: SourceFile
    var functions: [Function] = []
    var bindings: [Binding] = []
    /// Lexical scopes of the function being lowered, innermost last.
    var scopes: [[String: BindingID]] = []
    /// File-level names (globals), visible everywhere in the file.
    var globals: [String: BindingID] = [:]
    /// Stored properties by type name (extensions add to the same table).
    var properties: [String: [String: BindingID]] = [:]
    /// Type facts of properties, by type name and property name, known before lowering bodies.
    var typeStack: [TypeContext] = []
    /// The function whose body is being built, innermost last.
    var functionStack: [FunctionID] = []
    /// Step lists under construction, innermost last.
    var stepStack: [[Step]] = [[]]
    /// What becomes of a spawn's handle when the spawn is the value being bound or stored.
    var pendingHandle: Spawn.Handle?
    /// The bindings of a tuple pattern whose initializer is being lowered (`let (s, c) = …`).
    var pendingTuple: [BindingID]?
    /// The type of the next lowered closure's first parameter (an `AsyncStream` continuation).
    var pendingFirstParameterType: TypeFacts?
    /// Nesting depth of expressions and statements; beyond ``maximumDepth`` subtrees are skipped.
    var depth = 0
    static let maximumDepth = 400
    var tooDeep = false
    var mentionsConcurrency = false

    init(file: SourceFile) {
        self.file = file
    }

    // MARK: Positions

    func position(_ absolute: AbsolutePosition) -> SourcePosition {
        file.position(ofOffset: absolute.utf8Offset)
    }

    func range(_ node: some SyntaxProtocol) -> SourceRange {
        SourceRange(
            start: position(node.positionAfterSkippingLeadingTrivia),
            end: position(node.endPositionBeforeTrailingTrivia))
    }

    // MARK: Steps

    func emit(_ step: Step) {
        stepStack[stepStack.count - 1].append(step)
    }

    /// Runs `body` with a fresh step list and returns the steps it emitted.
    func collect(_ body: () -> Void) -> [Step] {
        stepStack.append([])
        body()
        return stepStack.removeLast()
    }

    // MARK: Scopes and bindings

    var currentFunction: FunctionID? { functionStack.last }

    func withScope(_ body: () -> Void) {
        scopes.append([:])
        body()
        scopes.removeLast()
    }

    /// Creates a binding without bringing it into scope (so an initializer cannot see it).
    func makeBinding(
        name: String, kind: Binding.Kind, isMutable: Bool, node: some SyntaxProtocol,
        type: TypeFacts = .unknown, isIsolated: Bool = false, isInOut: Bool = false,
        function: FunctionID?? = nil
    ) -> BindingID {
        let id = BindingID(bindings.count)
        bindings.append(
            Binding(
                id: id, name: name, kind: kind, isMutable: isMutable, isPerIteration: true,
                function: function ?? currentFunction, range: range(node), type: type,
                isInOut: isInOut, isIsolated: isIsolated))
        return id
    }

    /// Brings `id` into the innermost scope and records the declaration step.
    func bringIntoScope(_ id: BindingID) {
        let name = bindings[id.index].name
        guard name != "_" else { return }
        if scopes.isEmpty { globals[name] = id } else { scopes[scopes.count - 1][name] = id }
        emit(.declare(id))
    }

    @discardableResult
    func declare(
        name: String, kind: Binding.Kind, isMutable: Bool, node: some SyntaxProtocol,
        type: TypeFacts = .unknown, isInOut: Bool = false
    ) -> BindingID {
        let id = makeBinding(name: name, kind: kind, isMutable: isMutable, node: node, type: type, isInOut: isInOut)
        bringIntoScope(id)
        return id
    }

    /// Resolves a name as Swift does: innermost scope out, then the enclosing type's stored
    /// properties (implicit `self`), then file-level globals.
    func resolve(_ name: String) -> BindingID? {
        for scope in scopes.reversed() {
            if let id = scope[name] { return id }
        }
        if let property = resolveProperty(name) { return property }
        return globals[name]
    }

    func resolveProperty(_ name: String) -> BindingID? {
        for context in typeStack.reversed() {
            if let id = properties[context.name]?[name] { return id }
        }
        return nil
    }

    // MARK: Functions

    /// Creates a function, lowers its body with `build`, and returns its id.
    func function(
        name: String, kind: Function.Kind, entry: Function.Entry = .none, isAsync: Bool,
        isolation: Isolation, node: some SyntaxProtocol, build: () -> [BindingID]
    ) -> FunctionID {
        let id = FunctionID(functions.count)
        functions.append(
            Function(
                id: id, name: name, kind: kind, entry: entry, isAsync: isAsync, isolation: isolation,
                parent: currentFunction, ownerType: typeStack.last?.name, range: range(node)))
        functionStack.append(id)
        let savedHandle = pendingHandle
        pendingHandle = nil
        var parameters: [BindingID] = []
        let body = collect {
            withScope { parameters = build() }
        }
        pendingHandle = savedHandle
        functionStack.removeLast()
        functions[id.index].parameters = parameters
        functions[id.index].body = body
        return id
    }

    /// The isolation a declaration inside the current type gets, given its own attributes and
    /// modifiers (`@MainActor`, `nonisolated`, `static`).
    func isolation(attributes: AttributeListSyntax?, modifiers: DeclModifierListSyntax?) -> Isolation {
        if let attributes, Self.hasAttribute(attributes, named: "MainActor") { return .globalActor("MainActor") }
        let modifierNames = Set(modifiers?.map { $0.name.text } ?? [])
        if modifierNames.contains("nonisolated") { return .nonisolated }
        guard let context = typeStack.last else { return .nonisolated }
        if context.isMainActor { return .globalActor("MainActor") }
        if context.isActor && !modifierNames.contains("static") { return .actor(context.name) }
        return .nonisolated
    }

    static func hasAttribute(_ attributes: AttributeListSyntax, named name: String) -> Bool {
        attributes.contains { element in
            guard case .attribute(let attribute) = element else { return false }
            return attribute.attributeName.trimmedDescription == name
        }
    }
}
