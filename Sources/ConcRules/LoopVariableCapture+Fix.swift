import ConcModel

extension LoopVariableCapture {
    /// A copy of the variable per iteration (`v := v`, from the rule's metadata) as the first
    /// statement of the loop body, so the goroutine captures the copy. `safe` when nothing in
    /// the body writes the variable (the loop's own header step aside): then the copy always
    /// holds the value the iteration began with, and the loop still steps the original.
    func shadowFix(_ binding: Binding, loop: LoopFrame?, analysis: UnitAnalysis, context: RuleContext) -> Fix? {
        let file = analysis.unit.file
        guard let loop, let text = context.fixText("shadow", ["name": binding.name]) else { return nil }
        let header = loop.range.start.line
        // The body must open on the header's line: `for … {`.
        guard file.opensBlock(after: loop.range.start), header < loop.range.end.line else { return nil }
        let bodyStart = file.endOfLine(header).offset
        let writtenInBody = analysis.flows.joined().contains { event in
            guard case .access(let access) = event.step, access.binding == binding.id, access.kind.isWrite else { return false }
            return access.range.start.offset > bodyStart && access.range.start.offset < loop.range.end.offset
        }
        return Fix(
            message: "Copy `\(binding.name)` per iteration with `\(text)` at the top of the loop body",
            edits: [file.insertingFirstLine(text, inBlockOpenedAt: loop.range.start)],
            applicability: .safe
        ).proven(!writtenInBody)
    }
}
