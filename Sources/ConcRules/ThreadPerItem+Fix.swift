import ConcModel

extension ThreadPerItem {
    /// The concurrency bounded by a semaphore (the rule's metadata spells it: in Go a buffered
    /// channel taken before the spawn and released when the work ends). Always `review`: the
    /// limit is a guess and a person must choose it, and work that waits for its siblings would
    /// deadlock under a limit.
    func boundedPoolFix(_ spawn: Spawn, loop: LoopFrame, analysis: UnitAnalysis, context: RuleContext) -> Fix? {
        let unit = analysis.unit
        let file = unit.file
        if let limited = groupLimitFix(spawn, loop: loop, unit: unit, context: context) { return limited }
        if let parallel = parallelLoopFix(spawn, loop: loop, analysis: analysis, context: context) { return parallel }
        guard let body = spawn.body, file.codeBefore(spawn.range.start).isEmpty, file.codeBefore(loop.range.start).isEmpty
        else { return nil }
        let opening = unit[body].range.start.line
        guard file.opensBlock(after: unit[body].range.start), opening < unit[body].range.end.line,
              opening >= spawn.range.start.line,
              let owner = unit[body].parent
        else { return nil }
        // One semaphore per loop: `sem`, or `sem<line>` where the function has several such
        // loops or a `sem` already, so the fixes of one function can all be applied.
        // Only the owner's own flow is looked at: per finding, a scan of the whole file would be
        // quadratic in a file of many such loops.
        let ownerFlow = analysis.flow(of: owner)
        let loopsInFunction = ownerFlow.filter { other in
            guard case .spawn(let started) = other.step, let otherBody = started.body else { return false }
            return unit[otherBody].parent == owner && !other.context.loops.isEmpty
        }.count
        let taken = ownerFlow.contains { event in
            if case .declare(let id) = event.step { return unit[id].name == "sem" }
            return false
        }
        let name = loopsInFunction > 1 || taken ? "sem\(loop.range.start.line)" : "sem"
        guard let make = context.fixText("boundedPoolMake", ["limit": "8", "name": name]),
              let acquire = context.fixText("boundedPoolAcquire", ["name": name]),
              let release = context.fixText("boundedPoolRelease", ["name": name])
        else { return nil }
        return Fix(
            message: "Bound the work with a semaphore of 8 (choose the limit; work that waits for its siblings must not be limited)",
            edits: [
                file.insertingLine(make, before: loop.range.start.line),
                file.insertingLine(acquire, before: spawn.range.start.line),
                file.insertingFirstLine(release, inBlockOpenedAt: unit[body].range.start),
            ],
            applicability: .review)
    }

    /// A group whose type can limit itself (the metadata's `groupLimit.<type>`: Go's
    /// `errgroup.Group` and `SetLimit`) is limited right after its declaration, before any `Go`.
    private func groupLimitFix(_ spawn: Spawn, loop: LoopFrame, unit: Unit, context: RuleContext) -> Fix? {
        guard let group = spawn.group, let type = unit[group].type.name,
              let limit = context.fixText("groupLimit.\(type)", ["group": unit[group].name, "limit": "8"])
        else { return nil }
        let declaration = unit[group].range
        guard declaration.start.line < loop.range.start.line, unit[group].kind == .local else { return nil }
        return Fix(
            message: "Limit `\(unit[group].name)` to 8 goroutines at once (choose the limit; work that waits for its siblings must not be limited)",
            edits: [unit.file.insertingLine(limit, after: declaration.start.line)],
            applicability: .review)
    }
}
