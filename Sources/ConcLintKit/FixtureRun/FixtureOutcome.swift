/// What happened to one fixture in `conclint fixtures run`.
public enum FixtureOutcome: Equatable, Sendable {
    /// It was built and run, and the run showed this verdict (never ``FixtureVerdict/skip``);
    /// `evidence` says what decided it, in a few words.
    case observed(FixtureVerdict, evidence: String)
    /// It was not run: its header says `skip`, or the tool it needs is not installed.
    case notRun(reason: String)
    /// It could not be judged: its header is unreadable, it did not compile, or it failed
    /// without a report (a crash, an exit status other than 0 with no race or leak shown).
    case failed(reason: String)

    /// The verdict column of the table: `race`, `clean`, `leak`, `skip`, or `error`.
    public var label: String {
        switch self {
        case .observed(let verdict, _): verdict.rawValue
        case .notRun: FixtureVerdict.skip.rawValue
        case .failed: "error"
        }
    }

    /// The evidence or reason, for the table's last column.
    public var detail: String {
        switch self {
        case .observed(_, let evidence): evidence
        case .notRun(let reason), .failed(let reason): reason
        }
    }
}
