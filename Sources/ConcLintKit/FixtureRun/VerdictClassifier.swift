import Foundation

/// Decides a fixture's dynamic verdict from what its run left behind: output, exit status and
/// whether it timed out. Pure: it reads a ``RunCapture`` and never runs anything.
///
/// In order, the first that applies decides:
/// 1. **race** — a data race report: ThreadSanitizer's `WARNING: ThreadSanitizer: data race` or
///    `WARNING: ThreadSanitizer: Swift access race` (an exclusivity violation between threads),
///    or the Go race detector's `WARNING: DATA RACE`.
/// 2. **error** — another ThreadSanitizer report (`heap-use-after-free`, `lock-order-inversion`,
///    …): the sanitizer found something, but not the race a header can promise.
/// 3. **leak** — the run timed out (a hang); or the Go runtime stopped it with `fatal error: all
///    goroutines are asleep - deadlock!` (a hang it detected); or the fixture printed a line that
///    starts with `LEAK:` (the convention for a leak the program detects itself, such as a
///    goroutine count that stays up or a lock still held), whatever its exit status.
/// 4. **crash** — the Go runtime's `fatal error: …` (an unlock of an unlocked mutex, concurrent
///    map writes): a crash whose cause the runtime names.
/// 5. **clean** — exit status 0.
/// 6. **error** — anything else: another crash, a signal, a nonzero exit with none of the above.
public enum VerdictClassifier {
    /// The lines that report a data race, and who prints them.
    static let raceMarkers: [(marker: String, source: String)] = [
        ("WARNING: ThreadSanitizer: data race", "ThreadSanitizer: data race"),
        ("WARNING: ThreadSanitizer: Swift access race", "ThreadSanitizer: Swift access race"),
        ("WARNING: DATA RACE", "Go race detector: DATA RACE"),
    ]
    /// The start of every ThreadSanitizer report.
    static let sanitizerMarker = "WARNING: ThreadSanitizer: "
    /// The start of a line a fixture prints when it detects its own leak.
    public static let leakMarker = "LEAK:"
    /// What the Go runtime prints when every goroutine is blocked.
    static let goDeadlockMarker = "fatal error: all goroutines are asleep - deadlock!"
    /// The start of the line with which the Go runtime stops a program it cannot let go on.
    static let goFatalMarker = "fatal error: "
    /// The longest evidence text taken from the program's own output, in characters.
    static let maxEvidenceLength = 100

    /// The outcome of a run.
    ///
    /// - Parameters:
    ///   - capture: the run's combined output and how it ended.
    ///   - timeoutSeconds: the timeout the run had, for the evidence of a hang.
    /// - Returns: ``FixtureOutcome/observed(_:evidence:)`` with `race`, `leak`, `crash` or `clean`, or
    ///   ``FixtureOutcome/failed(reason:)``.
    public static func classify(_ capture: RunCapture, timeoutSeconds: Double) -> FixtureOutcome {
        let lines = capture.output.split(omittingEmptySubsequences: true, whereSeparator: \.isNewline)
        for (marker, source) in raceMarkers {
            let count = lines.count { $0.contains(marker) }
            if count > 0 {
                return .observed(.race, evidence: count == 1 ? source : "\(source) (\(count) reports)")
            }
        }
        if let report = lines.first(where: { $0.contains(sanitizerMarker) }),
            let start = report.range(of: sanitizerMarker)
        {
            let kind = report[start.upperBound...].prefix { $0 != "(" }.trimmingCharacters(in: .whitespaces)
            return .failed(reason: "ThreadSanitizer reported \(kind), not a data race")
        }
        if capture.ending == .timedOut {
            return .observed(.leak, evidence: "hang: still running after \(seconds(timeoutSeconds))")
        }
        if lines.contains(where: { $0.contains(goDeadlockMarker) }) {
            return .observed(.leak, evidence: "hang: Go runtime found all goroutines asleep")
        }
        if let line = lines.first(where: { $0.trimmingCharacters(in: .whitespaces).hasPrefix(leakMarker) }) {
            return .observed(.leak, evidence: clipped(line.trimmingCharacters(in: .whitespaces)))
        }
        if let line = lines.first(where: { $0.hasPrefix(goFatalMarker) }) {
            return .observed(.crash, evidence: clipped(String(line)))
        }
        switch capture.ending {
        case .exited(0):
            return .observed(.clean, evidence: "exit 0")
        case .exited(let status):
            return .failed(reason: "exit status \(status)" + lastLine(lines))
        case .signaled(let signal):
            return .failed(reason: "killed by signal \(signal)" + lastLine(lines))
        case .timedOut:
            return .failed(reason: "timed out")  // unreachable: handled above
        }
    }

    /// `: <last output line>`, or nothing when there was no output.
    static func lastLine(_ lines: [Substring]) -> String {
        guard let last = lines.last(where: { !$0.allSatisfy(\.isWhitespace) }) else { return "" }
        return ": " + clipped(last.trimmingCharacters(in: .whitespaces))
    }

    /// `text` cut to ``maxEvidenceLength`` characters, with `…` when cut.
    static func clipped(_ text: String) -> String {
        text.count <= maxEvidenceLength ? text : String(text.prefix(maxEvidenceLength - 1)) + "…"
    }

    /// `20 s`, `2.5 s`.
    static func seconds(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? "\(Int(value)) s" : "\(value) s"
    }
}
