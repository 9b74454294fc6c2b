import ConcModel
import GoSyntax

/// Lowers Go source into the concurrency model.
public enum GoFrontend {
    /// Parses `file` with GoSyntax and lowers it into a ``ConcModel/Unit``.
    ///
    /// - Parameter languageVersion: the Go version of the module (`go.mod`'s `go` line or the
    ///   configuration), as (major, minor). A `//go:build go1.N` constraint in the file overrides it,
    ///   as the go command does since Go 1.21. It decides whether loop variables are per
    ///   iteration (Go ≥ 1.22).
    /// - Parameter extensions: the project's own spawn, wait and lock APIs (`.conclint.yml`); by
    ///   default none.
    /// Never throws and never traps on input: syntax errors come back as diagnostics and the rest
    /// of the file is lowered. A file whose code spells none of the words in
    /// ``GoAPITable/vocabulary`` is parsed but not lowered: its unit is empty and marked as not
    /// mentioning concurrency.
    public static func lower(
        _ file: SourceFile, languageVersion: (major: Int, minor: Int)?, extensions: APIExtensions = .none
    ) -> LoweredFile {
        let result = GoParser.parse(source: file.bytes, path: file.path)
        let version = buildConstraintVersion(result.file) ?? languageVersion
        var diagnostics = result.diagnostics.prefix(20).map { diagnostic in
            ParseDiagnostic(
                message: diagnostic.message,
                position: SourcePosition(offset: diagnostic.position.offset, line: diagnostic.position.line, column: diagnostic.position.column),
                isTooComplex: diagnostic.message.contains("max nesting depth"))
        }
        // The cheap filter: code that spells no concurrency API would lower to a unit no rule
        // reads. It is still parsed, so its syntax errors are reported all the same.
        guard GoAPITable.vocabulary.adding(extensions).isMentioned(in: file.bytes) else {
            let unit = Unit(file: file, language: .go, languageVersion: version, mentionsConcurrency: false)
            return LoweredFile(unit: unit, diagnostics: Array(diagnostics))
        }
        let lowering = GoLowering(file: file, tree: result.file, languageVersion: version)
        lowering.extensions = extensions
        let unit = lowering.lowerFile()
        if lowering.tooDeep {
            diagnostics.append(ParseDiagnostic(
                message: "nesting deeper than \(GoLowering.maximumDepth) levels; the deepest parts were not analysed",
                position: SourcePosition(offset: 0, line: 1, column: 1), isTooComplex: true))
        }
        return LoweredFile(unit: unit, diagnostics: Array(diagnostics))
    }

    /// The lowest `go1.N` a `//go:build` line before the package clause requires.
    static func buildConstraintVersion(_ file: GoSyntax.File) -> (major: Int, minor: Int)? {
        for comment in file.comments where comment.slash < file.package {
            let text = comment.text
            guard text.hasPrefix("//go:build") else { continue }
            var best: (Int, Int)?
            for word in text.split(whereSeparator: { " ()&|!".contains($0) }) where word.hasPrefix("go1.") {
                if let minor = Int(word.dropFirst(4)) {
                    if best == nil || minor < best!.1 { best = (1, minor) }
                }
            }
            if let best { return (major: best.0, minor: best.1) }
        }
        return nil
    }
}
