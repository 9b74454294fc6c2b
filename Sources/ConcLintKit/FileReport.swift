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

    /// Lowers `source` with the front end of `language` and runs `engine` over it.
    ///
    /// Parse diagnostics become one ``ConcReport/FileProblem/Kind/syntaxError`` problem (the first
    /// diagnostic, with the count of the others); the findings of what could be parsed are kept.
    ///
    /// - Parameter goVersion: the Go language version for `.go` files, as (major, minor).
    init(
        linting source: SourceFile, language: Language, engine: RuleEngine,
        goVersion: (major: Int, minor: Int)?
    ) {
        let lowered: LoweredFile =
            switch language {
            case .swift: SwiftFrontend.lower(source)
            case .go: GoFrontend.lower(source, languageVersion: goVersion)
            }
        var problems: [FileProblem] = []
        if let first = lowered.diagnostics.min(by: { $0.position < $1.position }) {
            let others = lowered.diagnostics.count - 1
            let more = others > 0 ? " (and \(others) more)" : ""
            problems.append(
                FileProblem(
                    path: source.path, kind: .syntaxError, message: "syntax error: \(first.message)\(more)",
                    position: first.position))
        }
        self.init(findings: engine.check(lowered.unit), problems: problems, source: source)
    }

    init(findings: [Finding], problems: [FileProblem], source: SourceFile?) {
        self.findings = findings
        self.problems = problems
        self.source = source
    }
}
