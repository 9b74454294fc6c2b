// run: skip
import Foundation

final class Uploader: @unchecked Sendable {
    private let lock = NSLock()
    private var uploaded: [String] = []

    func send(_ name: String) async {
        try? await Task.sleep(nanoseconds: 1_000)
    }

    func upload(_ name: String) async {
        lock.lock() // want "lock-without-unlock"
        await send(name)
        uploaded.append(name)
        lock.unlock()
    }

    /// A sleep that is awaited suspends too: the lock is held across it.
    func pause(_ name: String) async {
        lock.lock() // want "lock-without-unlock"
        uploaded.append(name)
        try? await Task.sleep(nanoseconds: 1_000)
        lock.unlock()
    }
}

let uploader = Uploader()
await uploader.upload("report.pdf")
