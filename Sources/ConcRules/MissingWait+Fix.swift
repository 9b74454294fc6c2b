import ConcModel

extension MissingWait {
    /// A join: a done signal the work gives when it ends and the entry waits for before its
    /// end (spelled by the rule's metadata; in Go a channel closed by a deferred `close`).
    /// Always `review`: the entry now waits as long as the work runs. Offered for work started
    /// once (not in a loop or branch) by a statement of the entry itself.
    func joinFix(_ spawn: Spawn, event: FlowEvent, creator: Function, analysis: UnitAnalysis, context: RuleContext) -> Fix? {
        let unit = analysis.unit
        let file = unit.file
        guard event.function == creator.id, event.context.loops.isEmpty, event.context.branchDepth == 0,
              file.codeBefore(spawn.range.start).isEmpty,
              let make = context.fixText("joinMake"), let wait = context.fixText("joinWait")
        else { return nil }
        let closing = creator.range.end.line
        guard closing > spawn.range.end.line, file.line(closing).trimmingBlanks.hasPrefix("}") else { return nil }
        var edits = [
            file.insertingLine(make, before: spawn.range.start.line),
            file.insertingLine(wait, before: closing, indentLike: spawn.range.start.line),
        ]
        if let body = spawn.body, unit[body].kind == .closure {
            guard file.opensBlock(after: unit[body].range.start), unit[body].range.start.line < unit[body].range.end.line,
                  let signal = context.fixText("joinSignal")
            else { return nil }
            edits.append(file.insertingFirstLine(signal, inBlockOpenedAt: unit[body].range.start))
        } else {
            // `go flush(items)`: the call as written, without the spawn keyword, inside a literal.
            let text = file.text(spawn.range)
            guard spawn.range.start.line == spawn.range.end.line, text.hasPrefix(spawn.api),
                  let wrapped = context.fixText("joinWrappedCall", ["call": String(text.dropFirst(spawn.api.count)).trimmingBlanks])
            else { return nil }
            edits.append(TextEdit(range: spawn.range, replacement: wrapped))
        }
        return Fix(
            message: "Wait for the \(spawn.kind.noun) before the \(creator.entry == .test ? "test" : "program") ends, through a done signal",
            edits: edits, applicability: .review)
    }
}
