import ConcRules
import Testing

@testable import ConcLintKit

/// A goroutine-leak check armed before the work starts (`defer leaktest.Check(t)()`, pion's
/// `report := test.CheckRoutines(t); defer report()`) waits for that work when the test returns.
@Suite("leak checks armed in tests, for missing-wait")
struct LeakCheckArmingTests {
    private func unwaited(package: String = "a", imports: String, body: String) -> [Finding] {
        let text = """
            package \(package)

            import (
            \t"testing"
            \t"time"
            \(imports)
            )

            func TestSleeper(t *testing.T) {
            \(body)
            }

            """
        return Linter.lint(path: "a_test.go", text: text, severities: RuleEngine.defaultSeverities).findings
            .filter { $0.ruleID == "missing-wait" }
    }

    private let spawn = "\tgo func() { time.Sleep(time.Second) }()"

    @Test("a leaktest check deferred before the goroutine starts waits for it")
    func leaktestDeferred() {
        #expect(unwaited(imports: "\t\"github.com/fortytw2/leaktest\"", body: "\tdefer leaktest.Check(t)()\n" + spawn).isEmpty)
    }

    @Test("pion's CheckRoutines armed before the goroutine waits for it, qualified or from its own package")
    func checkRoutines() {
        let body = "\treport := test.CheckRoutines(t)\n\tdefer report()\n" + spawn
        #expect(unwaited(imports: "\t\"github.com/pion/transport/v2/test\"", body: body).isEmpty)
        let own = "\treport := CheckRoutines(t)\n\tdefer report()\n" + spawn
        #expect(unwaited(package: "test", imports: "", body: own).isEmpty)
    }

    @Test("a check armed after the goroutine started counts it as already running")
    func armedTooLate() {
        let body = spawn + "\n\tdefer leaktest.Check(t)()"
        #expect(unwaited(imports: "\t\"github.com/fortytw2/leaktest\"", body: body).count == 1)
    }

    @Test("a function of another package with the checker's name arms nothing")
    func unrelatedName() {
        let own = "\treport := CheckRoutines(t)\n\tdefer report()\n" + spawn
        #expect(unwaited(package: "server", imports: "", body: own).count == 1)
    }
}
