import ConcModel

extension LockWithoutUnlock {
    /// The fix for a lock left held on an early exit.
    ///
    /// `safe`: a deferred release right after the lock, and the function's other releases of it
    /// removed, when that keeps every path's behaviour: the lock is taken once in the function,
    /// by a statement of the body itself (not in a branch or loop, where a Swift `defer` would
    /// run at the end of the block), and every release is a statement followed only by reads
    /// and a `return` (or the end of the body), so moving it to the function's exit holds the
    /// lock over nothing that could block or take it again. The release is copied as written
    /// (`a.mu.Unlock()`, `lock.unlock()`) into the language's `defer` from the rule's metadata.
    ///
    /// Otherwise `review`: the release inserted before each leaking `return` or `throw`. A lock
    /// some call of the body takes or releases (`s.lock()`) gets no `safe` fix: moving the body's
    /// own releases would not move those.
    func releaseFixes(
        lockRange: SourceRange, key: String, exits: [Exit], in function: Function, unit: Unit, context: RuleContext,
        takenOrReleasedByCalls: Bool = false
    ) -> [Fix] {
        let file = unit.file
        var releases: [(range: SourceRange, followedByExit: Bool)] = []
        var lockCount = 0
        var opaque = takenOrReleasedByCalls
        func visit(_ steps: [Step], depth: Int) {
            guard depth < 200 else { opaque = true; return }
            for (index, step) in steps.enumerated() {
                if Self.lockKey(step) == key { lockCount += 1 }
                if Self.unlockKey(step) == key, case .sync(let sync) = step {
                    releases.append((sync.range, Self.onlyReadsThenLeaves(steps[(index + 1)...], atBodyEnd: depth == 0)))
                }
                switch step {
                case .loop(let loop): visit(loop.header, depth: depth + 1); visit(loop.body, depth: depth + 1)
                case .branch(let branch): for arm in branch.arms { visit(arm, depth: depth + 1) }
                case .select(let select): for selectCase in select.cases { visit(selectCase.body, depth: depth + 1) }
                case .critical, .deferred: opaque = true
                case .closure(let use) where use.invocation == .inPlace: opaque = true
                default: break
                }
                if case .critical(let critical) = step, critical.guardPath == Self.displayName(key) { opaque = true }
            }
        }
        visit(function.body, depth: 0)
        let lockIsStatement = function.body.contains { step in
            if case .sync(let sync) = step, sync.range == lockRange, Self.lockKey(step) == key { return true }
            return false
        }
        guard let first = releases.first, file.isWholeLine(first.range) else { return [] }
        let unlock = file.text(first.range)
        if lockIsStatement, lockCount == 1, !opaque, file.isWholeLine(lockRange),
           releases.allSatisfy({ $0.followedByExit && file.isWholeLine($0.range) }),
           let deferred = context.fixText("deferUnlock", ["unlock": unlock]) {
            return [Fix(
                message: "Release with `\(deferred)` right after taking the lock, instead of before each return",
                edits: [file.insertingLine(deferred, after: lockRange.start.line)] + releases.map { file.deletingLine($0.range.start.line) },
                applicability: .safe)]
        }
        let leaving = exits.filter { exit in
            (exit.kind == .return || exit.kind == .throw) && !exit.isFailedTry && file.codeBefore(exit.range.start).isEmpty
        }
        guard leaving.count == exits.count else { return [] }
        return [Fix(
            message: "Release the lock with `\(unlock)` before \(exits.count == 1 ? "the early exit" : "each early exit")",
            edits: leaving.map { file.insertingLine(unlock, before: $0.range.start.line) },
            applicability: .review)]
    }

    /// Whether `steps` (those after a release) only read, declare or end the flow before a
    /// `return`, or are empty at the end of the function body.
    private static func onlyReadsThenLeaves(_ steps: ArraySlice<Step>, atBodyEnd: Bool) -> Bool {
        for step in steps {
            switch step {
            case .access(let access) where !access.kind.isWrite: continue
            case .declare: continue
            case .exit(let exit): return exit.kind == .return
            default: return false
            }
        }
        return atBodyEnd
    }
}

extension LockWithoutUnlock {
    /// For a `continue` or `break` that skips the release: the release the jump skips (as
    /// written, the first one after it) inserted before each jump. `review`: the jump's target
    /// may expect the lock held.
    func jumpReleaseFix(jumps: [SourceRange], releases: [SourceRange], unit: Unit) -> Fix? {
        let file = unit.file
        guard let first = jumps.first,
              let release = releases.filter({ $0.start > first.start }).min(by: { $0.start < $1.start }),
              file.isWholeLine(release),
              jumps.allSatisfy({ file.codeBefore($0.start).isEmpty })
        else { return nil }
        let unlock = file.text(release)
        return Fix(
            message: "Release the lock with `\(unlock)` before \(jumps.count == 1 ? "the jump" : "each jump") that skips its release",
            edits: jumps.map { file.insertingLine(unlock, before: $0.start.line) },
            applicability: .review)
    }
}
