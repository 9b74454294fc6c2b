import ConcRules
import Testing

@testable import ConcLintKit

/// Dispatch barriers: a `.barrier` work item on a private concurrent queue runs alone on it, so
/// its writes are serial there; on a global queue Dispatch ignores the flag.
@Suite("Dispatch barriers")
struct DispatchBarrierTests {
    /// A reader–writer cache whose write is `writeCall { self.storage[key] = value }` on `queue`.
    private func cache(queue: String = "DispatchQueue(label: \"cache\", attributes: .concurrent)", writeCall: String) -> String {
        """
        import Foundation

        final class Cache: @unchecked Sendable {
            private let queue = \(queue)
            private var storage: [String: Int] = [:]

            func set(_ value: Int, for key: String) {
                \(writeCall) { self.storage[key] = value }
            }

            func value(for key: String) -> Int? {
                queue.sync { storage[key] }
            }
        }

        """
    }

    private func ruleIDs(_ text: String) -> [String] {
        Linter.lint(path: "main.swift", text: text, severities: RuleEngine.defaultSeverities).findings.map(\.ruleID)
    }

    @Test(
        "a barrier async or asyncAfter on a private concurrent queue does not race the queue's readers",
        arguments: [
            "queue.async(flags: .barrier)",
            "queue.async(flags: [.barrier])",
            "queue.async(group: nil, flags: [.enforceQoS, .barrier])",
            "queue.async(flags: DispatchWorkItemFlags.barrier)",
            "queue.asyncAfter(deadline: .now() + 1, flags: .barrier)",
            "queue.asyncAfter(deadline: .now() + 1, flags: [.barrier])",
        ])
    func barrierWriteIsSerialOnItsQueue(writeCall: String) {
        #expect(!ruleIDs(cache(writeCall: writeCall)).contains("shared-mutable-capture"), "\(writeCall)")
    }

    @Test("a barrier async on an inline private concurrent queue is serial there")
    func barrierOnInlineConcurrentQueue() {
        let text = cache(writeCall: "DispatchQueue(label: \"w\", attributes: .concurrent).async(flags: .barrier)")
        #expect(!ruleIDs(text).contains("shared-mutable-capture"))
    }

    @Test(
        "a write on a concurrent queue without a barrier flag, or with one on a global queue, is still flagged",
        arguments: [
            (queue: "DispatchQueue(label: \"cache\", attributes: .concurrent)", writeCall: "queue.async"),
            (queue: "DispatchQueue(label: \"cache\", attributes: .concurrent)", writeCall: "queue.async(flags: .enforceQoS)"),
            (queue: "DispatchQueue(label: \"cache\", attributes: .concurrent)", writeCall: "queue.asyncAfter(deadline: .now() + 1)"),
            (queue: "DispatchQueue.global()", writeCall: "queue.async(flags: .barrier)"),
            (queue: "DispatchQueue.global(qos: .utility)", writeCall: "queue.async(flags: [.barrier])"),
            (queue: "DispatchQueue(label: \"unused\")", writeCall: "DispatchQueue.global().async(flags: .barrier)"),
        ])
    func nonBarrierOrGlobalBarrierIsFlagged(queue: String, writeCall: String) {
        #expect(ruleIDs(cache(queue: queue, writeCall: writeCall)).contains("shared-mutable-capture"), "\(queue) \(writeCall)")
    }
}
