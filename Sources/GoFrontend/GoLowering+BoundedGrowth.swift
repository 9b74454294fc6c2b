import ConcModel
import GoSyntax

/// Local collections whose size the code chose: a slice or map that starts at a known size and
/// grows only inside loops that run a constant number of times (or under a `len(x) < N` guard)
/// has a size bounded by a constant, so ranging over it is a counted loop, not a walk over input.
extension GoLowering {
    /// One enclosing loop while its header and body are lowered.
    struct LoopFrame {
        var domain: Loop.Domain
        /// Collections the loop's condition caps (`for len(q) < 100 && …`).
        var caps: Set<BindingID>
        /// The loop statement, to look ahead at what its body changes.
        var node: Stmt
    }

    /// Lowers `body` with `frame` on the loop stack.
    func withLoop(_ frame: LoopFrame, _ body: () -> Void) {
        loopStack.append(frame)
        body()
        loopStack.removeLast()
    }

    /// Starts tracking the size of `id`, declared here with `count` elements.
    func noteCountedCollection(_ id: BindingID, count: Int) {
        literalCounts[id] = count
        collectionBounds[id] = count
        countedSinceLoopDepth[id] = loopStack.count
    }

    /// `x = append(x, …)` adding `added` elements (`nil`: a spread, unknown), or `m[k] = v`.
    /// Keeps the size bounded when every loop between the declaration and here has a constant
    /// trip count or caps the collection's length; forgets it otherwise.
    func noteGrowth(of id: BindingID, by added: Int?) {
        madeCounts[id] = nil
        guard literalCounts[id] != nil || boundedCollections.contains(id), let added,
              let depth = countedSinceLoopDepth[id], bindings[id.index].function == currentFunction,
              !currentFunctionHasGoto, growthIsBounded(id, since: depth)
        else {
            literalCounts[id] = nil
            collectionBounds[id] = nil
            boundedCollections.remove(id)
            // Grown beyond constant bounds it collects input, unless only counted loops grow it
            // by known amounts: a configured number of workers or clients is no input.
            let onlyCounted = added != nil && bindings[id.index].function == currentFunction && !currentFunctionHasGoto
                && loopStack[min(countedSinceLoopDepth[id] ?? 0, loopStack.count)...].allSatisfy { frame in
                    switch frame.domain {
                    case .constantCount: return true
                    case .count: return Self.testsItsCounter(frame.node)
                    default: return false
                    }
                }
            if bindings[id.index].kind == .local, !onlyCounted { inputCollections.insert(id) }
            return
        }
        // The most it can hold: each loop since its declaration multiplies the growth by its
        // trip count; a loop capped by a length condition leaves the most unknown.
        if let bound = collectionBounds[id] {
            var trips: Int? = 1
            for frame in loopStack[depth...] {
                if case .constantCount(let count) = frame.domain { trips = trips.map { $0 * count } } else { trips = nil }
            }
            collectionBounds[id] = trips.map { bound + added * $0 }
        }
        // Bounded but no longer exact: a branch may skip the growth.
        if added > 0 || boundedCollections.contains(id) {
            literalCounts[id] = nil
            boundedCollections.insert(id)
        }
    }

    private func growthIsBounded(_ id: BindingID, since depth: Int) -> Bool {
        guard depth <= loopStack.count else { return false }
        for frame in loopStack[depth...].reversed() {
            if frame.caps.contains(id) { return true }
            guard case .constantCount = frame.domain else { return false }
        }
        return true
    }

    /// Whether a counted `for` compares the variable its init declares (`for i := 0; i < n; i++`),
    /// or ranges over an integer: a count, not a condition on something else.
    static func testsItsCounter(_ node: Stmt) -> Bool {
        guard let loop = node as? ForStmt else { return node is RangeStmt }
        guard let initStmt = loop.initStmt as? AssignStmt, let counter = initStmt.lhs.first as? Ident,
              let cond = loop.cond as? BinaryExpr
        else { return false }
        return (cond.x as? Ident)?.name == counter.name || (cond.y as? Ident)?.name == counter.name
    }

