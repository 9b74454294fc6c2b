/// One row of `conclint fixtures run`: a fixture, what the linter finds in it, what its header
/// expects and what running it showed.
public struct FixtureResult: Equatable, Sendable {
    /// Whether the run agrees with the header.
    public enum Agreement: String, Equatable, Sendable {
        /// The run showed the verdict the header states.
        case agrees = "yes"
        /// It showed another, failed, or the header is unreadable.
        case disagrees = "NO"
        /// It was not run (`skip` header, or its tool is not installed).
        case notRun = "-"
    }

    /// The fixture.
    public var fixture: FixtureCase
    /// Its header, or why it could not be read.
    public var header: Result<FixtureHeader, FixtureHeaderError>
    /// The rule ids of the linter's findings in it, sorted, one entry per finding.
    public var findings: [String]
    /// What happened when it was built and run.
    public var outcome: FixtureOutcome
    /// Wall time of its build (none when the cached program is reused) and run, in seconds; 0
    /// when it was not run.
    public var seconds: Double
    /// The log of the step that decided the outcome (the run's output, or the compiler's),
    /// when there is one.
    public var log: String?

    /// - Parameters: see the properties.
    public init(
        fixture: FixtureCase, header: Result<FixtureHeader, FixtureHeaderError>, findings: [String],
        outcome: FixtureOutcome, seconds: Double = 0, log: String? = nil
    ) {
        self.fixture = fixture
        self.header = header
        self.findings = findings
        self.outcome = outcome
        self.seconds = seconds
        self.log = log
    }

    /// The expected-verdict column: the header's verdict, or `?` when it is unreadable.
    public var expectedLabel: String {
        (try? header.get().expected.rawValue) ?? "?"
    }

    /// Agreement of ``outcome`` with ``header``.
    public var agreement: Agreement {
        guard case .success(let header) = header else { return .disagrees }
        switch outcome {
        case .observed(let verdict, _): return verdict == header.expected ? .agrees : .disagrees
        case .notRun: return .notRun
        case .failed: return .disagrees
        }
    }

    /// The findings column: `rule-id`, `rule-id ×2`, joined with `, `; `-` for none.
    public var findingsLabel: String {
        guard !findings.isEmpty else { return "-" }
        var counts: [(String, Int)] = []
        for id in findings {
            if let last = counts.last, last.0 == id {
                counts[counts.count - 1].1 += 1
            } else {
                counts.append((id, 1))
            }
        }
        return counts.map { $0.1 == 1 ? $0.0 : "\($0.0) ×\($0.1)" }.joined(separator: ", ")
    }
}
