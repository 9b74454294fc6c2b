import ConcRules
import Testing

@testable import ConcLintKit

/// testify's `assert.Fail(t, …)` fails the test as `t.Fatal` does: a sender left behind only
/// after the test has failed is what the failure already reports.
@Suite("testify failures in blocking-send-leak")
struct TestifyFailureTests {
    private func leaks(timeoutCase: String) -> [Finding] {
        let text = """
            package a

            import (
            \t"testing"
            \t"time"

            \t"github.com/stretchr/testify/assert"
            )

            func answer() int { return 42 }

            func TestAnswer(t *testing.T) {
            \tch := make(chan int)
            \tgo func() {
            \t\tch <- answer()
            \t}()
            \tselect {
            \tcase v := <-ch:
            \t\tassert.Equal(t, 42, v)
            \tcase <-time.After(time.Second):
            \t\t\(timeoutCase)
            \t}
            }

            """
        return Linter.lint(path: "a_test.go", text: text, severities: RuleEngine.defaultSeverities).findings
            .filter { $0.ruleID == "blocking-send-leak" }
    }

    @Test("a timeout case that calls assert.Fail or require.FailNow is not reported")
    func failingCases() {
        #expect(leaks(timeoutCase: "assert.Fail(t, \"timed out\")").isEmpty)
        #expect(leaks(timeoutCase: "require.FailNow(t, \"timed out\")").isEmpty)
    }

    @Test("a timeout case that only logs still leaves the sender blocked")
    func loggingCase() {
        #expect(leaks(timeoutCase: "t.Log(\"timed out\")").count == 1)
    }
}
