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

    var style: TerminalStyle { TerminalStyle(enabled: usesColor) }

    /// The report for standard output: every finding, in the run's order. Empty when there are none.
    public func report(_ run: LintRun) -> String {
        var output = ""
        for finding in run.findings {
            output += headline(finding) + "\n"
            guard showsContext else { continue }
            let source = run.sources[finding.path]
            output += excerpt(of: finding.range, in: source)
            for related in finding.related {
                output += locationPrefix(related.path ?? finding.path, related.range.start) + " "
                    + style.paint("note:", .cyan) + " " + related.message + "\n"
                output += excerpt(of: related.range, in: related.path.map { run.sources[$0] } ?? source)
            }
            if !finding.suggestion.isEmpty {
                output += "  " + style.paint("suggestion:", .green) + " " + finding.suggestion + "\n"
            }
            output += fixes(of: finding, in: source)
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

    func locationPrefix(_ path: String, _ position: SourcePosition) -> String {
        style.paint("\(path):\(position.line):\(position.column):", .bold)
    }

    /// Characters of context shown before and after a range's start on a long line.
    static let contextBefore = 60
    static let contextAfter = 140

    /// The source line of `range.start` and a caret line under the range (to the end of the line
    /// when the range spans lines); empty when the source is unknown. A line longer than the
    /// context window is cut around the range, the cuts marked `…`.
    func excerpt(of range: SourceRange, in source: SourceFile?) -> String {
        guard let source, range.start.line >= 1, range.start.line <= source.lineCount else { return "" }
        let text = source.line(range.start.line)
        let bytes = Array(text.utf8)
        let startByte = min(max(0, range.start.column - 1), bytes.count)
        let endByte =
            range.end.line == range.start.line
            ? min(max(startByte, range.end.column - 1), bytes.count) : bytes.count
        var before = Array(String(decoding: bytes[0..<startByte], as: UTF8.self))
        var marked = Array(String(decoding: bytes[startByte..<endByte], as: UTF8.self))
        var after = Array(String(decoding: bytes[endByte...], as: UTF8.self))
        var lead = ""
        var tail = ""
        if before.count > Self.contextBefore {
            before = ["…"] + before.suffix(Self.contextBefore)
        }
        if marked.count + after.count > Self.contextAfter {
            if marked.count > Self.contextAfter { marked = Array(marked.prefix(Self.contextAfter)) }
            after = Array(after.prefix(max(0, Self.contextAfter - marked.count)))
            tail = "…"
        }
        lead = Self.padding(for: before)
        let width = max(1, Self.displayWidth(marked))
        let marker = "^" + String(repeating: "~", count: width - 1)
        return String(before) + String(marked) + String(after) + tail + "\n" + lead + style.paint(marker, .green) + "\n"
    }

    /// Blanks that line up with `prefix` on screen: a tab stays a tab, a wide character (CJK,
    /// emoji) becomes two spaces, any other character one.
    private static func padding(for prefix: [Character]) -> String {
        prefix.map { $0 == "\t" ? "\t" : String(repeating: " ", count: displayWidth([$0])) }.joined()
    }

    /// Terminal columns `characters` take: two for East Asian wide characters and emoji, one
    /// for the others (an approximation of `wcwidth` for the common ranges).
    static func displayWidth(_ characters: [Character]) -> Int {
        characters.reduce(0) { total, character in
            guard let scalar = character.unicodeScalars.first else { return total }
            return total + (isWide(scalar.value) ? 2 : 1)
        }
    }

    private static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
            0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F,
            0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
