// run: skip
// The listener task is stored in a property other files can reach: the owner's `shutdown()`, in
// an extension in another file, cancels it. This file alone does not show that nobody ends it.
final class Watcher: @unchecked Sendable {
    var listener: Task<Void, Never>?
    let updates: AsyncStream<Int>

    init(updates: AsyncStream<Int>) { self.updates = updates }

    func start() {
        listener = Task {
            for await update in updates {
                print("update", update)
            }
        }
    }
}
