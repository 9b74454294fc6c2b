import Foundation

/// Writes a run as a ``JSONReport`` (schema version 1): pretty-printed, keys sorted, slashes
/// unescaped, ending with a newline.
public struct JSONFormatter: Sendable {
    /// A formatter; it has no settings.
    public init() {}

    /// The JSON text of `run`.
    ///
    /// - Throws: `EncodingError` from `JSONEncoder` (not expected for these types).
    public func format(_ run: LintRun) throws -> String {
        try Self.encode(JSONReport(run))
    }

    /// Encodes any report value with the settings every conclint JSON output uses.
    static func encode<Value: Encodable>(_ value: Value) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }
}
