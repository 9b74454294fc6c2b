import ConcModel
import ConcRules

/// Writes findings in compiler style, one line each:
/// `path:line:column: severity: message [rule-id]`.
///
/// Lines and columns are 1-based; the column counts UTF-8 bytes from the start of the line (the
/// unit of `go vet` and `swiftc`). With ``showsContext`` (a terminal) each finding is followed by
/// its source line, a caret under the range, its related locations as `note:` lines and the
/// suggestion; ``usesColor`` adds ANSI colours to all of that.
public struct TextFormatter: Sendable {
    /// Print the source line, caret, notes and suggestion after each finding.
    public var showsContext: Bool
    /// Colour the output with ANSI escape sequences.
    public var usesColor: Bool

    /// - Parameters:
    ///   - showsContext: print source context (use when writing to a terminal).
    ///   - usesColor: use ANSI colours (terminal, `NO_COLOR` unset, no `--no-color`).
    public init(showsContext: Bool = false, usesColor: Bool = false) {
        self.showsContext = showsContext
        self.usesColor = usesColor
    }

    private var style: TerminalStyle { TerminalStyle(enabled: usesColor) }

    /// The report for standard output: every finding, in the run's order. Empty when there are none.
    public func report(_ run: LintRun) -> String {
        var output = ""
        for finding in run.findings {
            output += headline(finding) + "\n"
            guard showsContext else { continue }
            let source = run.sources[finding.path]
            output += excerpt(of: finding.range, in: source)
            for related in finding.related {
                output += locationPrefix(finding.path, related.range.start) + " "
                    + style.paint("note:", .cyan) + " " + related.message + "\n"
                output += excerpt(of: related.range, in: source)
            }
            if !finding.suggestion.isEmpty {
                output += "  " + style.paint("suggestion:", .green) + " " + finding.suggestion + "\n"
            }
        }
        return output
    }

    /// The report for standard error: one line per file problem, then the summary line
    /// (``summary(_:)``).
    public func diagnostics(_ run: LintRun) -> String {
        var output = ""
        for problem in run.problems {
            let location = problem.position.map { locationPrefix(problem.path, $0) }
                ?? style.paint(problem.path + ":", .bold)
            let level = problem.kind == .unreadable ? "error:" : "warning:"
            let color: TerminalStyle.Color = problem.kind == .unreadable ? .red : .yellow
            output += location + " " + style.paint(level, color) + " " + problem.message + "\n"
        }
        return output + summary(run) + "\n"
    }

    /// One line such as `3 findings (2 errors, 1 warning) in 12 files`, with
    /// `; 2 suppressed` appended when findings were silenced by comments or a baseline, and
    /// `; 1 file not analysed cleanly` when there are file problems.
    public func summary(_ run: LintRun) -> String {
        let counts = FindingCounts(run.findings)
        var line: String
        if counts.total == 0 {
            line = "no findings"
        } else {
            let parts = [
                (counts.errors, "error"), (counts.warnings, "warning"), (counts.notes, "note"),
            ].filter { $0.0 > 0 }.map { Self.counted($0.0, $0.1) }
            line = Self.counted(counts.total, "finding") + " (" + parts.joined(separator: ", ") + ")"
        }
        line += " in " + Self.counted(run.fileCount, "file")
        if !run.suppressed.isEmpty {
            line += "; \(run.suppressed.count) suppressed"
        }
        if run.problemFileCount > 0 {
            line += "; " + Self.counted(run.problemFileCount, "file") + " not analysed cleanly"
        }
        return line
    }

    /// `1 file`, `2 files`.
    static func counted(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }

    /// The first line of a finding: `path:line:col: severity: message [rule-id]`.
    func headline(_ finding: Finding) -> String {
        let color: TerminalStyle.Color =
            switch finding.severity {
            case .error: .red
            case .warning: .yellow
            case .note: .cyan
            }
        return locationPrefix(finding.path, finding.range.start) + " "
            + style.paint(finding.severity.rawValue + ":", color) + " "
            + style.paint(finding.message, .bold) + " [" + finding.ruleID + "]"
    }

    private func locationPrefix(_ path: String, _ position: SourcePosition) -> String {
        style.paint("\(path):\(position.line):\(position.column):", .bold)
    }

    /// The source line of `range.start` and a caret line under the range (to the end of the line
    /// when the range spans lines); empty when the source is unknown.
    func excerpt(of range: SourceRange, in source: SourceFile?) -> String {
        guard let source, range.start.line >= 1, range.start.line <= source.lineCount else { return "" }
        let text = source.line(range.start.line)
        let bytes = Array(text.utf8)
        let startByte = min(max(0, range.start.column - 1), bytes.count)
        let endByte =
            range.end.line == range.start.line
            ? min(max(startByte, range.end.column - 1), bytes.count) : bytes.count
        let lead = Self.padding(for: bytes[0..<startByte])
        let width = max(1, String(decoding: bytes[startByte..<endByte], as: UTF8.self).count)
        let marker = "^" + String(repeating: "~", count: width - 1)
        return text + "\n" + lead + style.paint(marker, .green) + "\n"
    }

    /// Blanks that line up with `prefix` on screen: a tab stays a tab, any other character
    /// becomes one space.
    private static func padding(for prefix: ArraySlice<UInt8>) -> String {
        String(String(decoding: prefix, as: UTF8.self).map { $0 == "\t" ? "\t" : " " })
    }
}
