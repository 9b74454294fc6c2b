/// What a branch condition tests: the facts behind ``Branch/testedCalls``, kept the same way by
/// both front ends.
extension ModelBuilder {
    /// The most calls remembered for one local or one condition: a condition that calls more is
    /// not a simple check.
    static let maximumTestedCalls = 8

    /// Records that the locals `ids` hold the results of the calls emitted in the current step
    /// list since `first` (`v, ok := c.Get(k)`, `let t = registry.task(for: url)`); when the
    /// value was not a call, forgets what they held before.
    public func noteCallResults(_ ids: [BindingID], since first: Int) {
        let calls = Self.calls(in: stepStack[stepStack.count - 1].dropFirst(first))
        for id in ids {
            if calls.isEmpty { callResults[id] = nil } else { callResults[id] = calls }
        }
    }

    /// The calls a condition lowered to `steps` tests: the calls among the steps, and the calls
    /// whose results the locals it reads hold.
    public func testedCalls(in steps: some Sequence<Step>) -> [SourceRange] {
        var result = Self.calls(in: steps)
        for step in steps {
            guard case .access(let access) = step, access.kind == .read, let held = callResults[access.binding] else { continue }
            for range in held where !result.contains(range) { result.append(range) }
        }
        return Array(result.prefix(Self.maximumTestedCalls))
    }

    /// The calls whose results the condition lowered since `first` in the current list tests.
    public func testedCalls(since first: Int) -> [SourceRange] {
        testedCalls(in: stepStack[stepStack.count - 1].dropFirst(first))
    }

    /// The ranges of the call steps among `steps`, not looking into compound steps.
    static func calls(in steps: some Sequence<Step>) -> [SourceRange] {
        var result: [SourceRange] = []
        for case .call(let call) in steps where result.count < maximumTestedCalls { result.append(call.range) }
        return result
    }
}
