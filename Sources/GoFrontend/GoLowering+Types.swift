import ConcModel
import GoSyntax

extension GoLowering {
    /// A struct type with its fields, their declared types and `// guarded by` comments.
    func typeDeclaration(_ spec: TypeSpec, _ structType: StructType) -> TypeDeclaration {
        var fields: [FieldDeclaration] = []
        for field in structType.fields.list {
            let facts = GoAPITable.facts(ofType: field.type, imports: imports)
            let guardedBy = fieldComment(field).flatMap(LockConvention.guardedLock(inComment:))
            if field.names.isEmpty {
                // An embedded field is named by its type's last name (`sync.Mutex` → `Mutex`).
                var type = field.type
                if let star = type as? StarExpr { type = star.x }
                let name = (type as? SelectorExpr)?.sel.name ?? (type as? Ident)?.name ?? text(type)
                var embedded = FieldDeclaration(name: name, type: facts, isEmbedded: true, guardedBy: guardedBy, range: range(field))
                embedded.isPointer = field.type is StarExpr
                fields.append(embedded)
            }
            for name in field.names {
                var declared = FieldDeclaration(name: name.name, type: facts, guardedBy: guardedBy, range: range(name))
                declared.isPointer = field.type is StarExpr
                fields.append(declared)
            }
        }
        return TypeDeclaration(name: spec.name.name, kind: .valueType, fields: fields, range: range(spec.name))
    }

    /// The comment on a field's line after it, or the comment lines right above it.
    func fieldComment(_ field: Field) -> String? {
        let bytes = file.bytes
        var texts: [String] = []
        let comments = tree.comments
        var low = 0
        var high = comments.count
        while low < high {
            let mid = (low + high) / 2
            if comments[mid].slash.offset < field.end.offset { low = mid + 1 } else { high = mid }
        }
        if low < comments.count, field.end.offset >= 0 {
            // Same line: only blanks between the field and the comment.
            let comment = comments[low]
            let gap = bytes[field.end.offset..<comment.slash.offset]
            if gap.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) { texts.append(comment.text) }
        }
        if let above = commentGroup(before: field.pos) { texts.append(above) }
        return texts.isEmpty ? nil : texts.joined(separator: "\n")
    }

    /// The comment lines that end right before `pos` (no blank line between), joined.
    func commentGroup(before pos: Pos) -> String? {
        let comments = tree.comments
        guard pos.offset >= 0 else { return nil }
        // The last comment that ends before pos.
        var low = 0
        var high = comments.count
        while low < high {
            let mid = (low + high) / 2
            if comments[mid].endPos.offset <= pos.offset { low = mid + 1 } else { high = mid }
        }
        var index = low - 1
        var boundary = pos.offset
        var texts: [String] = []
        let bytes = file.bytes
        while index >= 0 {
            let comment = comments[index]
            let gap = bytes[comment.endPos.offset..<boundary]
            let newlines = gap.filter { $0 == UInt8(ascii: "\n") }.count
            guard newlines <= 1, gap.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") })
            else { break }
            texts.append(comment.text)
            boundary = comment.slash.offset
            index -= 1
        }
        return texts.isEmpty ? nil : texts.reversed().joined(separator: "\n")
    }

    /// Export, lock-held conventions and constructors of a declared function.
    func annotate(_ id: FunctionID, _ decl: FuncDecl) {
        let name = decl.name.name
        functions[id.index].isExported = name.first?.isUppercase ?? false
        if let doc = commentGroup(before: decl.pos), LockConvention.requiresHeldLock(docComment: doc) {
            functions[id.index].documentedAsLockHeld = true
        }
        // `assertLockHeld(&l)` at the top states the same convention in code.
        if functions[id.index].body.prefix(8).contains(where: { step in
            if case .call(let call) = step { return GoAPITable.heldLockAssertions.contains(call.name) }
            return false
        }) {
            functions[id.index].documentedAsLockHeld = true
        }
        // `NewT`, `OpenT`, `makeT`, `createT` returning `*T` or `T`, or building a `T` it returns
        // as an interface (`store := &store{…}` in `NewReferenceStore() (Store, error)`): the
        // object is built, not yet shared.
        guard decl.recv == nil, GoAPITable.constructorPrefixes.contains(where: { name.hasPrefix($0) }),
              let first = decl.type.results?.list.first
        else { return }
        var type = first.type
        if let star = type as? StarExpr { type = star.x }
        if let ident = type as? Ident, structFields[ident.name] != nil {
            functions[id.index].isInitializer = true
        } else if bindings.contains(where: { binding in
            binding.function == id && binding.kind == .local && binding.type.name.map { structFields[$0] != nil } ?? false
        }) {
            functions[id.index].isInitializer = true
        }
    }
}
