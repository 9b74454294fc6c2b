import ConcRules
import Testing

@testable import ConcLintKit

/// Ranging over a local collection the code filled itself within constant bounds is a counted
/// loop; one grown from input, handed away or grown in a closure is still a walk over input.
@Suite("Go collections bounded by construction")
struct GoBoundedCollectionTests {
    /// A file whose `fanOut` builds `items` with `build`, then starts a goroutine per element.
    private func threadPerItemCount(build: String, parameters: String = "") -> Int {
        let text = """
            package main

            import "sync"

            func use(xs []int) {}
            func fill(m map[int]int) {}

            func fanOut(\(parameters)) {
            \(build)
            \tvar wg sync.WaitGroup
            \tfor _, item := range items {
            \t\twg.Add(1)
            \t\tgo func() {
            \t\t\tdefer wg.Done()
            \t\t\t_ = item
            \t\t}()
            \t}
            \twg.Wait()
            }

            """
        return Linter.lint(path: "main.go", text: text, severities: RuleEngine.defaultSeverities).findings
            .filter { $0.ruleID == "goroutine-per-element" }.count
    }

    @Test(
        "a collection that starts at a known size and grows only in constant loops is not one goroutine per input item",
        arguments: [
            "\tvar items []int",
            "\tvar items map[int]int",
            "\tvar items []int\n\tfor i := 0; i < 2; i++ {\n\t\titems = append(items, i)\n\t}",
            "\titems := make([]int, 0, 3)\n\titems = append(items, 1, 2, 3)",
            "\titems := []int{}\n\tfor range 4 {\n\t\tfor j := 0; j < 3; j++ {\n\t\t\tif j > 1 {\n\t\t\t\titems = append(items, j)\n\t\t\t}\n\t\t}\n\t}",
            "\titems := map[int]int{}\n\tfor i := 0; len(items) < 50; i++ {\n\t\titems[i] = i\n\t}",
            "\titems := map[int]int{0: 0}\n\tqueue := []int{0}\n\tfor len(queue) > 0 && len(items) < 100 {\n\t\tfor k := 0; k < 4; k++ {\n\t\t\titems[len(items)] = k\n\t\t\tqueue = append(queue, k)\n\t\t}\n\t\tqueue = queue[1:]\n\t}",
            "\tvar items []int\n\tuse(items)",
        ])
    func boundedByConstruction(build: String) {
        #expect(threadPerItemCount(build: build) == 0)
    }

    @Test(
        "a collection grown from input, by a spread, out of sight or in a closure still gets one goroutine per item",
        arguments: [
            "\tvar items []int\n\tfor _, x := range input {\n\t\titems = append(items, x)\n\t}",
            "\titems := []int{}\n\titems = append(items, input...)",
            "\titems := map[int]int{}\n\tfor _, x := range input {\n\t\titems[x] = x\n\t}",
            "\titems := map[int]int{}\n\tfill(items)",
            "\tvar items []int\n\tp := &items\n\t*p = append(*p, input...)",
            "\tvar items []int\n\tadd := func(x int) { items = append(items, x) }\n\tfor i := 0; i < 2; i++ {\n\t\tadd(i)\n\t}",
            "\titems := []int{1}\n\titems = input",
            "\titems := map[int]int{}\n\tfor i := 0; len(input) < 50; i++ {\n\t\titems[i] = i\n\t}",
            "\titems := map[int]int{}\n\tfor len(items) < 50 {\n\t\tfor _, x := range input {\n\t\t\titems[x] = x\n\t\t}\n\t}",
            "\titems := []int{}\n\titems = append(items, 1)\n\tif len(input) > 1 {\n\t\titems = input\n\t}",
            "\tvar items []int\n\ti := 0\nagain:\n\tif i < len(input) {\n\t\titems = append(items, input[i])\n\t\ti++\n\t\tgoto again\n\t}",
        ])
    func grownFromInput(build: String) {
        #expect(threadPerItemCount(build: build, parameters: "input []int") == 1)
    }

    @Test("a range inside a loop that grows the collection later in its body is not a counted range")
    func rangeBeforeGrowthInLoop() {
        let text = """
            package main

            func use(a, b int) {}

            func run(input []int) {
            \tvar seen []int
            \tfor _, x := range input {
            \t\tfor _, s := range seen {
            \t\t\tgo use(s, x)
            \t\t}
            \t\tseen = append(seen, x)
            \t}
            }

            """
        let findings = Linter.lint(path: "main.go", text: text, severities: RuleEngine.defaultSeverities).findings
        #expect(findings.contains { $0.ruleID == "goroutine-per-element" && $0.range.start.line == 9 })
    }
}
