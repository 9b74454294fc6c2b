// run: clean
import Foundation

// A stream of Void is a signal: each yield says "it happened", there is nothing to pile up.
final class Shutdown: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: AsyncStream<Void>.Continuation?
    let requested: AsyncStream<Void>

    init() {
        var captured: AsyncStream<Void>.Continuation?
        requested = AsyncStream<Void> { captured = $0 }
        continuation = captured
    }

    func request() { lock.withLock { continuation?.yield() } }
}

let shutdown = Shutdown()
shutdown.request()
for await _ in shutdown.requested.prefix(1) { print("shutting down") }
