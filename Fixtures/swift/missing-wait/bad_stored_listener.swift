// run: leak
import Foundation

final class Watcher: @unchecked Sendable {
    private var listener: Task<Void, Never>?
    private let updates: AsyncStream<Int>

    init(updates: AsyncStream<Int>) { self.updates = updates }

    func start() {
        listener = Task { // want "missing-wait"
            for await value in self.updates { print("update", value) }
        }
    }
}

let (updates, _) = AsyncStream<Int>.makeStream(bufferingPolicy: .bufferingNewest(1))
Watcher(updates: updates).start()
print("owner gone")
