import Testing

@testable import ConcLintKit

@Suite("Fixture run verdicts")
struct VerdictClassifierTests {
    private func verdict(_ output: String, _ ending: RunCapture.Ending = .exited(0)) -> FixtureOutcome {
        VerdictClassifier.classify(RunCapture(output: output, ending: ending), timeoutSeconds: 20)
    }

    @Test("ThreadSanitizer's data race and Swift access race reports are races, counted")
    func sanitizerRaces() {
        let report = "==================\nWARNING: ThreadSanitizer: data race (pid=42)\n  Write of size 8\n"
        #expect(verdict(report, .exited(66)) == .observed(.race, evidence: "ThreadSanitizer: data race"))
        #expect(
            verdict(report + report, .exited(66))
                == .observed(.race, evidence: "ThreadSanitizer: data race (2 reports)"))
        #expect(
            verdict("WARNING: ThreadSanitizer: Swift access race (pid=1)\n", .exited(66))
                == .observed(.race, evidence: "ThreadSanitizer: Swift access race"))
    }

    @Test("the Go race detector's report is a race, even when the program also exits 0")
    func goRace() {
        #expect(
            verdict("==================\nWARNING: DATA RACE\nRead at 0x00c000\n", .exited(66))
                == .observed(.race, evidence: "Go race detector: DATA RACE"))
        #expect(verdict("WARNING: DATA RACE\n", .exited(0)).label == "race")
    }

    @Test("a race wins over a leak line and a timeout")
    func raceFirst() {
        #expect(verdict("LEAK: 3 goroutines\nWARNING: DATA RACE\n", .timedOut).label == "race")
    }

    @Test("another ThreadSanitizer report is an error, not a race and not clean")
    func otherSanitizerReport() {
        let outcome = verdict("WARNING: ThreadSanitizer: lock-order-inversion (potential deadlock) (pid=7)\n")
        #expect(outcome == .failed(reason: "ThreadSanitizer reported lock-order-inversion, not a data race"))
    }

    @Test("a timeout is a hang, whatever was printed")
    func timeoutIsLeak() {
        #expect(verdict("working…\n", .timedOut) == .observed(.leak, evidence: "hang: still running after 20 s"))
        #expect(
            VerdictClassifier.classify(RunCapture(output: "", ending: .timedOut), timeoutSeconds: 2.5)
                == .observed(.leak, evidence: "hang: still running after 2.5 s"))
    }

    @Test("a line starting with LEAK: is a leak, with exit 0 or not")
    func leakLine() {
        #expect(
            verdict("goroutines alive: 11\nLEAK: 10 sender goroutine(s) still blocked on a send\n")
                == .observed(.leak, evidence: "LEAK: 10 sender goroutine(s) still blocked on a send"))
        #expect(verdict("  LEAK: countdown never ended\n", .exited(2)).label == "leak")
        #expect(verdict("no LEAK: here, only a mention\n").label == "clean")
    }

    @Test("the Go runtime's deadlock report is a hang")
    func goDeadlock() {
        let output = "fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [chan receive]:\n"
        #expect(verdict(output, .exited(2)) == .observed(.leak, evidence: "hang: Go runtime found all goroutines asleep"))
    }

    @Test("the Go runtime's other fatal errors are crashes, named by their line")
    func goFatalError() {
        let output = "fatal error: sync: unlock of unlocked mutex\n\ngoroutine 1 [running]:\n"
        #expect(verdict(output, .exited(2)) == .observed(.crash, evidence: "fatal error: sync: unlock of unlocked mutex"))
        #expect(verdict("  fatal error: indented, so printed by the program\n", .exited(1)).label == "error")
    }

    @Test("exit 0 without a report is clean")
    func clean() {
        #expect(verdict("total: 499500\n") == .observed(.clean, evidence: "exit 0"))
        #expect(verdict("") == .observed(.clean, evidence: "exit 0"))
    }

    @Test("a nonzero exit or a signal without a report is an error naming the last line")
    func failures() {
        #expect(verdict("step 1\npanic: boom\n\n", .exited(2)) == .failed(reason: "exit status 2: panic: boom"))
        #expect(verdict("", .signaled(11)) == .failed(reason: "killed by signal 11"))
        let long = String(repeating: "x", count: 300)
        #expect(verdict(long, .exited(1)).detail == "exit status 1: " + String(repeating: "x", count: 99) + "…")
    }
}
