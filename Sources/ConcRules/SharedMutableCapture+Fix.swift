import ConcModel

extension SharedMutableCapture {
    /// A fix for an unsynchronized write of a captured variable.
    ///
    /// `safe`: a variable of the work's own (`err := …`, from the rule's metadata) in place of
    /// the plain assignment, when nothing outside the work reads the variable after the spawn
    /// (so no one could see the write), the assignment is a whole statement at the top level of
    /// the body and its only write there, the body reads the variable after it (the new variable
    /// is used, and every later read is in its scope), and the body declares no variable of that
    /// name already (no redeclaration clash).
    ///
    /// Otherwise `review`: the write guarded by a lock the enclosing code already has in scope,
    /// when there is one.
    func writeFix(
        _ access: Access, in event: FlowEvent, spawn: FlowEvent, body: FunctionID, analysis: UnitAnalysis, context: RuleContext
    ) -> Fix? {
        let unit = analysis.unit
        let file = unit.file
        guard file.isWholeLine(access.range) || file.codeBefore(access.range.start).isEmpty else { return nil }
        let binding = unit[access.binding]
        if case .write(.assign) = access.kind, access.path == binding.name,
           let local = localAssignment(access, in: event, spawn: spawn, body: body, analysis: analysis, context: context) {
            return local
        }
        return guardedWrite(access, body: body, unit: unit, context: context)
    }

    private func localAssignment(
        _ access: Access, in event: FlowEvent, spawn: FlowEvent, body: FunctionID, analysis: UnitAnalysis, context: RuleContext
    ) -> Fix? {
        let unit = analysis.unit
        let file = unit.file
        let binding = unit[access.binding]
        // `x = …` with one target: the text after the name is `=`, not `==` or `, y`.
        let after = file.textAfter(access.range.end).trimmingBlanks
        guard file.codeBefore(access.range.start).isEmpty, after.hasPrefix("="), !after.hasPrefix("=="),
              let declare = context.fixText("localAssign", ["name": binding.name])
        else { return nil }
        let bodyRange = unit[body].range
        let flow = analysis.flows[body.index]
        let topLevel = event.function == body && event.context.branchDepth == 0 && event.context.loops.isEmpty
            && !event.context.inSelect && !event.context.inCritical && !event.context.inDefer
        let onlyWrite = !flow.contains { other in
            guard case .access(let a) = other.step, a.binding == access.binding, a.kind.isWrite else { return false }
            return a.range != access.range
        }
        let readLater = flow.contains { other in
            guard case .access(let a) = other.step, a.binding == access.binding, !a.kind.isWrite else { return false }
            return a.range.start > access.range.end
        }
        let clash = unit.bindings.contains { other in
            other.name == binding.name && other.function.map { unit.function($0, isInside: body) } == true
        }
        // Reads outside the work after the spawn, or anywhere in a loop around the spawn (the
        // next iteration comes after it).
        let loops = spawn.context.loops.map(\.range)
        let readOutside = analysis.flows.joined().contains { other in
            guard case .access(let a) = other.step, a.binding == access.binding, !a.kind.isWrite,
                  !bodyRange.contains(a.range.start)
            else { return false }
            return a.range.start > spawn.range.start || loops.contains { $0.contains(a.range.start) }
        }
        // Go rejects a local variable nothing reads: the outer one must stay used without this
        // body (a read before the spawn, or a kind of variable that may go unused).
        let stillUsed = [.global, .parameter, .result, .property, .receiver].contains(binding.kind)
            || analysis.flows.joined().contains { other in
                guard case .access(let a) = other.step, a.binding == access.binding, !a.kind.isWrite else { return false }
                return !bodyRange.contains(a.range.start)
            }
        // Offered only where proven: elsewhere a variable of its own would change what others see.
        guard topLevel && onlyWrite && readLater && !clash && !readOutside && stillUsed else { return nil }
        let equals = file.textAfter(access.range.end)
        let gap = equals.prefix { $0 == " " || $0 == "\t" }
        let end = file.position(ofOffset: access.range.end.offset + gap.utf8.count + 1)
        return Fix(
            message: "Give the \(spawn.kindNoun) a variable of its own: `\(declare)`",
            edits: [TextEdit(range: SourceRange(start: access.range.start, end: end), replacement: declare)],
            applicability: .safe)
    }

    /// The write's line between a lock and an unlock of a lock variable visible from the work.
    private func guardedWrite(_ access: Access, body: FunctionID, unit: Unit, context: RuleContext) -> Fix? {
        let file = unit.file
        guard file.isWholeLine(access.range) || file.codeBefore(access.range.start).isEmpty else { return nil }
        let statementLine = access.range.start.line
        guard file.isWholeLine(SourceRange(start: access.range.start, end: file.endOfLine(statementLine))) else { return nil }
        let visible = unit.bindings.filter { lock in
            guard lock.type.category == .lock, lock.kind != .property else { return false }
            guard let owner = lock.function else { return true }
            return unit.function(body, isInside: owner) && owner != body && lock.range.start < access.range.start
        }
        guard let lock = visible.last,
              let take = context.fixText("lock", ["lock": lock.name]),
              let release = context.fixText("unlock", ["lock": lock.name])
        else { return nil }
        return Fix(
            message: "Guard the write with `\(lock.name)`, which every other access of `\(unit[access.binding].name)` must take too",
            edits: [
                file.insertingLine(take, before: statementLine),
                file.insertingLine(release, after: statementLine),
            ],
            applicability: .review)
    }
}

private extension FlowEvent {
    var kindNoun: String {
        if case .spawn(let spawn) = step { return spawn.kind.noun }
        return "work"
    }
}
