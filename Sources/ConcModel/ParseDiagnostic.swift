/// A problem a front end met while reading a file: a syntax error, invalid UTF-8, excessive
/// nesting. The file is still lowered as far as it could be read.
public struct ParseDiagnostic: Sendable, Hashable {
    public var message: String
    public var position: SourcePosition

    public init(message: String, position: SourcePosition) {
        self.message = message
        self.position = position
    }
}

/// What a front end produces for one file.
public struct LoweredFile: Sendable {
    public var unit: Unit
    /// Syntax errors and other problems; empty for a clean parse.
    public var diagnostics: [ParseDiagnostic]

    public init(unit: Unit, diagnostics: [ParseDiagnostic]) {
        self.unit = unit
        self.diagnostics = diagnostics
    }
}
