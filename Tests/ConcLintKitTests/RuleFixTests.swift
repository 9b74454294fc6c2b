import ConcModel
import ConcRules
import Foundation
import Testing

@testable import ConcLintKit

/// Each rule's fix is `safe` only where the analysis proves it, `review` (or absent) elsewhere.
@Suite("Rule fixes")
struct RuleFixTests {
    /// The fixes of the findings of `rule` in `text`.
    private func fixes(_ rule: String, in text: String, path: String = "main.go") -> [Fix] {
        Linter.lint(path: path, text: text).findings.filter { $0.ruleID == rule }.flatMap(\.fixes)
    }

    private func applied(_ fixes: [Fix], to text: String) -> String {
        String(decoding: TextEdit.apply(fixes.flatMap(\.edits), to: Array(text.utf8)), as: UTF8.self)
    }

    @Test("a constant number of senders gives a buffer of that size, safe")
    func constantSendersBufferSafe() throws {
        let text = """
            package main

            import "time"

            func first() string {
            \treplies := make(chan string)
            \tfor i := 0; i < 3; i++ {
            \t\tgo func() {
            \t\t\treplies <- "x"
            \t\t}()
            \t}
            \tselect {
            \tcase r := <-replies:
            \t\treturn r
            \tcase <-time.After(time.Second):
            \t\treturn ""
            \t}
            }

            func main() { first() }

            """
        let fix = try #require(fixes("blocking-send-leak", in: text).first)
        #expect(fix.applicability == .safe)
        #expect(applied([fix], to: text).contains("replies := make(chan string, 3)"))
    }

    @Test("a sender that goes on working after its send gets a review buffer fix")
    func workAfterSendIsReview() throws {
        let text = """
            package main

            import "time"

            func log(s string) {}

            func fetch() string {
            \treply := make(chan string)
            \tgo func() {
            \t\treply <- "x"
            \t\tlog("sent")
            \t}()
            \tselect {
            \tcase r := <-reply:
            \t\treturn r
            \tcase <-time.After(time.Second):
            \t\treturn ""
            \t}
            }

            func main() { fetch() }

            """
        let fix = try #require(fixes("blocking-send-leak", in: text).first)
        #expect(fix.applicability == .review)
    }

    @Test("an unlock followed by more work makes the lock fix a review unlock before the early return")
    func unlockMidFunctionIsReview() throws {
        let text = """
            package main

            import "sync"

            var mu sync.Mutex
            var n int

            func slow() {}

            func step(x int) int {
            \tmu.Lock()
            \tif x < 0 {
            \t\treturn 0
            \t}
            \tn += x
            \tmu.Unlock()
            \tslow()
            \treturn n
            }

            func main() { step(1) }

            """
        let fix = try #require(fixes("lock-without-unlock", in: text).first)
        #expect(fix.applicability == .review)
        #expect(applied([fix], to: text).contains("\tif x < 0 {\n\t\tmu.Unlock()\n\t\treturn 0\n"))
    }

    @Test("the lock fix is a safe deferred unlock where every release ends the function")
    func deferredUnlockIsSafe() throws {
        let text = """
            package main

            import "sync"

            var mu sync.Mutex
            var n int

            func step(x int) int {
            \tmu.Lock()
            \tif x < 0 {
            \t\treturn 0
            \t}
            \tn += x
            \tmu.Unlock()
            \treturn n
            }

            func main() { step(1) }

            """
        let fix = try #require(fixes("lock-without-unlock", in: text).first)
        #expect(fix.applicability == .safe)
        let fixed = applied([fix], to: text)
        #expect(fixed.contains("\tmu.Lock()\n\tdefer mu.Unlock()\n"))
        #expect(!fixed.contains("\tmu.Unlock()\n"))
    }

    @Test("a Done that runs mid-body is never deferred, in the fix or in the suggestion")
    func midBodyDoneIsNotDeferred() throws {
        let text = """
            package main

            import (
            \t"fmt"
            \t"sync"
            )

            func main() {
            \tvar wg sync.WaitGroup
            \twg.Add(1)
            \tgo func() {
            \t\tif len("x") > 5 {
            \t\t\treturn
            \t\t}
            \t\twg.Done()
            \t\tfmt.Println("after the count")
            \t}()
            \twg.Wait()
            }

            """
        let findings = Linter.lint(path: "main.go", text: text).findings.filter { $0.ruleID == "waitgroup-unbalanced" }
        let finding = try #require(findings.first)
        #expect(!finding.suggestion.contains("defer"), "the suggestion must not propose a deferred Done: \(finding.suggestion)")
        let fix = try #require(finding.fixes.first)
        #expect(fix.applicability == .review)
        #expect(applied([fix], to: text).contains("\t\t\twg.Done()\n\t\t\treturn\n"))
    }

