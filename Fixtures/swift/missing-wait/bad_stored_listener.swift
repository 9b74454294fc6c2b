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
var watcher: Watcher? = Watcher(updates: updates)
watcher?.start()
weak var released = watcher
watcher = nil
print("owner gone")
if released != nil {
    print("LEAK: the watcher outlives its owner: its listener task still holds it")
}
