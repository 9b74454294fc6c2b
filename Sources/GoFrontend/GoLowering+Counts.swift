import ConcModel
import GoSyntax

/// What a range expression counts: integers, fixed-size arrays and tables, constant strings.
extension GoLowering {
    /// Whether `path` is `x.f` where `x`'s struct type, declared in this file, declares `f` as an
    /// array (`[K]T`).
    func isArrayField(_ path: String, of id: BindingID) -> Bool {
        let components = path.split(separator: ".")
        guard components.count == 2, let typeName = bindings[id.index].type.name else { return false }
        return structFields[typeName]?[String(components[1])]?.name == "array"
    }

    /// Records a constant: integers for bounds and capacities, string lengths for ranges.
    func noteConstant(_ name: String, value: Expr) {
        if let number = constantValue(value) { constants[name] = number }
        if let literal = value as? BasicLit, literal.tokenKind == .string, literal.value.hasPrefix("\"") {
            stringConstantLengths[name] = literal.value.utf8.count - 2
        }
    }

    /// `content` or `[]byte(content)` for a string constant: its (approximate, escape-counting)
    /// byte length.
    func stringConstantLength(_ expr: Expr) -> Int? {
        if let ident = expr as? Ident { return resolve(ident.name) == nil ? stringConstantLengths[ident.name] : nil }
        if let call = expr as? CallExpr, call.fun is ArrayType, call.args.count == 1 { return stringConstantLength(call.args[0]) }
        return nil
    }

    /// The constant length of an array type `[N]T` (`nil` for slices, `[...]T` and unknown `N`).
    func arrayLength(_ type: Expr?) -> Int? {
        guard let array = type as? ArrayType, let length = array.len, !(length is Ellipsis) else { return nil }
        return constantValue(length)
    }

    /// `produce(…)` where `produce` is a package-level function of this file returning a channel.
    func channelFunctionCalled(_ expr: Expr) -> String? {
        guard let call = expr as? CallExpr, let fun = call.fun as? Ident, channelFunctions.contains(fun.name),
              resolve(fun.name) == nil
        else { return nil }
        return fun.name
    }

    /// An expression that can only be an integer where a range expects one: an arithmetic
    /// expression over an integer, `len`/`cap`/`min`/`max`, a core-count call, an integer
    /// conversion.
    func isIntegerExpression(_ expr: Expr) -> Bool {
        if let paren = expr as? ParenExpr { return isIntegerExpression(paren.x) }
        if let literal = expr as? BasicLit { return literal.tokenKind == .int }
        if constantValue(expr) != nil { return true }
        if let ident = expr as? Ident, let id = resolve(ident.name) { return bindings[id.index].type.category == .value }
        if let binary = expr as? BinaryExpr, [.add, .sub, .mul, .quo, .rem].contains(binary.op) {
            return isIntegerExpression(binary.x) || isIntegerExpression(binary.y)
        }
        if let call = expr as? CallExpr {
            var name = text(call.fun)
            if let selector = call.fun as? SelectorExpr, let package = selector.x as? Ident, let path = imports[package.name] {
                name = path + "." + selector.sel.name
            }
            if ["min", "max"].contains(name) { return true }
            return GoAPITable.integerCalls.contains(name) || GoAPITable.integerTypes.contains(name)
        }
        return false
    }
}
