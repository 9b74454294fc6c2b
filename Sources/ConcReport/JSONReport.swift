import ConcModel
import ConcRules

/// The `--format json` document, schema version 1. Every type here is `Codable`; the encoder
/// writes keys sorted, so the output is byte-for-byte stable for a given run.
///
/// Positions carry both column units: `column` counts UTF-8 bytes (as the text report does) and
/// `utf16Column` counts UTF-16 code units (as LSP and SARIF do). Lines and columns are 1-based,
/// `offset` is the 0-based UTF-8 byte offset. A change that removes or renames a field raises
/// ``version``; adding fields does not.
public struct JSONReport: Codable, Hashable, Sendable {
    /// The schema version this code writes.
    public static let currentVersion = 1

    /// The schema version: 1.
    public var version: Int
    /// The tool that wrote the report.
    public var tool: Tool
    /// Counts for the whole run.
    public var summary: Summary
    /// Findings in report order (path, line, column, rule).
    public var findings: [Finding]
    /// Files that could not be read, decoded or parsed cleanly, sorted by path.
    public var problems: [Problem]
    /// Findings silenced by a `conclint:ignore` comment or a baseline, in report order; absent
    /// when there are none. They are not counted in ``summary``.
    public var suppressed: [Suppressed]? = nil

    /// A silenced finding and why.
    public struct Suppressed: Codable, Hashable, Sendable {
        /// The finding.
        public var finding: Finding
        /// `inSource` (a `conclint:ignore` comment) or `external` (a baseline).
        public var kind: SuppressedFinding.Kind
        /// The reason given, or the baseline that accepted it.
        public var justification: String
    }

    /// `{"name": "conclint", "version": "0.1.0", "commit": "1a2b3c4…"}`.
    public struct Tool: Codable, Hashable, Sendable {
        /// `conclint`.
        public var name: String
        /// The conclint version.
        public var version: String
        /// The full object name of the git commit conclint was built from; absent when it was not
        /// built from a git checkout.
        public var commit: String?
    }

    /// Counts: files analysed, findings by severity, files with problems.
    public struct Summary: Codable, Hashable, Sendable {
        /// Files analysed (read successfully).
        public var files: Int
        /// All findings.
        public var findings: Int
        /// Findings of severity `error`.
        public var errors: Int
        /// Findings of severity `warning`.
        public var warnings: Int
        /// Findings of severity `note`.
        public var notes: Int
        /// Files not analysed cleanly: distinct paths among ``JSONReport/problems``, which may
        /// list several entries for one file (``LintRun/problemFileCount``).
        public var problems: Int
    }

    /// A point in a file.
    public struct Position: Codable, Hashable, Sendable {
        /// 1-based line.
        public var line: Int
        /// 1-based column in UTF-8 bytes.
        public var column: Int
        /// 1-based column in UTF-16 code units.
        public var utf16Column: Int
        /// 0-based UTF-8 byte offset from the start of the file.
        public var offset: Int
    }

    /// A half-open range `[start, end)`.
    public struct Range: Codable, Hashable, Sendable {
        /// The first position in the range.
        public var start: Position
        /// The position just past the range.
        public var end: Position
    }

    /// A secondary location of a finding (same file), such as the declaration or the spawn site.
    public struct Related: Codable, Hashable, Sendable {
        /// What the location is: "declared here", "spawned here".
        public var message: String
        /// Where it is.
        public var range: Range
        /// The file, when it is not the finding's own (a witness in another file of the package).
        public var path: String?
    }

    /// A replacement of the bytes in `range` by `replacement`.
    public struct Edit: Codable, Hashable, Sendable {
        /// The bytes to replace.
        public var range: Range
        /// The new text.
        public var replacement: String
    }

    /// A way to apply a finding's suggestion.
    public struct Fix: Codable, Hashable, Sendable {
        /// What the fix does.
        public var message: String
        /// `safe` (kept meaning; `--fix` applies it) or `review` (shown, never applied).
        public var applicability: ConcRules.Fix.Applicability
        /// Non-overlapping edits in offset order.
        public var edits: [Edit]
    }

    /// One finding.
    public struct Finding: Codable, Hashable, Sendable {
        /// The rule id, such as `shared-mutable-capture`.
        public var rule: String
        /// `error`, `warning` or `note`.
        public var severity: Severity
        /// One sentence, lower-case start, no full stop.
        public var message: String
        /// The path as given to conclint.
        public var path: String
        /// The primary range.
        public var range: Range
        /// Secondary locations, in the finding's file unless they name another; may be empty.
        public var related: [Related]
        /// What to do instead.
        public var suggestion: String
        /// Fixes that apply the suggestion; empty when the rule knows none.
        public var fixes: [Fix]
    }

    /// A file that could not be analysed cleanly.
    public struct Problem: Codable, Hashable, Sendable {
        /// The path as given to conclint.
        public var path: String
        /// `unreadable`, `invalidEncoding`, `syntaxError` or `tooComplex`.
        public var kind: FileProblem.Kind
        /// What went wrong, one line.
        public var message: String
        /// Where in the file, when known.
        public var position: Position?
    }
}

extension JSONReport {
    /// The report of `run`.
    public init(_ run: LintRun) {
        let counts = FindingCounts(run.findings)
        self.init(
            version: Self.currentVersion,
            tool: Tool(name: ToolInfo.name, version: ToolInfo.version, commit: ToolInfo.commit),
            summary: Summary(
                files: run.fileCount, findings: counts.total, errors: counts.errors,
                warnings: counts.warnings, notes: counts.notes, problems: run.problemFileCount),
            findings: run.findings.map { Self.finding($0, in: run) },
            problems: run.problems.map { problem in
                Problem(
                    path: problem.path, kind: problem.kind, message: problem.message,
                    position: problem.position.map { Position($0, in: run.sources[problem.path]) })
            },
            suppressed: run.suppressed.isEmpty ? nil : run.suppressed.map {
                Suppressed(finding: Self.finding($0.finding, in: run), kind: $0.kind, justification: $0.justification)
            })
    }

    /// The JSON form of `finding`.
    static func finding(_ finding: ConcRules.Finding, in run: LintRun) -> Finding {
        let source = run.sources[finding.path]
        return Finding(
            rule: finding.ruleID, severity: finding.severity, message: finding.message,
            path: finding.path, range: Range(finding.range, in: source),
            related: finding.related.map { related in
                Related(message: related.message, range: Range(related.range, in: related.path.map { run.sources[$0] } ?? source), path: related.path)
            },
            suggestion: finding.suggestion,
            fixes: finding.fixes.map { fix in
                Fix(
                    message: fix.message, applicability: fix.applicability,
                    edits: fix.edits.map { Edit(range: Range($0.range, in: source), replacement: $0.replacement) })
            })
    }
}

extension JSONReport.Position {
    /// `position` with its UTF-16 column computed from `source` (equal to the byte column when
    /// the source is unknown).
    init(_ position: SourcePosition, in source: SourceFile?) {
        self.init(
            line: position.line, column: position.column,
            utf16Column: source?.utf16Column(of: position) ?? position.column, offset: position.offset)
    }
}

extension JSONReport.Range {
    init(_ range: SourceRange, in source: SourceFile?) {
        self.init(start: .init(range.start, in: source), end: .init(range.end, in: source))
    }
}
