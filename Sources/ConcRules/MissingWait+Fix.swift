import ConcModel

extension MissingWait {
    /// A join before the entry ends. The rule's metadata decides the shape per language and
    /// spawn kind: a handle (`joinBind.<kind>` put before the spawn, `joinWaitHandle.<kind>` at
    /// the end: Swift's `let task = Task { … }` … `_ = await task.value`), or a done signal the
    /// work gives when it ends (`joinMake`, `joinSignal` / `joinWrappedCall`, `joinWait`: Go's
    /// channel closed by a deferred `close`). Always `review`: the entry now waits as long as the
    /// work runs. Offered for work started once (not in a loop or branch) by a statement of the
    /// entry itself.
    func joinFix(_ spawn: Spawn, event: FlowEvent, creator: Function, analysis: UnitAnalysis, context: RuleContext) -> Fix? {
        let unit = analysis.unit
        let file = unit.file
        guard event.function == creator.id, event.context.loops.isEmpty, event.context.branchDepth == 0,
              file.codeBefore(spawn.range.start).isEmpty
        else { return nil }
        let message = "Wait for the \(spawn.kind.noun) before the \(creator.entry == .test ? "test" : "program") ends"
        let taken = unit.bindings.contains { $0.name == "task" }
        let handle = taken ? "task\(spawn.range.start.line)" : "task"
        if case .discarded = spawn.handle,
           let bind = context.fixText("joinBind.\(spawn.kind.rawValue)", ["handle": handle]),
           let wait = context.fixText("joinWaitHandle.\(spawn.kind.rawValue)", ["handle": handle]),
           let waiting = endInsertion(wait, creator: creator, after: spawn, file: file) {
            return Fix(
                message: message + ", through its handle",
                edits: [TextEdit(range: SourceRange(start: spawn.range.start, end: spawn.range.start), replacement: bind), waiting],
                applicability: .review)
        }
        guard let make = context.fixText("joinMake"), let wait = context.fixText("joinWait"),
              let waiting = endInsertion(wait, creator: creator, after: spawn, file: file)
        else { return nil }
        var edits = [file.insertingLine(make, before: spawn.range.start.line), waiting]
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
        return Fix(message: message + ", through a done signal", edits: edits, applicability: .review)
    }

    /// `text` as a line at the end of the entry, indented like the spawn: before its closing
    /// brace, or after the last line of top-level code.
    private func endInsertion(_ text: String, creator: Function, after spawn: Spawn, file: SourceFile) -> TextEdit? {
        let closing = creator.range.end.line
        guard closing > spawn.range.end.line || creator.kind == .topLevel else { return nil }
        if file.line(closing).trimmingBlanks.hasPrefix("}") {
            return file.insertingLine(text, before: closing, indentLike: spawn.range.start.line)
        }
        guard creator.kind == .topLevel else { return nil }
        var last = min(closing, file.lineCount)
        while last > spawn.range.end.line, file.line(last).trimmingBlanks.isEmpty { last -= 1 }
        return file.insertingLine(text, after: last, indentLike: spawn.range.start.line)
    }
}
