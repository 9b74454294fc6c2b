import ConcRules

/// A finding that was silenced, kept so SARIF can record it with its justification.
///
/// Suppressed findings do not count for the exit status; the text, GitHub and Checkstyle reports
/// leave them out, JSON lists them under `suppressed`, SARIF writes them as results with
/// `suppressions` (§3.27.23).
public struct SuppressedFinding: Sendable {
    /// How the finding was silenced: the SARIF suppression `kind` (§3.35.2).
    public enum Kind: String, Sendable, Codable {
        /// By a `// conclint:ignore` comment in the source.
        case inSource
        /// By a baseline file (`--baseline`).
        case external
    }

    /// The silenced finding.
    public var finding: Finding
    /// How it was silenced.
    public var kind: Kind
    /// The reason written after `--`, or which baseline accepted it.
    public var justification: String

    /// A `finding` silenced by `kind` for `justification`.
    public init(finding: Finding, kind: Kind, justification: String) {
        self.finding = finding
        self.kind = kind
        self.justification = justification
    }
}
