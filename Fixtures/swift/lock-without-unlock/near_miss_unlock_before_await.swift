// run: clean
import Foundation

/// The lock is released before every suspension and every early exit.
final class Uploader: @unchecked Sendable {
    private let lock = NSLock()
    private var pending: [String] = []

    func send(_ name: String) async {
        try? await Task.sleep(nanoseconds: 1_000)
    }

    func upload(_ name: String) async {
        lock.lock()
        guard !pending.contains(name) else {
            lock.unlock()
            return
        }
        pending.append(name)
        lock.unlock()
        await send(name)
    }
}

let uploader = Uploader()
await uploader.upload("report.pdf")

/// A helper that ends with `unlock()` takes the lock over: the caller's `await` after it holds
/// nothing.
final class Starter: @unchecked Sendable {
    private let lock = NSLock()
    private var started = false

    private func startLocked() {
        started = true
        lock.unlock()
    }

    func start() async {
        lock.lock()
        if started {
            lock.unlock()
            return
        }
        startLocked()
        try? await Task.sleep(nanoseconds: 1_000)
    }
}

await Starter().start()
