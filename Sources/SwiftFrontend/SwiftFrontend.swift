import ConcModel
import SwiftDiagnostics
import SwiftParser
import SwiftParserDiagnostics
import SwiftSyntax

/// Lowers Swift source into the concurrency model.
public enum SwiftFrontend {
    /// Parses `file` with SwiftParser and lowers it into a ``ConcModel/Unit``.
    ///
    /// Never throws and never traps on input: syntax errors come back as diagnostics (messages
    /// from SwiftParserDiagnostics) and the rest of the file is lowered. Expressions nested deeper
    /// than the lowering's limit are skipped with a diagnostic, and a file whose square brackets
    /// nest deeper than ``BracketDepthCheck/limit`` is not parsed at all (one diagnostic). A file that spells none of the
    /// words in ``SwiftAPITable/vocabulary`` is parsed but not lowered: its unit is empty and
    /// marked as not mentioning concurrency.
    ///
    /// - Parameter extensions: the project's own spawn, wait and lock APIs (`.conclint.yml`); by
    ///   default none.
    /// - Parameter forceLowering: lower the file even when it spells no concurrency API (its
    ///   unit then still says it does not mention concurrency, so per-file rules skip it): a
    ///   file of a package whose other files do, whose summaries the package needs.
    public static func lower(_ file: SourceFile, extensions: APIExtensions = .none, forceLowering: Bool = false) -> LoweredFile {
        let depth = BracketDepthCheck.maximumDepth(file.bytes)
        guard depth <= BracketDepthCheck.limit else {
            let diagnostic = ParseDiagnostic(
                message: "square brackets nested \(depth) levels deep, over the limit of \(BracketDepthCheck.limit) "
                    + "(SwiftParser's time grows exponentially with it); not analysed",
                position: SourcePosition(offset: 0, line: 1, column: 1), isTooComplex: true)
            return LoweredFile(unit: Unit(file: file, language: .swift, mentionsConcurrency: false), diagnostics: [diagnostic])
        }
        let tree = file.bytes.withUnsafeBufferPointer { buffer in Parser.parse(source: buffer) }
        var diagnostics: [ParseDiagnostic] = []
        if tree.hasError {
            for diagnostic in ParseDiagnosticsGenerator.diagnostics(for: tree).prefix(20)
            where diagnostic.diagMessage.severity == .error {
                diagnostics.append(ParseDiagnostic(
                    message: diagnostic.message,
                    position: file.position(ofOffset: diagnostic.position.utf8Offset),
                    isTooComplex: diagnostic.message.contains("maximum nesting level")))
            }
        }
        // The cheap filter: a file that spells no concurrency API would lower to a unit no rule
        // reads. It is still parsed, so its syntax errors are reported all the same.
        let mentions = mentionsConcurrency(file, extensions: extensions)
        guard mentions || forceLowering else {
            return LoweredFile(unit: Unit(file: file, language: .swift, mentionsConcurrency: false), diagnostics: diagnostics)
        }
        let lowering = SwiftLowering(file: file)
        lowering.extensions = extensions
        var unit = lowering.lowerFile(tree)
        if !mentions { unit.mentionsConcurrency = false }
        if lowering.tooDeep {
            diagnostics.append(ParseDiagnostic(
                message: "nesting deeper than \(SwiftLowering.maximumDepth) levels; the deepest parts were not analysed",
                position: SourcePosition(offset: 0, line: 1, column: 1), isTooComplex: true))
        }
        return LoweredFile(unit: unit, diagnostics: diagnostics)
    }

    /// Whether the file spells any word a concurrency API is written with (the cheap filter
    /// that decides whether a file is lowered).
    public static func mentionsConcurrency(_ file: SourceFile, extensions: APIExtensions = .none) -> Bool {
        SwiftAPITable.vocabulary.adding(extensions).isMentioned(in: file.bytes)
    }
}
