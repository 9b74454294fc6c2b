import ConcRules
import Testing

@testable import ConcLintKit

/// Which yields belong to a stream whose continuation is stored or handed on.
@Suite("Swift stored continuations")
struct SwiftStoredContinuationTests {
    private func unboundedLines(_ text: String) -> [Int] {
        Linter.lint(path: "main.swift", text: text, severities: RuleEngine.defaultSeverities).findings
            .filter { $0.ruleID == "unbounded-channel" }.map(\.range.start.line)
    }

    @Test("a stored continuation yielded to by another method is reported; one only finished, or a Void signal, is not")
    func storedContinuations() {
        let text = """
            final class Bus: @unchecked Sendable {
                private var continuation: AsyncStream<Int>.Continuation?
                lazy var events: AsyncStream<Int> = AsyncStream { self.continuation = $0 }
                func publish(_ value: Int) { continuation?.yield(value) }
            }
            final class Closer: @unchecked Sendable {
                private var continuation: AsyncStream<Int>.Continuation?
                lazy var events: AsyncStream<Int> = AsyncStream { self.continuation = $0 }
                func close() { continuation?.finish() }
            }
            final class Ticker: @unchecked Sendable {
                private var continuation: AsyncStream<Void>.Continuation?
                lazy var ticks: AsyncStream<Void> = AsyncStream { self.continuation = $0 }
                func fire() { continuation?.yield() }
            }
            func emit(_ values: [Int], to sink: AsyncStream<Int>.Continuation) { for value in values { sink.yield(value) } }

            """
        #expect(unboundedLines(text) == [3])
    }

    @Test("a continuation handed to a call may be yielded to anywhere in the file")
    func handedOn() {
        let text = """
            func emit(_ values: [Int], to sink: AsyncStream<Int>.Continuation) { for value in values { sink.yield(value) } }
            final class Handed: @unchecked Sendable {
                var stream: AsyncStream<Int>!
                init(register: (AsyncStream<Int>.Continuation) -> Void) {
                    stream = AsyncStream { continuation in register(continuation) }
                }
            }

            """
        #expect(unboundedLines(text) == [5])
    }
}
