import ConcModel
import ConcRules

/// Everything one run of conclint produced: the input every formatter reads.
public struct LintRun: Sendable {
    /// Findings in report order (path, line, column, rule id).
    public var findings: [Finding]
    /// Files that could not be read or parsed cleanly; the run went on without them (or with
    /// what could be parsed).
    public var problems: [FileProblem]
    /// The text of every file a finding points into, by path, for source lines and UTF-16 columns.
    public var sources: [String: SourceFile]
    /// The rules that ran, for SARIF `tool.driver.rules[]`.
    public var rules: [RuleDescription]
    /// How many files were analysed.
    public var fileCount: Int
    /// Findings silenced by a `conclint:ignore` comment or a baseline, in report order; they
    /// do not count for the exit status.
    public var suppressed: [SuppressedFinding]

    /// A run with these parts; `findings` and `suppressed` should already be in report order.
    public init(
        findings: [Finding], problems: [FileProblem], sources: [String: SourceFile],
        rules: [RuleDescription], fileCount: Int, suppressed: [SuppressedFinding] = []
    ) {
        self.suppressed = suppressed
        self.findings = findings
        self.problems = problems
        self.sources = sources
        self.rules = rules
        self.fileCount = fileCount
    }

    /// How many distinct files have at least one problem: the "files not analysed cleanly" of the
    /// text summary and JSON `summary.problems`. A file can carry several problems (invalid UTF-8
    /// and a syntax error, several syntax errors), so this is not `problems.count`.
    public var problemFileCount: Int { Set(problems.map(\.path)).count }
}

/// A file conclint could not read, decode or parse cleanly.
public struct FileProblem: Sendable {
    /// What kind of problem; the raw value is the JSON `kind` and the SARIF notification descriptor id.
    public enum Kind: String, Sendable, Codable {
        /// The file could not be opened or read.
        case unreadable
        /// The bytes are not valid UTF-8.
        case invalidEncoding
        /// The parser reported a syntax error (the rest of the file was still analysed).
        case syntaxError
        /// The file is too large or too deeply nested to analyse.
        case tooComplex
        /// The file was named explicitly but is neither Swift (`.swift`) nor Go (`.go`).
        case unsupported
    }

    /// The path as given to conclint.
    public var path: String
    /// What kind of problem.
    public var kind: Kind
    /// One line saying what went wrong, lower-case start.
    public var message: String
    /// Where in the file, when known.
    public var position: SourcePosition?

    /// A problem of `kind` with `path`, at `position` when known.
    public init(path: String, kind: Kind, message: String, position: SourcePosition? = nil) {
        self.path = path
        self.kind = kind
        self.message = message
        self.position = position
    }
}
