import Foundation

/// Everything `conclint fixtures run` found: one ``FixtureResult`` per fixture, the notices
/// (tools missing), the table text and the exit status.
public struct FixtureRunReport: Equatable, Sendable {
    /// The rows, sorted by the fixture's path.
    public var results: [FixtureResult]
    /// One-line notices for standard error, such as `go is not on PATH`.
    public var notices: [String]
    /// Wall time of the whole run, in seconds.
    public var seconds: Double
    /// With `--apply-fixes`: the fixes applied to each fixture, by display path (each
    /// `applicability rule: message`); the table gains a column for them.
    public var fixesApplied: [String: [String]]

    /// - Parameters: see the properties.
    public init(results: [FixtureResult], notices: [String] = [], seconds: Double = 0, fixesApplied: [String: [String]] = [:]) {
        self.results = results
        self.notices = notices
        self.seconds = seconds
        self.fixesApplied = fixesApplied
    }

    /// 1 (``ExitStatus/findings``) when any fixture disagrees with its header, else 0.
    public var exitStatus: ExitStatus {
        results.contains { $0.agreement == .disagrees } ? .findings : .success
    }

    /// The table: a header line, then one line per fixture with its path, static findings,
    /// expected and dynamic verdicts, agreement and the evidence, columns padded to the widest
    /// cell; then one summary line.
    public func table() -> String {
        let withFixes = !fixesApplied.isEmpty
        let header = ["FIXTURE"] + (withFixes ? ["FIXES APPLIED"] : []) + ["STATIC FINDINGS", "EXPECTED", "DYNAMIC", "AGREE", "EVIDENCE"]
        let rows = results.map { result in
            [result.fixture.displayPath]
                + (withFixes ? [fixesApplied[result.fixture.displayPath]?.joined(separator: "; ") ?? "-"] : [])
                + [
                    result.findingsLabel, result.expectedLabel, result.outcome.label,
                    result.agreement.rawValue, result.outcome.detail,
                ]
        }
        let all = [header] + rows
        let widths = (0..<header.count - 1).map { column in all.map { $0[column].count }.max() ?? 0 }
        let lines = all.map { row in
            (0..<widths.count).map { row[$0].padding(toLength: widths[$0], withPad: " ", startingAt: 0) }
                .joined(separator: "  ") + "  " + row[widths.count]
        }
        return (lines + [summary()]).joined(separator: "\n") + "\n"
    }

    /// `118 fixtures: 101 agree, 0 disagree, 17 not run (race 20, clean 70, leak 11) in 184.2 s`.
    public func summary() -> String {
        let agree = results.count { $0.agreement == .agrees }
        let disagree = results.count { $0.agreement == .disagrees }
        let notRun = results.count { $0.agreement == .notRun }
        let observed = [FixtureVerdict.race, .clean, .leak].map { verdict in
            "\(verdict.rawValue) \(results.count { if case .observed(verdict, _) = $0.outcome { true } else { false } })"
        }
        let crashes = results.count { if case .observed(.crash, _) = $0.outcome { true } else { false } }
        let errors = results.count { if case .failed = $0.outcome { true } else { false } }
        let counts = observed + (crashes > 0 ? ["crash \(crashes)"] : []) + (errors > 0 ? ["error \(errors)"] : [])
        return "\(results.count) fixture\(results.count == 1 ? "" : "s"): \(agree) agree, \(disagree) disagree, "
            + "\(notRun) not run (\(counts.joined(separator: ", "))) in \(String(format: "%.1f", seconds)) s"
    }

    /// For each disagreeing fixture: what was expected and seen, the log's path and its last
    /// `lines` lines, so a CI log shows why without opening files.
    public func disagreementDetails(lines: Int = 20) -> String {
        results.filter { $0.agreement == .disagrees }.map { result in
            var text = "--- \(result.fixture.displayPath): expected \(result.expectedLabel), got \(result.outcome.label)"
            text += " (\(result.outcome.detail))\n"
            if let log = result.log {
                text += "    log: \(log)\n"
                let tail = ProcessRunner.readStart(of: log).split(separator: "\n", omittingEmptySubsequences: false)
                    .suffix(lines + 1).joined(separator: "\n").trimmingCharacters(in: .newlines)
                if !tail.isEmpty { text += tail.split(separator: "\n").map { "    | " + $0 }.joined(separator: "\n") + "\n" }
            }
            return text
        }.joined()
    }
}
