/// What a branch condition tests: the facts behind ``Branch/testedCalls``, kept the same way by
/// both front ends.
extension ModelBuilder {
    /// The most calls remembered for one local or one condition: a condition that calls more is
    /// not a simple check.
    static let maximumTestedCalls = 8

    /// Records that the locals `ids` hold the results of the calls emitted in the current step
    /// list since `first` (`let t = registry.task(for: url)`: the first result of the last,
    /// outermost call; the whole value of the calls in its arguments); when the value was not a call,
    /// forgets what they held before. With `spread`, the statement gives each local one result
    /// of the last (outermost) call in turn (`v, ok := c.Get(k)`); a `nil` id is a position the
    /// statement discards (`_`).
    public func noteCallResults(_ ids: [BindingID?], since first: Int, spread: Bool = false) {
        let calls = Self.calls(in: stepStack[stepStack.count - 1].dropFirst(first))
        for (position, id) in ids.enumerated() {
            guard let id else { continue }
            guard let outermost = calls.last else {
                callResults[id] = nil
                continue
            }
            // A local set from one value holds the outermost call's (first) result.
            callResults[id] = Array(calls.dropLast()) + [TestedCall(range: outermost.range, results: [spread ? position : 0])]
        }
    }

    /// The calls a condition lowered to `steps` tests: the calls among the steps whose results
    /// it does not store (`if c.Has(k)`), and the calls whose results the locals it reads hold
    /// (`if _, ok := c.Get(k); !ok` tests the second result only).
    public func testedCalls(in steps: some Sequence<Step>) -> [TestedCall] {
        var stored = Set<SourceRange>()
        for step in steps {
            switch step {
            case .declare(let id): stored.formUnion((callResults[id] ?? []).map(\.range))
            case .access(let access) where access.kind.isWrite: stored.formUnion((callResults[access.binding] ?? []).map(\.range))
            default: break
            }
        }
        var result = Self.calls(in: steps).filter { !stored.contains($0.range) }
        for step in steps {
            guard case .access(let access) = step, access.kind == .read, let held = callResults[access.binding] else { continue }
            for call in held {
                if let index = result.firstIndex(where: { $0.range == call.range }) {
                    result[index] = result[index].merged(with: call)
                } else {
                    result.append(call)
                }
            }
        }
        return Array(result.prefix(Self.maximumTestedCalls))
    }

    /// The calls whose results the condition lowered since `first` in the current list tests.
    public func testedCalls(since first: Int) -> [TestedCall] {
        testedCalls(in: stepStack[stepStack.count - 1].dropFirst(first))
    }

    /// The call steps among `steps`, each tested as a whole, not looking into compound steps.
    static func calls(in steps: some Sequence<Step>) -> [TestedCall] {
        var result: [TestedCall] = []
        for case .call(let call) in steps where result.count < maximumTestedCalls { result.append(TestedCall(range: call.range)) }
        return result
    }
}
