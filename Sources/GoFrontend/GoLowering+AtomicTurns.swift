import ConcModel
import GoSyntax

/// Conditions that only the last goroutine to reach an atomic counter, or the loser of a
/// compare-and-swap, can pass (see ``AtomicTurn``).
extension GoLowering {
    /// `atomic.AddInt64(&n, 1) == K`, `n.Add(1) == K`, `!atomic.CompareAndSwapInt32(&s, a, b)`,
    /// `!s.CompareAndSwap(a, b)`.
    func atomicTurn(_ cond: Expr) -> AtomicTurn? {
        if let unary = cond as? UnaryExpr, unary.op == .not, let call = unary.x as? CallExpr,
           let (id, name, _) = atomicOperation(call), name.hasPrefix("CompareAndSwap") {
            return AtomicTurn(binding: id, kind: .lostSwap)
        }
        guard let binary = cond as? BinaryExpr, binary.op == .eql else { return nil }
        for (side, other) in [(binary.x, binary.y), (binary.y, binary.x)] {
            guard let call = side as? CallExpr, let (id, name, delta) = atomicOperation(call), name.hasPrefix("Add"),
                  delta.flatMap(constantValue) == 1, let count = constantValue(other)
            else { continue }
            return AtomicTurn(binding: id, kind: .arrival(count))
        }
        return nil
    }

    /// The atomic variable a call operates on, the operation's name and its first value argument.
    private func atomicOperation(_ call: CallExpr) -> (BindingID, String, Expr?)? {
        let callee = callee(of: call)
        if callee.package == "atomic", let first = call.args.first {
            var target = first
            if let unary = first as? UnaryExpr, unary.op == .and { target = unary.x }
            guard let (id, _) = resolvePath(target) else { return nil }
            return (id, callee.name, call.args.dropFirst().first)
        }
        if let receiver = callee.receiver, let (id, path) = resolvePath(receiver), receiverFacts(id, path: path).category == .atomic {
            return (id, callee.name, call.args.first)
        }
        return nil
    }
}
