/// A syntax error found while scanning or parsing a Go file.
///
/// Messages follow `go/parser` and `go/scanner` (for example `expected ';', found 'IDENT'`,
/// `string literal not terminated`, `illegal UTF-8 encoding`).
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    /// Where the error is (line and column in UTF-8 bytes, see ``Position``).
    public let position: Position
    /// The message: lower-case, no final full stop.
    public let message: String

    /// Creates a diagnostic.
    public init(position: Position, message: String) {
        self.position = position
        self.message = message
    }

    /// `line:column: message`.
    public var description: String { "\(position): \(message)" }
}
