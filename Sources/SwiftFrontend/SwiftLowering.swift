import ConcModel
import SwiftSyntax

/// The model's range type (swift-syntax has one of the same name).
typealias SourceRange = ConcModel.SourceRange

/// The state of lowering one Swift file: scopes, the function being built, and the step lists
/// under construction. Walks the tree once, depth first, in evaluation order.
final class SwiftLowering: ModelBuilder {
    /// A type whose members are being lowered: its name and isolation.
    struct TypeContext {
        var name: String
        var isActor: Bool
        /// The global actor the type is isolated to (`@MainActor`, `@StoreActor`), if any.
        var globalActor: String?
        var isClass: Bool
    }

    /// Stored properties by type name (extensions add to the same table).
    var properties: [String: [String: BindingID]] = [:]
    /// The types and extensions the file declares, for the package index.
    var typeDeclarations: [TypeDeclaration] = []
    var typeStack: [TypeContext] = []
    /// What becomes of a spawn's handle when the spawn is the value being bound or stored.
    var pendingHandle: Spawn.Handle?
    private var savedHandles: [Spawn.Handle?] = []
    /// The bindings of a tuple pattern whose initializer is being lowered (`let (s, c) = …`).
    var pendingTuple: [BindingID]?
    /// The type of the next lowered closure's first parameter (an `AsyncStream` continuation).
    var pendingFirstParameterType: TypeFacts?
    /// Nesting depth of expressions and statements; beyond ``maximumDepth`` subtrees are skipped.
    var depth = 0
    static let maximumDepth = 400
    var tooDeep = false
    var mentionsConcurrency = false
    /// For each function being lowered, how many `do` bodies with a catch-all clause enclose the
    /// current statement: an error thrown there is caught, not propagated out of the function.
    var catchingDepth: [FunctionID: Int] = [:]
    /// The element type a variable's annotation gives the stream its initializer makes
    /// (`AsyncStream<Void>` → `Void`).
    var pendingStreamElementType: String?
    /// Queue names the file caps with `maxConcurrentOperationCount`, worked out at the first
    /// `addOperation`.
    var operationQueueLimits: [String: Int]?
    /// Types the file declares `@globalActor`.
    var declaredGlobalActors: Set<String> = []

    // MARK: Positions

    /// The line of the last position looked up, where the next lookup starts.
    private var lineHint = 0

    func position(_ absolute: AbsolutePosition) -> SourcePosition {
        file.position(ofOffset: absolute.utf8Offset, lineHint: &lineHint)
    }

    func range(_ node: some SyntaxProtocol) -> SourceRange {
        SourceRange(
            start: position(node.positionAfterSkippingLeadingTrivia),
            end: position(node.endPositionBeforeTrailingTrivia))
    }

    // MARK: Bindings and functions over syntax nodes

    func makeBinding(
        name: String, kind: Binding.Kind, isMutable: Bool, node: some SyntaxProtocol,
        type: TypeFacts = .unknown, isIsolated: Bool = false, isInOut: Bool = false,
        function: FunctionID?? = nil
    ) -> BindingID {
        makeBinding(
            name: name, kind: kind, isMutable: isMutable, range: range(node), type: type,
            isIsolated: isIsolated, isInOut: isInOut, function: function)
    }

    @discardableResult
    func declare(
        name: String, kind: Binding.Kind, isMutable: Bool, node: some SyntaxProtocol,
        type: TypeFacts = .unknown, isInOut: Bool = false
    ) -> BindingID {
        declare(name: name, kind: kind, isMutable: isMutable, range: range(node), type: type, isInOut: isInOut)
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

    func function(
        name: String, kind: Function.Kind, entry: Function.Entry = .none, isAsync: Bool,
        isolation: Isolation, node: some SyntaxProtocol, build: () -> [BindingID]
    ) -> FunctionID {
        function(
            name: name, kind: kind, entry: entry, isAsync: isAsync, isolation: isolation,
            ownerType: typeStack.last?.name, range: range(node), build: build)
    }

    override func place(ofPath path: String, root: BindingID?) -> Place? { placeOfPath(path, root: root) }

    // A handle pending for an outer spawn does not apply inside a nested body.
    override func willBuildFunction() {
        savedHandles.append(pendingHandle)
        pendingHandle = nil
    }

    override func didBuildFunction() {
        pendingHandle = savedHandles.popLast() ?? nil
    }

    /// The isolation a declaration inside the current type gets, given its own attributes and
    /// modifiers (`@MainActor`, `nonisolated`, `static`).
    func isolation(attributes: AttributeListSyntax?, modifiers: DeclModifierListSyntax?) -> Isolation {
        if let attributes, let actor = globalActor(in: attributes) { return .globalActor(actor) }
        let modifierNames = Set(modifiers?.map { $0.name.text } ?? [])
        if modifierNames.contains("nonisolated") { return .nonisolated }
        guard let context = typeStack.last else { return .nonisolated }
        if let actor = context.globalActor { return .globalActor(actor) }
        if context.isActor && !modifierNames.contains("static") { return .actor(context.name) }
        return .nonisolated
    }

    /// The global actor an attribute list isolates to (`@MainActor`, a custom `@globalActor`).
    func globalActor(in attributes: AttributeListSyntax) -> String? {
        for element in attributes {
            guard case .attribute(let attribute) = element, attribute.arguments == nil else { continue }
            let name = attribute.attributeName.sourceText
            if SwiftAPITable.isGlobalActorAttribute(name, declared: declaredGlobalActors) { return name }
        }
        return nil
    }

    static func hasAttribute(_ attributes: AttributeListSyntax, named name: String) -> Bool {
        attributes.contains { element in
            guard case .attribute(let attribute) = element else { return false }
            return attribute.attributeName.sourceText == name
        }
    }
}
