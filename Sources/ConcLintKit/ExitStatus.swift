import ConcReport
import ConcRules

/// The lowest severity that makes a run fail (`--fail-on`).
public enum FailureThreshold: String, CaseIterable, Sendable {
    case error
    case warning
    case note
    /// Never fail because of findings.
    case never

    /// Whether a finding of `severity` fails the run.
    public func fails(_ severity: Severity) -> Bool {
        switch self {
        case .error: severity >= .error
        case .warning: severity >= .warning
        case .note: true
        case .never: false
        }
    }
}

/// The process exit status of `conclint`.
public enum ExitStatus: Int32, Sendable {
    /// Nothing at or above `--fail-on`.
    case success = 0
    /// Findings at or above `--fail-on`, or a path that could not be read or is not Swift or Go
    /// (unless `--fail-on never`).
    case findings = 1
    /// A usage or configuration error.
    case usageError = 2

    /// The status of `run` under `threshold`. Syntax errors, invalid encodings and oversized
    /// files are reported but do not fail the run; unreadable and unsupported paths fail it
    /// like an error-level finding.
    public init(_ run: LintRun, failOn threshold: FailureThreshold) {
        let failingFinding = run.findings.contains { threshold.fails($0.severity) }
        let failingProblem = run.problems.contains { $0.kind == .unreadable || $0.kind == .unsupported }
        self = failingFinding || (failingProblem && threshold.fails(.error)) ? .findings : .success
    }
}
