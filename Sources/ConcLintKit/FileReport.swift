import ConcModel
import ConcReport
import ConcRules
import GoFrontend
import SwiftFrontend

/// The outcome of linting one file: its findings and problems.
public struct FileReport: Sendable {
    /// Findings in report order.
    public var findings: [Finding]
    /// Problems met reading or parsing the file (at most one syntax-error problem).
    public var problems: [FileProblem]
    /// The source, when it was read.
    public var source: SourceFile?
    /// Findings silenced by `// conclint:ignore` comments, in report order.
    public var suppressed: [SuppressedFinding] = []
    /// The summary of the file's functions and types, for its package's rules; `nil` when no
    /// package rule runs or the file was not lowered.
    var summary: UnitSummary?
    /// Findings of the per-file rules before suppression comments are applied (see ``finish(packageFindings:)``).
    var unitFindings: [Finding] = []
    private var language: Language = .go
    private var severities: [String: Severity] = [:]

    /// Lowers `source` with the front end of `language` and runs `engine` over it.
    ///
    /// Parse diagnostics become one ``ConcReport/FileProblem/Kind/syntaxError`` problem (the first
    /// diagnostic, with the count of the others), nesting limits a
    /// ``ConcReport/FileProblem/Kind/tooComplex`` problem each; the findings of what could be
    /// parsed are kept.
    ///
    /// - Parameters:
    ///   - goVersion: the Go language version for `.go` files, as (major, minor).
    ///   - knownProblems: problems already reported for the file; parse diagnostics at their
    ///     positions (such as the parser's own complaint about invalid UTF-8) are not repeated.
    ///   - severities: the enabled rules with their severities; `// conclint:ignore` comments are
    ///     applied to the findings and judged (``SuppressionFilter``).
    ///   - extensions: the project's own concurrency APIs for `language`.
    ///   - forceLowering: lower the file even when it spells no concurrency API, because its
    ///     package needs its summary.
    ///
    /// The findings are final only after ``finish(packageFindings:)``, which adds the package
    /// rules' findings in this file and applies the suppression comments to all of them.
    init(
        linting source: SourceFile, language: Language, engine: RuleEngine,
        goVersion: (major: Int, minor: Int)?, knownProblems: [FileProblem] = [],
        severities: [String: Severity], extensions: APIExtensions = .none, forceLowering: Bool = false
    ) {
        let lowered: LoweredFile =
            switch language {
            case .swift: SwiftFrontend.lower(source, extensions: extensions, forceLowering: forceLowering)
            case .go: GoFrontend.lower(source, languageVersion: goVersion, extensions: extensions, forceLowering: forceLowering)
            }
        let known = Set(knownProblems.compactMap { $0.position?.offset })
        let reported = lowered.diagnostics.filter { !known.contains($0.position.offset) }
        // Nesting and size limits are their own kind of problem, reported once each.
        var problems: [FileProblem] = []
        var tooComplex = Set<String>()
        for diagnostic in reported where diagnostic.isTooComplex && tooComplex.insert(diagnostic.message).inserted {
            problems.append(
                FileProblem(path: source.path, kind: .tooComplex, message: diagnostic.message, position: diagnostic.position))
        }
        let diagnostics = reported.filter { !$0.isTooComplex }
        if let first = diagnostics.min(by: { $0.position < $1.position }) {
            let others = diagnostics.count - 1
            let more = others > 0 ? " (and \(others) more)" : ""
            problems.append(
                FileProblem(
                    path: source.path, kind: .syntaxError, message: "syntax error: \(first.message)\(more)",
                    position: first.position))
        }
        self.init(findings: [], problems: problems, source: source)
        self.language = language
        self.severities = severities
        unitFindings = engine.check(lowered.unit)
        if engine.hasPackageRules, !lowered.unit.functions.isEmpty || !lowered.unit.types.isEmpty {
            summary = UnitSummary(lowered.unit)
        }
    }

    /// Adds the package rules' findings in this file and applies the file's suppression
    /// comments to every finding; ``findings`` and ``suppressed`` are then final.
    mutating func finish(packageFindings: [Finding] = []) {
        guard let source else { return }
        let all = packageFindings.isEmpty ? unitFindings : (unitFindings + packageFindings).sorted(by: Finding.reportOrder)
        let filtered = SuppressionFilter(severities: severities, language: language).apply(all, source: source)
        findings = filtered.findings
        suppressed = filtered.suppressed
        unitFindings = []
        summary = nil
    }

    init(findings: [Finding], problems: [FileProblem], source: SourceFile?) {
        self.findings = findings
        self.problems = problems
        self.source = source
    }
}
