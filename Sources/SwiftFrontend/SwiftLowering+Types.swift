import ConcModel
import SwiftSyntax

extension SwiftLowering {
    /// A type or extension with its isolation and `Sendable` conformance; fields are added as
    /// the stored properties are collected.
    func typeDeclaration(_ decl: DeclSyntax, name: String, isActor: Bool, isMainActor: Bool) -> TypeDeclaration {
        let kind: TypeDeclaration.Kind
        if isActor && !decl.is(ExtensionDeclSyntax.self) {
            kind = .actor
        } else if decl.is(ClassDeclSyntax.self) {
            kind = .referenceType
        } else if decl.is(ExtensionDeclSyntax.self) {
            kind = .extension
        } else {
            kind = .valueType
        }
        var isolation = Isolation.nonisolated
        if kind == .actor { isolation = .actor(name) }
        if isMainActor { isolation = .globalActor("MainActor") }
        let group = decl.asProtocol(DeclGroupSyntax.self)
        if let attributes = group?.attributes, let actor = Self.globalActorAttribute(attributes) {
            isolation = .globalActor(actor)
        }
        var isSendable = false
        var isUnchecked = false
        for inherited in group?.inheritanceClause?.inheritedTypes ?? [] {
            let text = inherited.type.sourceText
            if text.hasSuffix("Sendable") {
                isSendable = true
                if text.contains("@unchecked") { isUnchecked = true }
            }
        }
        let nameRange: SourceRange =
            if let node = decl.as(ClassDeclSyntax.self) { range(node.name) }
            else if let node = decl.as(ActorDeclSyntax.self) { range(node.name) }
            else if let node = decl.as(StructDeclSyntax.self) { range(node.name) }
            else if let node = decl.as(EnumDeclSyntax.self) { range(node.name) }
            else { range(decl) }
        return TypeDeclaration(
            name: name, kind: kind, isolation: isolation, isSendable: isSendable,
            isUncheckedSendable: isUnchecked, range: nameRange)
    }

    /// A global actor attribute: `@MainActor`, or a custom `@SomethingActor` (by the naming
    /// convention global actors follow; the package index confirms declared ones).
    static func globalActorAttribute(_ attributes: AttributeListSyntax) -> String? {
        for element in attributes {
            guard case .attribute(let attribute) = element else { continue }
            let name = attribute.attributeName.sourceText
            if name == "MainActor" || name.hasSuffix("Actor") && name.first?.isUppercase == true { return name }
        }
        return nil
    }

    /// Export and lock-held conventions of a declared function, accessor or initializer.
    func annotate(_ id: FunctionID, modifiers: DeclModifierListSyntax, leadingTrivia: Trivia?) {
        let names = Set(modifiers.map { $0.name.text })
        functions[id.index].isExported = !names.contains("private") && !names.contains("fileprivate")
        if let leadingTrivia {
            var doc = ""
            for piece in leadingTrivia {
                switch piece {
                case .docLineComment(let text), .lineComment(let text), .docBlockComment(let text), .blockComment(let text):
                    doc += text + "\n"
                default: break
                }
            }
            if !doc.isEmpty, LockConvention.requiresHeldLock(docComment: doc) { functions[id.index].documentedAsLockHeld = true }
        }
    }
}
