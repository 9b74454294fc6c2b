import ConcRules
import Testing

@testable import ConcLintKit

/// `go f(&x)`: the spawned function's pointer parameter is the creator's `x`.
@Suite("Go address arguments")
struct GoAddressArgumentTests {
    private func findings(_ main: String) -> [Finding] {
        let text = """
            package main

            import "sync"

            func add(p *int, wg *sync.WaitGroup) {
            \tdefer wg.Done()
            \t*p += 2
            }

            func main() {
            \tvar wg sync.WaitGroup
            \tn := 0
            \(main)
            \twg.Wait()
            \t_ = n
            }

            """
        return Linter.lint(path: "main.go", text: text, severities: RuleEngine.defaultSeverities).findings
            .filter { $0.ruleID == "shared-mutable-capture" }
    }

    @Test("two spawns of one function with the same address race, and the write is reported once")
    func twoSpawnsOfOneBody() {
        let found = findings("\twg.Add(2)\n\tgo add(&n, &wg)\n\tgo add(&n, &wg)")
        #expect(found.count == 1)
        #expect(found.first?.range.start.line == 7)
        #expect(found.first?.message.contains("whose address it was given") == true)
    }

    @Test("one spawn given an address the creator leaves alone until it waits does not race")
    func oneSpawnThenWait() {
        #expect(findings("\twg.Add(1)\n\tgo add(&n, &wg)").isEmpty)
    }

    @Test("the creator touching the variable before waiting races with the spawned write")
    func creatorTouchesBeforeWait() {
        #expect(findings("\twg.Add(1)\n\tgo add(&n, &wg)\n\tn++").count == 1)
    }

    @Test("per-element addresses are each goroutine's own")
    func perElementAddress() {
        #expect(findings("\txs := make([]int, 4)\n\tfor i := range xs {\n\t\twg.Add(1)\n\t\tgo add(&xs[i], &wg)\n\t}").isEmpty)
    }

    @Test("a WaitGroup taken by value is reported where it is counted, for a function literal too, unless the function waits on its own copy")
    func waitGroupByValue() {
        let text = """
            package main

            import "sync"

            func worker(wg sync.WaitGroup) {
            \tdefer wg.Done()
            }

            func ownsCopy(wg sync.WaitGroup) {
            \twg.Add(1)
            \tgo func() { defer wg.Done() }()
            \twg.Wait()
            }

            func main() {
            \tvar wg sync.WaitGroup
            \twg.Add(2)
            \tgo worker(wg)
            \tgo func(g sync.WaitGroup) {
            \t\tdefer g.Done()
            \t}(wg)
            \twg.Wait()
            \townsCopy(sync.WaitGroup{})
            }

            """
        let lines = Linter.lint(path: "main.go", text: text, severities: RuleEngine.defaultSeverities).findings
            .filter { $0.ruleID == "waitgroup-unbalanced" }.map(\.range.start.line)
        #expect(lines == [6, 20])
    }
}
