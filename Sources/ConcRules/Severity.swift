/// How serious a finding is; ordered `note < warning < error`.
///
/// Maps one to one onto SARIF 2.1.0 `result.level` (§3.27.10).
public enum Severity: String, Comparable, Sendable, CaseIterable, Codable {
    case note
    case warning
    case error

    private var rank: Int {
        switch self {
        case .note: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}
