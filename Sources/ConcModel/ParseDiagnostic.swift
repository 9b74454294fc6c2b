/// A problem a front end met while reading a file: a syntax error, invalid UTF-8, excessive
/// nesting. The file is still lowered as far as it could be read.
public struct ParseDiagnostic: Sendable, Hashable {
    public var message: String
    public var position: SourcePosition
    /// Whether the problem is the file's size or nesting rather than its syntax: the parts past
    /// a limit were not analysed.
    public var isTooComplex: Bool

    public init(message: String, position: SourcePosition, isTooComplex: Bool = false) {
        self.message = message
        self.position = position
        self.isTooComplex = isTooComplex
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
