import ConcModel

/// A must-analysis over one body's step tree: which "open" obligations (a held lock, a `Done` not
/// yet called) are certainly still open when a path leaves the body, and at each `await`.
///
/// A rule says which steps open a key and which close it. The walk follows the tree: branch
/// arms merge by intersection (an obligation is open after a branch only if it is open at the
/// end of every arm that falls through), a loop body may run zero times, `defer` bodies register
/// closes that run at exit, in-place closures are walked where they are called (their `return`
/// leaves only the closure), and spawned or escaping closures are not walked (they are bodies of
/// their own).
struct OpenKeyPaths {
    /// A path leaving the body by `return`, `throw` or `panic`, with what is open there.
    struct ExitRecord {
        var exit: Exit
        /// Open keys, with where each was opened.
        var open: [String: SourceRange]
        /// Keys a `defer` registered on every path to here will close.
        var deferredClosed: Set<String>
    }

    /// A `continue`, or a `break` out of a loop or a `switch` arm, reached with keys open that
    /// the statement it jumps out of opened: the next iteration starts with them still open, or
    /// the loop or switch is left with them.
    struct LoopJumpRecord {
        var range: SourceRange
        /// The loop continued or left; `nil` for a `break` out of a switch arm.
        var loop: Loop?
        /// The range of the loop or switch jumped out of.
        var scope: SourceRange
        var open: [String: SourceRange]
        var isContinue: Bool
    }

    /// A statement `break` or `continue` can leave, with the states that leave it.
    private struct JumpTarget {
        enum Kind { case loop, select, switchArm }
        var kind: Kind
        var label: String?
        var range: SourceRange
        var loop: Loop?
        var leaving: [State] = []
    }

    /// An `await` reached with keys open (deferred closes have not run yet).
    struct SuspensionRecord {
        var range: SourceRange
        var open: [String: SourceRange]
    }

    private struct State {
        var open: [String: SourceRange]
        var deferredClosed: Set<String>

        /// The must-merge of two states that both reach the same point.
        func merged(with other: State) -> State {
            State(
                open: open.filter { other.open[$0.key] != nil },
                deferredClosed: deferredClosed.intersection(other.deferredClosed))
        }
    }

    let unit: Unit
    /// The key a step opens, if any (`mu.Lock()` → `mu`).
    let opens: (Step) -> String?
    /// The key a step closes, if any (`mu.Unlock()` → `mu`).
    let closes: (Step) -> String?
    private(set) var exits: [ExitRecord] = []
    private(set) var suspensions: [SuspensionRecord] = []
    private(set) var loopJumps: [LoopJumpRecord] = []
    private var depth = 0
    /// The loops, selects and switches being walked, innermost last, with the states at the
    /// `break`s and `continue`s that leave them (they reach the code after the statement).
    private var jumpTargets: [JumpTarget] = []

    init(unit: Unit, opens: @escaping (Step) -> String?, closes: @escaping (Step) -> String?) {
        self.unit = unit
        self.opens = opens
        self.closes = closes
    }

    /// Walks `body` with `initiallyOpen` keys open at its start; fills ``exits`` and
    /// ``suspensions``. Returns the keys certainly open where the body falls off its end (`nil`
    /// when no path does).
    @discardableResult
    mutating func walk(_ body: [Step], initiallyOpen: [String: SourceRange] = [:]) -> [String: SourceRange]? {
        walk(body, State(open: initiallyOpen, deferredClosed: []), inClosure: false)?.open
    }

