// run: leak
import Foundation

final class Download: @unchecked Sendable {
    private let lock = NSLock()
    private var waiting: [@Sendable () -> Void] = []

    func onFinish(_ callback: @escaping @Sendable () -> Void) {
        lock.withLock { waiting.append(callback) }
    }

    func finish() {
        let callbacks = lock.withLock { () -> [@Sendable () -> Void] in
            defer { waiting.removeAll() }
            return waiting
        }
        for callback in callbacks { callback() }
    }
}

/// One running download per URL; each method locks on its own.
final class DownloadRegistry: @unchecked Sendable {
    private let lock = NSLock()
    private var running: [String: Download] = [:]

    func download(for url: String) -> Download? {
        lock.withLock { running[url] }
    }

    func register(_ download: Download, for url: String) {
        lock.withLock { running[url] = download }
    }

    func remove(_ url: String) -> Download? {
        lock.withLock { running.removeValue(forKey: url) }
    }
}

final class Downloader: @unchecked Sendable {
    let registry = DownloadRegistry()

    /// Joins the running download for url, or starts one: two requests that both find none both
    /// start one, and the callbacks of the replaced download never run.
    func fetch(_ url: String, then callback: @escaping @Sendable () -> Void) {
        if let running = registry.download(for: url) {
            running.onFinish(callback)
        } else {
            let started = Download()
            Thread.sleep(forTimeInterval: 0.02) // opening the connection
            started.onFinish(callback)
            registry.register(started, for: url) // want "check-then-act"
        }
    }
}

final class Tally: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func add() { lock.withLock { count += 1 } }
    var total: Int { lock.withLock { count } }
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

let downloader = Downloader()
let finished = Tally()
onThreads(8) {
    downloader.fetch("https://example.com/a.png") { finished.add() }
}
downloader.registry.remove("https://example.com/a.png")?.finish()
if finished.total < 8 {
    print("LEAK: \(8 - finished.total) callback(s) never ran: their download was replaced")
} else {
    print("all 8 callbacks ran")
}
