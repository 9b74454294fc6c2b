extension SummaryBuilder.Walker {
    /// A statement that `break` or `continue` can leave, with the states of the paths that
    /// jumped to it, so the walk goes on after it with what those paths held.
    struct JumpFrame {
        enum Kind {
            case loop
            /// One arm of a `switch`: a `break` ends the arm.
            case switchArm
            /// A Go `select` case: a `break` ends the select.
            case select
        }

        var kind: Kind
        var label: String?
        /// The `defer`s pending when the statement was entered: a jump out of it runs the ones
        /// registered since, where a `defer` runs at the end of its block.
        var entryDefers: [SourceRange] = []
        /// States at the `break`s that leave the statement.
        var breaks: [SummaryBuilder.State] = []
        /// States at the `continue`s that go on to the loop's next iteration.
        var continues: [SummaryBuilder.State] = []
    }

    /// Records a `break` or `continue` at its target: the statement its label names; else, for
    /// a `continue`, the innermost loop; for a `break`, the switch arm it ends or the innermost
    /// loop or select. A jump whose target is not in this body only ends the path.
    mutating func jump(_ exit: Exit, _ state: SummaryBuilder.State) {
        let target: Int?
        if let label = exit.label {
            target = jumpFrames.lastIndex { $0.label == label }
        } else if exit.continuesLoop {
            target = jumpFrames.lastIndex { $0.kind == .loop }
        } else if exit.endsSwitchArm {
            target = jumpFrames.lastIndex { $0.kind == .switchArm }
        } else {
            target = jumpFrames.lastIndex { $0.kind != .switchArm }
        }
        guard let target else { return }
        var carried = state
        carried.exited = false
        if unit.facts.deferRunsAtBlockEnd {
            let entry = jumpFrames[target].entryDefers
            runDefers(&carried, at: exit.range) { !entry.contains($0.range) }
        }
        if exit.continuesLoop, jumpFrames[target].kind == .loop {
            jumpFrames[target].continues.append(carried)
        } else {
            jumpFrames[target].breaks.append(carried)
        }
    }

    /// Walks a switch arm or select case, which a `break` ends: its state at the end joined
    /// with the states of the `break`s that ended it early.
    mutating func walkJumpTarget(
        _ kind: JumpFrame.Kind, label: String?, _ steps: [Step], _ start: SummaryBuilder.State, at range: SourceRange
    ) -> SummaryBuilder.State {
        jumpFrames.append(JumpFrame(kind: kind, label: label, entryDefers: start.defers.map(\.range)))
        let end = endBlock(walk(steps, start), from: start, at: range)
        let frame = jumpFrames.removeLast()
        guard !frame.breaks.isEmpty else { return end }
        return SummaryBuilder.merge([end] + frame.breaks)
    }
}