    /// Returns the state where the steps fall through, or `nil` when every path has left.
    private mutating func walk(_ steps: [Step], _ start: State, inClosure: Bool) -> State? {
        depth += 1
        defer { depth -= 1 }
        guard depth < 200 else { return start }
        var state = start
        for step in steps {
            if let key = opens(step) {
                state.open[key] = Self.range(of: step) ?? state.open[key]
                continue
            }
            if let key = closes(step) {
                state.open[key] = nil
                continue
            }
            switch step {
            case .exit(let exit):
                switch exit.kind {
                case .return where inClosure:
                    return nil
                case .return, .throw, .panic:
                    exits.append(ExitRecord(exit: exit, open: state.open, deferredClosed: state.deferredClosed))
                    return nil
                case .loopExit:
                    guard let index = jumpTarget(of: exit) else { return nil }
                    let target = jumpTargets[index]
                    let openedInside = state.open.filter {
                        target.range.start <= $0.value.start && $0.value.end <= target.range.end
                            && !state.deferredClosed.contains($0.key)
                    }
                    if !openedInside.isEmpty, target.kind != .select {
                        loopJumps.append(LoopJumpRecord(
                            range: exit.range, loop: target.loop, scope: target.range, open: openedInside,
                            isContinue: exit.continuesLoop))
                    }
                    // A `continue` goes back to the loop's head; the model merges it with the
                    // states that leave the loop, like a `break`.
                    jumpTargets[index].leaving.append(state)
                    return nil
                case .processExit:
                    return nil
                }
            case .wait(let wait) where wait.kind == .suspension:
                if !state.open.isEmpty { suspensions.append(SuspensionRecord(range: wait.range, open: state.open)) }
            case .sleep(let sleep) where sleep.suspends:
                // `await Task.sleep` is a sleep to the other rules, but it suspends all the same.
                if !state.open.isEmpty { suspensions.append(SuspensionRecord(range: sleep.range, open: state.open)) }
            case .deferred(let deferred):
                state.deferredClosed.formUnion(closedKeys(in: deferred.body))
            case .closure(let use) where use.invocation == .inPlace:
                if let end = walk(unit[use.function].body, state, inClosure: true) { state = end }
            case .critical(let critical):
                guard let end = walk(critical.body, state, inClosure: inClosure) else { return nil }
                state = end
            case .spawn(let spawn):
                guard let end = walk(spawn.arguments, state, inClosure: inClosure) else { return nil }
                state = end
            case .loop(let loop):
                guard let afterHeader = walk(loop.header, state, inClosure: inClosure) else { return nil }
                jumpTargets.append(JumpTarget(kind: .loop, label: loop.label, range: loop.range, loop: loop))
                let bodyEnd = walkBlock(loop.body, afterHeader, inClosure: inClosure)
                let leaving = jumpTargets.removeLast().leaving
                // A loop without a condition is left only by `break` (or `continue`, which the
                // model does not tell apart).
                var after: State? = loop.domain == .forever ? nil : afterHeader
                if loop.domain != .forever, let bodyEnd { after = after.map { $0.merged(with: bodyEnd) } ?? bodyEnd }
                for exit in leaving { after = after.map { $0.merged(with: exit) } ?? exit }
                guard let after else { return nil }
                state = after
            case .branch(let branch):
                var merged: State? = branch.isExhaustive && !branch.arms.isEmpty ? nil : state
                if branch.isSwitch { jumpTargets.append(JumpTarget(kind: .switchArm, label: branch.label, range: branch.range)) }
                for arm in branch.arms {
                    guard let end = walkBlock(arm, state, inClosure: inClosure) else { continue }
                    merged = merged.map { $0.merged(with: end) } ?? end
                }
                if branch.isSwitch {
                    for exit in jumpTargets.removeLast().leaving { merged = merged.map { $0.merged(with: exit) } ?? exit }
                }
                guard let merged else { return nil }
                state = merged
            case .select(let select):
                var merged: State?
                jumpTargets.append(JumpTarget(kind: .select, range: select.range))
                for selectCase in select.cases {
                    guard let end = walkBlock(selectCase.body, state, inClosure: inClosure) else { continue }
                    merged = merged.map { $0.merged(with: end) } ?? end
                }
                for exit in jumpTargets.removeLast().leaving { merged = merged.map { $0.merged(with: exit) } ?? exit }
                if select.cases.isEmpty { return nil }
                guard let merged else { return nil }
                state = merged
            default:
                break
            }
        }
        return state
    }

    /// The statement a `break` or `continue` leaves: the one its label names; else, for a
    /// `continue`, the innermost loop; for a `break`, the innermost loop or select, or the
    /// switch arm it ends. `nil` when there is none in this body.
    private func jumpTarget(of exit: Exit) -> Int? {
        if let label = exit.label { return jumpTargets.lastIndex { $0.label == label } }
        if exit.continuesLoop { return jumpTargets.lastIndex { $0.kind == .loop } }
        if exit.endsSwitchArm { return jumpTargets.lastIndex { $0.kind == .switchArm } }
        return jumpTargets.lastIndex { $0.kind != .switchArm }
    }

    /// A nested block: in Swift a `defer` inside it runs when the block ends.
    private mutating func walkBlock(_ steps: [Step], _ start: State, inClosure: Bool) -> State? {
        guard var end = walk(steps, start, inClosure: inClosure) else { return nil }
        if unit.facts.deferRunsAtBlockEnd {
            for key in end.deferredClosed.subtracting(start.deferredClosed) { end.open[key] = nil }
            end.deferredClosed = start.deferredClosed
        }
        return end
    }

    /// The keys closed anywhere in `steps`, including in-place closures they call.
    func closedKeys(in steps: [Step]) -> Set<String> {
        var keys = Set<String>()
        OpenKeyPaths.forEachInlineStep(steps, unit: unit) { step in
            if let key = closes(step) { keys.insert(key) }
        }
        return keys
    }

    /// Visits every step of `steps` depth first, entering in-place closures but not spawned or
    /// escaping ones.
    static func forEachInlineStep(_ steps: [Step], unit: Unit, depth: Int = 0, _ visit: (Step) -> Void) {
        guard depth < 200 else { return }
        for step in steps {
            visit(step)
            switch step {
            case .loop(let loop):
                forEachInlineStep(loop.header, unit: unit, depth: depth + 1, visit)
                forEachInlineStep(loop.body, unit: unit, depth: depth + 1, visit)
            case .branch(let branch):
                for arm in branch.arms { forEachInlineStep(arm, unit: unit, depth: depth + 1, visit) }
            case .deferred(let deferred): forEachInlineStep(deferred.body, unit: unit, depth: depth + 1, visit)
            case .critical(let critical): forEachInlineStep(critical.body, unit: unit, depth: depth + 1, visit)
            case .select(let select):
                for selectCase in select.cases { forEachInlineStep(selectCase.body, unit: unit, depth: depth + 1, visit) }
            case .spawn(let spawn): forEachInlineStep(spawn.arguments, unit: unit, depth: depth + 1, visit)
            case .closure(let use) where use.invocation == .inPlace:
                forEachInlineStep(unit[use.function].body, unit: unit, depth: depth + 1, visit)
            default: break
            }
        }
    }

    /// The source range of a simple step.
    static func range(of step: Step) -> SourceRange? {
        switch step {
        case .sync(let sync): sync.range
        case .wait(let wait): wait.range
        case .exit(let exit): exit.range
        case .access(let access): access.range
        case .channel(let channel): channel.range
        case .call(let call): call.range
        case .sleep(let sleep): sleep.range
        case .spawn(let spawn): spawn.range
        default: nil
        }
    }
}
