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
}

let uploader = Uploader()
await uploader.upload("report.pdf")