    /// The collections a loop condition caps: conjuncts `len(x) < N`, `len(x) <= N`, `N > len(x)`.
    func cappedCollections(_ cond: Expr?) -> Set<BindingID> {
        guard let cond else { return [] }
        if let paren = cond as? ParenExpr { return cappedCollections(paren.x) }
        guard let binary = cond as? BinaryExpr else { return [] }
        if binary.op == .land { return cappedCollections(binary.x).union(cappedCollections(binary.y)) }
        let measured: Expr?
        switch binary.op {
        case .lss, .leq: measured = constantValue(binary.y) != nil ? binary.x : nil
        case .gtr, .geq: measured = constantValue(binary.x) != nil ? binary.y : nil
        default: measured = nil
        }
        guard let call = measured as? CallExpr, let fun = call.fun as? Ident, fun.name == "len",
              call.args.count == 1, let ident = call.args[0] as? Ident, let id = resolve(ident.name)
        else { return [] }
        return [id]
    }

    /// Whether a `goto` in the function being lowered may loop back over a growth site.
    var currentFunctionHasGoto: Bool {
        guard let id = currentFunction, !gotoOffsets.isEmpty else { return false }
        let range = functions[id.index].range
        return gotoOffsets.contains { range.start.offset <= $0 && $0 < range.end.offset }
    }

    /// Whether `name`'s size, known where a range over it starts, can still change before the
    /// range runs again: a loop entered after the collection was made changes it later in its
    /// body (`for … { for range seen { … }; seen = append(seen, x) }`).
    func sizeMayChangeInEnclosingLoops(_ id: BindingID, name: String) -> Bool {
        guard let depth = countedSinceLoopDepth[id], depth < loopStack.count else { return false }
        return loopStack[depth...].contains { frame in Self.changes(name, in: frame.node) }
    }

    /// Whether `node` assigns, appends to, stores into or takes the address of `name`.
    static func changes(_ name: String, in node: Node) -> Bool {
        var found = false
        node.inspect { child in
            if found { return false }
            if let assign = child as? AssignStmt {
                found = assign.lhs.contains { target in
                    var root: Expr = target
                    while true {
                        if let index = root as? IndexExpr { root = index.x } else if let paren = root as? ParenExpr { root = paren.x } else { break }
                    }
                    return (root as? Ident)?.name == name
                }
            } else if let unary = child as? UnaryExpr, unary.op == .and, (unary.x as? Ident)?.name == name {
                found = true
            }
            return !found
        }
        return found
    }

    /// `&x`, or a map handed to a call or bound to another name: whoever holds it may grow it out
    /// of sight, so its size is no longer known.
    func forgetSize(of expr: Expr, onlyMaps: Bool = false) {
        // Called for every call argument: nothing to forget is the common case.
        guard !literalCounts.isEmpty || !boundedCollections.isEmpty || !madeCounts.isEmpty,
              let ident = expr as? Ident, let id = resolve(ident.name),
              literalCounts[id] != nil || boundedCollections.contains(id) || madeCounts[id] != nil
        else { return }
        if onlyMaps, bindings[id.index].type.name != "map" { return }
        if bindings[id.index].kind == .local { inputCollections.insert(id) }
        literalCounts[id] = nil
        collectionBounds[id] = nil
        madeCounts[id] = nil
        boundedCollections.remove(id)
    }

    /// Whether `expr` calls a function that returns a collection as long as its input.
    func isInputCollectionCall(_ expr: Expr) -> Bool {
        guard let call = expr as? CallExpr else { return false }
        let called = callee(of: call)
        return called.package != nil && GoAPITable.inputCollectionCalls.contains(called.text)
    }

    /// Whether a range over `expr`, a collection, visits elements that come from input (see
    /// ``ConcModel/Loop/elementsFromInput``).
    func rangesOverInput(_ expr: Expr) -> Bool {
        if isInputCollectionCall(expr) { return true }
        guard let ident = expr as? Ident, let id = resolve(ident.name) else { return false }
        // Grown later in an enclosing loop's body, per round of that loop.
        if inputCollections.contains(id) || sizeMayChangeInEnclosingLoops(id, name: ident.name) { return true }
        let binding = bindings[id.index]
        guard binding.kind == .parameter, let owner = binding.function else { return false }
        return functions[owner.index].kind == .declared
    }

    /// The initial size of a collection made by `value`, when the code chose it: a map literal,
    /// `make(map[K]V)`, or `make([]T, n, c)` with a constant length.
    func initialCollectionCount(_ value: Expr) -> Int? {
        if let literal = value as? CompositeLit, literal.type is MapType { return literal.elts.count }
        guard let call = value as? CallExpr, let fun = call.fun as? Ident, fun.name == "make",
              let type = call.args.first
        else { return nil }
        if type is MapType { return 0 }
        if type is ArrayType, call.args.count == 3 { return constantValue(call.args[1]) }
        return nil
    }
}
