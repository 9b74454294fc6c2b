import ConcModel

extension ThreadPerItem {
    /// A loop whose whole body is the spawn (`for path in paths { Thread { … }.start() }`)
    /// rewritten as a parallel loop on a bounded pool, spelled by the rule's metadata
    /// (`parallelLoop`: ConcRuntime's `paths.parallelForEach { path in … }`, with
    /// `runtimeImport` added when the file lacks it). `review`: the loop now waits for every
    /// element's work before it goes on, where the spawns let it run on.
    func parallelLoopFix(_ spawn: Spawn, loop: LoopFrame, analysis: UnitAnalysis, context: RuleContext) -> Fix? {
        let unit = analysis.unit
        let file = unit.file
        guard case .collection = loop.domain, loop.variables.count == 1,
              let body = spawn.body, let owner = unit[body].parent,
              let collection = collectionRead(loop, in: analysis.flow(of: owner), analysis: analysis),
              unit[body].parameters.isEmpty,
              file.codeBefore(loop.range.start).isEmpty, file.codeBefore(spawn.range.start).isEmpty,
              file.opensBlock(after: loop.range.start)
        else { return nil }
        let closure = file.text(unit[body].range)
        let loopText = file.text(loop.range)
        guard closure.hasPrefix("{"), closure.hasSuffix("}"), loopText.hasSuffix("}") else { return nil }
        // The loop's body must be the spawn statement and nothing else.
        let headerEnd = file.endOfLine(loop.range.start.line).offset
        let inner = file.text(SourceRange(start: file.position(ofOffset: headerEnd), end: file.position(ofOffset: loop.range.end.offset - 1)))
        let statementEnd = file.endOfLine(unit[body].range.end.line)
        let statement = file.text(SourceRange(start: spawn.range.start, end: statementEnd))
        guard inner.trimmingWhitespace == statement.trimmingWhitespace else { return nil }
        // The closure's lines move one level out, to the loop's indentation.
        let deeper = file.indentation(ofLine: spawn.range.start.line)
        let outer = file.indentation(ofLine: loop.range.start.line)
        let level = deeper.hasPrefix(outer) ? String(deeper.dropFirst(outer.count)) : ""
        let content = String(closure.dropFirst().dropLast()).split(separator: "\n", omittingEmptySubsequences: false).map { line in
            level.isEmpty || !line.hasPrefix(level) ? String(line) : String(line.dropFirst(level.count))
        }.joined(separator: "\n")
        guard let rewritten = context.fixText(
            "parallelLoop", ["collection": collection, "element": unit[loop.variables[0]].name, "body": content])
        else { return nil }
        var edits = [TextEdit(range: loop.range, replacement: rewritten)]
        if let importLine = context.fixText("runtimeImport"), !Self.importHeader(of: file).contains(importLine.trimmingBlanks) {
            let firstImport = (1...file.lineCount).first { file.line($0).hasPrefix("import ") } ?? 1
            edits.append(file.insertingLine(importLine, before: firstImport))
        }
        return Fix(
            message: "Run the loop's work on a bounded pool; the loop then waits for all of it before going on",
            edits: edits, applicability: .review)
    }

    /// The collection a loop iterates over, as written: the first read of a plain variable on
    /// the loop's header line after its loop variable.
    private func collectionRead(_ loop: LoopFrame, in flow: [FlowEvent], analysis: UnitAnalysis) -> String? {
        let unit = analysis.unit
        guard let variable = loop.variables.first else { return nil }
        let after = unit[variable].range.end
        let reads = flow.compactMap { event -> Access? in
            guard case .access(let access) = event.step, !access.kind.isWrite, access.range.start.line == loop.range.start.line,
                  access.range.start >= after, access.range.start < loop.range.end, !loop.variables.contains(access.binding)
            else { return nil }
            return access
        }
        guard let first = reads.min(by: { $0.range.start < $1.range.start }),
              first.path == unit[first.binding].name,
              [.local, .global, .parameter].contains(unit[first.binding].kind)
        else { return nil }
        return first.path
    }

    /// The lines of the file's leading import block (imports, attributes, comments, blank lines
    /// and `#if`s before the first other line): read per finding, so only the header, never the
    /// whole file (which made a file of many such loops quadratic).
    static func importHeader(of file: SourceFile) -> Set<String> {
        var lines = Set<String>()
        for number in 1...max(1, file.lineCount) {
            let line = file.line(number).trimmingBlanks
            let isHeader = line.isEmpty || line.hasPrefix("import ") || line.hasPrefix("@") || line.hasPrefix("//")
                || line.hasPrefix("/*") || line.hasPrefix("*") || line.hasPrefix("#")
            guard isHeader else { break }
            lines.insert(line)
        }
        return lines
    }
}
