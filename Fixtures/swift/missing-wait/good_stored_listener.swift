// run: clean
import Foundation

final class Watcher: @unchecked Sendable {
    private var listener: Task<Void, Never>?
    private let updates: AsyncStream<Int>

    init(updates: AsyncStream<Int>) { self.updates = updates }

    func start() {
        listener?.cancel()
        listener = Task { [weak self, updates] in
            for await value in updates {
                guard self != nil else { return }
                print("update", value)
            }
        }
    }

    deinit { listener?.cancel() }
}

let (updates, _) = AsyncStream<Int>.makeStream(bufferingPolicy: .bufferingNewest(1))
Watcher(updates: updates).start()
print("owner gone")
