import ConcRules

/// How many findings a run has at each severity; the numbers behind the text summary line and
/// the JSON `summary` object.
public struct FindingCounts: Hashable, Sendable, Codable {
    /// Findings of severity `error`.
    public var errors: Int
    /// Findings of severity `warning`.
    public var warnings: Int
    /// Findings of severity `note`.
    public var notes: Int

    /// All findings.
    public var total: Int { errors + warnings + notes }

    /// Counts `findings` by severity.
    public init(_ findings: [Finding]) {
        errors = findings.count(where: { $0.severity == .error })
        warnings = findings.count(where: { $0.severity == .warning })
        notes = findings.count(where: { $0.severity == .note })
    }
}
