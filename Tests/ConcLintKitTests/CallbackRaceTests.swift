import ConcRules
import Testing

@testable import ConcLintKit

/// `callback-race` on SwiftNIO-style callbacks, which the fixtures cannot run (they build without
/// NIO): which calls count as running their closure on another thread.
@Suite("Callback race")
struct CallbackRaceTests {
    /// A function that hands `call { … }` a closure reading `handle`, then assigns `handle`.
    private func program(_ call: String, parameter: String = "context: ChannelHandlerContext") -> String {
        """
        import NIOCore

        func arm(\(parameter)) {
            var handle: Scheduled<Void>?
            handle = nil
            \(call) {
                handle?.cancel()
            }
            handle = makeHandle()
        }

        """
    }

    private func findings(_ text: String) -> [Finding] {
        var severities = RuleEngine.defaultSeverities
        severities["callback-race"] = .error
        return Linter.lint(path: "main.swift", text: text, severities: severities).findings.filter { $0.ruleID == "callback-race" }
    }

    @Test(
        "a closure handed to an event loop or future callback reads a local its creator assigns afterwards",
        arguments: [
            "context.eventLoop.execute", "context.eventLoop.scheduleTask(in: .seconds(1))",
            "context.eventLoop.scheduleRepeatedTask(initialDelay: .zero, delay: .seconds(1))",
            "context.eventLoop.flatSubmit", "future.whenComplete", "future.whenSuccess", "future.whenFailure",
        ])
    func eventLoopCallbackIsReported(call: String) {
        let found = findings(program(call, parameter: "context: ChannelHandlerContext, future: EventLoopFuture<Void>"))
        #expect(found.map(\.range.start.line) == [7], "\(call)")
    }

    @Test("an event loop typed parameter's execute is a callback")
    func typedEventLoopExecute() {
        #expect(findings(program("loop.execute", parameter: "loop: EventLoop")).count == 1)
    }

    @Test(
        "execute or submit on a receiver not known to be an event loop is not judged",
        arguments: ["queue.execute", "executor.submit", "runner.run"])
    func unknownReceiverIsSilent(call: String) {
        #expect(findings(program(call, parameter: "queue: Q, executor: E, runner: R")).isEmpty, "\(call)")
    }

    @Test("a local the creator sets only before handing the callback over is not reported")
    func writeBeforeHandOverIsSilent() {
        let text = """
            import NIOCore

            func arm(context: ChannelHandlerContext) {
                var label = "a"
                label += "b"
                context.eventLoop.execute {
                    print(label)
                }
            }

            """
        #expect(findings(text).isEmpty)
    }
}
