import ConcModel

extension WaitgroupUnbalanced {
    /// How to repair an exit that skips `Done`: a fix, and a suggestion replacing the rule's
    /// default when that default (a deferred `Done`) would be wrong.
    struct DoneRepair {
        var fix: Fix?
        var suggestion: String?
    }

    /// When every `Done` ends the body (nothing but reads and a `return` after it, at the body's
    /// top level), `defer wg.Done()` as the body's first statement with those `Done`s removed is
    /// `safe`: the count drops at the same point on the paths that reached them, and now on the
    /// others too. When a `Done` runs mid-body (work follows it that `Wait` must not wait for,
    /// or that signals onwards), deferring it would move it: the fix is a `review` call of
    /// `Done` before the leaking exit, and the suggestion says so instead of suggesting `defer`.
    /// Spellings come from the `Done` as written and the rule's metadata.
    func doneRepair(sites: [SourceRange], exit: Exit, in function: Function, unit: Unit, context: RuleContext) -> DoneRepair {
        let file = unit.file
        guard let first = sites.first, sites.allSatisfy(file.isWholeLine) else { return DoneRepair() }
        let done = file.text(first)
        let endsBody = sites.allSatisfy { site in
            guard let index = function.body.firstIndex(where: { step in
                if case .sync(let sync) = step { return sync.range == site }
                return false
            }) else { return false }
            return Self.onlyReadsThenReturns(function.body[(index + 1)...])
        }
        let opening = function.range.start.line
        if endsBody, file.opensBlock(after: function.range.start), opening < function.range.end.line,
           let deferred = context.fixText("deferDone", ["done": done]) {
            let insert = file.insertingFirstLine(deferred, inBlockOpenedAt: function.range.start)
            return DoneRepair(fix: Fix(
                message: "Call `\(done)` with `\(deferred)` first thing, so every path counts down",
                edits: [insert] + sites.map { file.deletingLine($0.start.line) },
                applicability: .safe))
        }
        let suggestion = context.fixText("doneMidBodySuggestion", ["done": done])
        guard (exit.kind == .return || exit.kind == .throw), !exit.isFailedTry, file.codeBefore(exit.range.start).isEmpty
        else { return DoneRepair(suggestion: suggestion) }
        return DoneRepair(
            fix: Fix(
                message: "Call `\(done)` before this exit too",
                edits: [file.insertingLine(done, before: exit.range.start.line)],
                applicability: .review),
            suggestion: suggestion)
    }

    /// Whether `steps` hold only reads and declarations, then a `return` or nothing.
    private static func onlyReadsThenReturns(_ steps: ArraySlice<Step>) -> Bool {
        for step in steps {
            switch step {
            case .access(let access) where !access.kind.isWrite: continue
            case .declare: continue
            case .exit(let exit): return exit.kind == .return
            default: return false
            }
        }
        return true
    }
}
