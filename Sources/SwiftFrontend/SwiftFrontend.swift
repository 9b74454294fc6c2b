import ConcModel
import SwiftParser
import SwiftSyntax

/// Lowers Swift source into the concurrency model.
public enum SwiftFrontend {
    /// Parses `file` with SwiftParser and lowers it into a ``ConcModel/Unit``.
    ///
    /// Never throws: syntax errors come back as diagnostics and the rest of the file is lowered.
    public static func lower(_ file: SourceFile) -> LoweredFile {
        // Placeholder until the lowering lands.
        LoweredFile(unit: Unit(file: file, language: .swift, mentionsConcurrency: false), diagnostics: [])
    }
}