    @Test("a loop variable the body writes gets a review copy")
    func writtenLoopVariableIsReview() throws {
        let text = """
            package main

            import "fmt"

            func main() {
            \tfor i := 0; i < 5; i++ {
            \t\tif i == 2 {
            \t\t\ti++
            \t\t}
            \t\tgo func() {
            \t\t\tfmt.Println(i)
            \t\t}()
            \t}
            }

            """
        let path = FileManager.default.temporaryDirectory.appending(path: "lvc-\(UUID().uuidString).go").path
        let findings = Linter.lint(path: path, text: text, goVersion: (1, 21)).findings.filter { $0.ruleID == "loop-variable-capture" }
        let fix = try #require(findings.first?.fixes.first)
        #expect(fix.applicability == .review)
    }

    @Test("an err written in a goroutine and read nowhere else after the spawn becomes the goroutine's own, safe")
    func goroutineLocalErrIsSafe() throws {
        let url = FixtureSupport.repositoryRoot.appending(path: "Fixtures/go/shared-mutable-capture/bad_goroutine_error_assign.go")
        let text = try String(contentsOf: url, encoding: .utf8)
        let fix = try #require(fixes("shared-mutable-capture", in: text).first)
        #expect(fix.applicability == .safe)
        #expect(applied([fix], to: text).contains("\t\t\terr := check(n)"))
    }

    @Test("an err nothing reads outside the goroutine gets no goroutine-local fix: Go would reject the unused outer variable")
    func unusedOuterErrIsNotLocalised() {
        let text = """
            package main

            import "fmt"

            func work() error { return nil }

            func main() {
            \tvar err error
            \tdone := make(chan bool)
            \tgo func() {
            \t\terr = work()
            \t\tif err != nil {
            \t\t\tfmt.Println(err)
            \t\t}
            \t\tdone <- true
            \t}()
            \t<-done
            }

            """
        #expect(!fixes("shared-mutable-capture", in: text).contains { $0.applicability == .safe })
    }

    @Test("a variable the creator reads after the spawn gets no goroutine-local fix, but a review lock of the mutex in scope")
    func readAfterSpawnGetsGuardedWrite() throws {
        let text = """
            package main

            import (
            \t"fmt"
            \t"sync"
            )

            func main() {
            \tvar mu sync.Mutex
            \tlast := 0
            \tvar wg sync.WaitGroup
            \tfor i := 0; i < 4; i++ {
            \t\twg.Add(1)
            \t\tgo func(n int) {
            \t\t\tdefer wg.Done()
            \t\t\tlast = n
            \t\t}(i)
            \t}
            \twg.Wait()
            \tmu.Lock()
            \tfmt.Println(last)
            \tmu.Unlock()
            }

            """
        let found = fixes("shared-mutable-capture", in: text)
        let fix = try #require(found.first)
        #expect(found.count == 1)
        #expect(fix.applicability == .review)
        #expect(applied([fix], to: text).contains("\t\t\tmu.Lock()\n\t\t\tlast = n\n\t\t\tmu.Unlock()\n"))
    }

    @Test("a count of a group the goroutine was handed as a parameter is not moved")
    func parameterGroupIsNotMoved() {
        let text = """
            package main

            import "sync"

            func main() {
            \tvar wg sync.WaitGroup
            \tgo func(g *sync.WaitGroup) {
            \t\tg.Add(1)
            \t\tdefer g.Done()
            \t}(&wg)
            \twg.Wait()
            }

            """
        #expect(fixes("waitgroup-add-in-spawn", in: text).isEmpty)
    }

    @Test("a stream fed by a loop reading input gets no dropping policy, one fed by a callback does, as review")
    func droppingPolicyOnlyWhereValuesMayBeLost() throws {
        let input = FixtureSupport.repositoryRoot.appending(path: "Fixtures/swift/unbounded-channel/bad_make_stream_producer_loop.swift")
        let callback = FixtureSupport.repositoryRoot.appending(path: "Fixtures/swift/unbounded-channel/bad_stream_from_callback.swift")
        let inputFixes = fixes("unbounded-channel", in: try String(contentsOf: input, encoding: .utf8), path: "input.swift")
        #expect(!inputFixes.contains { $0.edits.contains { $0.replacement.contains("bufferingNewest") } })
        let callbackFixes = fixes("unbounded-channel", in: try String(contentsOf: callback, encoding: .utf8), path: "callback.swift")
        let fix = try #require(callbackFixes.first)
        #expect(fix.applicability == .review)
        #expect(fix.message.contains("dropped"))
    }
}
