import ConcRules
import Testing

@testable import ConcLintKit

@Suite("Go address arguments, repointed")
struct GoReassignedPointerTests {
    @Test("a parameter the goroutine points at its own variable no longer writes the caller's")
    func reassignedPointer() {
        let text = """
            package main

            import "sync"

            func reset(p *int, wg *sync.WaitGroup) {
            \tdefer wg.Done()
            \tlocal := 0
            \tp = &local
            \t*p = 5
            }

            func main() {
            \tn := 0
            \tvar wg sync.WaitGroup
            \twg.Add(2)
            \tgo reset(&n, &wg)
            \tgo reset(&n, &wg)
            \twg.Wait()
            }

            """
        #expect(Linter.lint(path: "main.go", text: text, severities: RuleEngine.defaultSeverities).findings.isEmpty)
    }
}
