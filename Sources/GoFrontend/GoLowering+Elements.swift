import ConcModel
import GoSyntax

/// Which elements of a slice or array an access touches: those a constant index or reslice
/// reaches (`a[2]`, `a[:5]`), or none at all (`len(a)`), so the rules can tell a store into one
/// element from a use of another.
extension GoLowering {
    /// Marks the access just emitted for `expr` (a plain name) as touching element `index`.
    func noteConstantIndex(of expr: Expr, index: Expr) {
        guard expr is Ident, let value = constantValue(index), value >= 0, value < Int.max else { return }
        updateLastAccess(of: expr) { $0.constantElements = value..<(value + 1) }
    }

    /// Lowers `a[lo:hi]` noting the elements the reslice reaches: `lo..<hi` when `bounded`
    /// (a `copy` stays within the length), otherwise everything from `lo` up to the capacity.
    func lowerSlice(_ node: SliceExpr, bounded: Bool) {
        lowerExpr(node.x)
        if node.x is Ident, let low = node.low.map(constantValue) ?? 0, low >= 0 {
            var upper = Int.max
            if bounded, let high = node.high.flatMap(constantValue), high >= low { upper = high }
            updateLastAccess(of: node.x) { $0.constantElements = low..<upper }
        }
        for bound in [node.low, node.high, node.max] { if let bound { lowerExpr(bound) } }
    }

    /// Marks the read just emitted for `expr` (a plain name of a slice or array) as reading the
    /// header only: a length, a capacity, a discarded reslice, a range with no element variable.
    func noteHeaderOnlyRead(of expr: Expr) {
        guard let ident = expr as? Ident, let id = resolve(ident.name) else { return }
        let binding = bindings[id.index]
        // Map iteration and channels read shared internals, not a header.
        guard binding.type.name != "map", binding.type.category != .channel else { return }
        updateLastAccess(of: expr) { access in
            if access.kind == .read { access.readsHeaderOnly = true }
        }
    }

    /// `for range a {}`, `for i := range a {}`: no element is read.
    func rangeReadsNoElement(_ node: RangeStmt) -> Bool {
        guard let value = node.value else { return true }
        return (value as? Ident)?.name == "_"
    }

    private func updateLastAccess(of expr: Expr, _ update: (inout Access) -> Void) {
        guard let ident = expr as? Ident, let id = resolve(ident.name),
              case .access(var access)? = stepStack[stepStack.count - 1].last, access.binding == id
        else { return }
        update(&access)
        stepStack[stepStack.count - 1][stepStack[stepStack.count - 1].count - 1] = .access(access)
    }
}
