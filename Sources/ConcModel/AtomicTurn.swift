/// A Go branch condition that only one of the goroutines sharing an atomic can pass, and only
/// after the others' operations on it: `if atomic.AddInt64(&n, 1) == 2` (the last of two to
/// arrive) or `if !atomic.CompareAndSwapInt32(&s, 0, 1)` (the loser, after the winner's swap).
/// Go's atomics are sequentially consistent, so what the others did before their operation is
/// ordered before the branch's first arm.
public struct AtomicTurn: Sendable, Hashable {
    /// Which goroutine the condition lets through.
    public enum Kind: Sendable, Hashable {
        /// The counter, counted up by one from zero, equals this: the goroutine that arrives this many-th.
        case arrival(Int)
        /// A compare-and-swap failed: another goroutine's swap came first.
        case lostSwap
    }

    /// The atomic variable.
    public var binding: BindingID
    /// Which goroutine passes.
    public var kind: Kind

    public init(binding: BindingID, kind: Kind) {
        self.binding = binding
        self.kind = kind
    }
}
