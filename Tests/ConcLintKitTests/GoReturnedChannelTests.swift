import ConcRules
import Testing

@testable import ConcLintKit

/// A range over the channel a generator in the same file returns ends only if that generator
/// (or something it hands the channel to) closes it.
@Suite("Go ranges over returned channels")
struct GoReturnedChannelTests {
    private func rangeFindings(generator: String, consumer: String) -> [Finding] {
        let text = """
            package main

            func helper(ch chan int) { close(ch) }

            func produce(n int) chan int {
            \tch := make(chan int)
            \(generator)
            \treturn ch
            }

            func main() {
            \(consumer)
            }

            """
        return Linter.lint(path: "main.go", text: text, severities: RuleEngine.defaultSeverities).findings
            .filter { $0.ruleID == "range-without-close" }
    }

    private let feeds = "\tgo func() {\n\t\tfor i := 0; i < n; i++ {\n\t\t\tch <- i\n\t\t}\n\t}()"

    @Test("ranging over the call, or over a local bound to it, never ends when nothing closes the channel")
    func unclosed() {
        #expect(rangeFindings(generator: feeds, consumer: "\tfor v := range produce(3) {\n\t\t_ = v\n\t}").count == 1)
        #expect(rangeFindings(generator: feeds, consumer: "\tch := produce(3)\n\tfor v := range ch {\n\t\t_ = v\n\t}").count == 1)
    }

    @Test(
        "a close in the generator's goroutine, a hand-off to a function, a break, or the consumer's own close ends it",
        arguments: [
            ("\tgo func() {\n\t\tdefer close(ch)\n\t\tch <- 1\n\t}()", "\tfor v := range produce(3) {\n\t\t_ = v\n\t}"),
            ("\tgo helper(ch)", "\tfor v := range produce(3) {\n\t\t_ = v\n\t}"),
            ("\tgo func() {\n\t\tch <- 1\n\t}()", "\tfor v := range produce(3) {\n\t\tif v > 0 {\n\t\t\tbreak\n\t\t}\n\t}"),
            ("\tgo func() {\n\t\tch <- 1\n\t}()", "\tch := produce(3)\n\tgo func() {\n\t\t<-ch\n\t\tclose(ch)\n\t}()\n\tfor v := range ch {\n\t\t_ = v\n\t}"),
        ])
    func closedSomewhere(generator: String, consumer: String) {
        #expect(rangeFindings(generator: generator, consumer: consumer).isEmpty)
    }
}
