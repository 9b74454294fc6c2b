// run: leak
import Foundation

final class Subscription: @unchecked Sendable {
    let topic: String
    init(topic: String) { self.topic = topic }
}

/// Subscriptions by topic; each method locks on its own.
final class Subscriptions: @unchecked Sendable {
    private let lock = NSLock()
    private var byTopic: [String: Subscription] = [:]
    private var opened = 0

    func isSubscribed(_ topic: String) -> Bool {
        lock.withLock { byTopic[topic] != nil }
    }

    func insert(_ subscription: Subscription) {
        lock.withLock {
            byTopic[subscription.topic] = subscription
            opened += 1
        }
    }

    var openedCount: Int { lock.withLock { opened } }
}

/// Subscribes once per topic: the guard lets every caller through that checks before the first
/// insert, and each opens a subscription of its own.
func subscribe(_ subscriptions: Subscriptions, to topic: String) {
    guard !subscriptions.isSubscribed(topic) else { return }
    let subscription = Subscription(topic: topic)
    Thread.sleep(forTimeInterval: 0.02) // the server round trip
    subscriptions.insert(subscription) // want "check-then-act"
}

/// Runs `body` on `count` threads at once, whatever the number of cores, and waits for them.
func onThreads(_ count: Int, _ body: @escaping @Sendable () -> Void) {
    let group = DispatchGroup()
    for _ in 0..<count {
        group.enter()
        Thread {
            body()
            group.leave()
        }.start()
    }
    group.wait()
}

let subscriptions = Subscriptions()
onThreads(8) {
    subscribe(subscriptions, to: "prices")
}
if subscriptions.openedCount > 1 {
    print("LEAK: \(subscriptions.openedCount - 1) subscription(s) opened and dropped from the table")
} else {
    print("one subscription")
}
