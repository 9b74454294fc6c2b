import ConcModel

extension WaitgroupAddInSpawn {
    /// Moves the count (`wg.Add(1)`, `group.enter()`, as written) out of the spawned work to the
    /// line before the spawn, so it is taken before anything can `Wait`. `safe` when the group is
    /// a variable declared outside the work (so the moved statement names the same group) and
    /// the count is a whole statement line; the statement text is copied, so each language keeps
    /// its own spelling.
    func moveCountFix(_ add: Sync, before spawn: Spawn, body: FunctionID, unit: Unit) -> Fix? {
        let file = unit.file
        guard let target = add.target, file.isWholeLine(add.range) else { return nil }
        let binding = unit[target]
        let outside = binding.function.map { !unit.function($0, isInside: body) } ?? true
        guard outside, !unit[body].parameters.contains(target) else { return nil }
        // The spawn must begin its statement (`go …`, `queue.async …`, `t := Thread …`).
        let before = file.codeBefore(spawn.range.start)
        guard before.isEmpty || before.hasSuffix("=") else { return nil }
        let statement = file.text(add.range)
        return Fix(
            message: "Move `\(statement)` before the \(spawn.kind.noun) it counts",
            edits: [
                file.insertingLine(statement, before: spawn.range.start.line),
                file.deletingLine(add.range.start.line),
            ],
            applicability: .safe)
    }
}
