import ConcRuntime
import Testing

@Suite("Cancellation")
struct CancellationTests {
    @Test("cancel is seen by every token holder, and wakes blocked waiters")
    func cancelWakesAll() throws {
        let source = CancellationSource()
        let token = source.token
        #expect(!token.isCancelled)
        try withThreadScope { scope in
            for _ in 0..<4 { scope.spawn { token.wait() } }
            sleepBriefly()
            source.cancel()
        }
        #expect(token.isCancelled)
        #expect(source.isCancelled)
        #expect(throws: CancellationError.self) { try token.throwIfCancelled() }
    }

    @Test("releasing the source cancels its tokens")
    func releaseCancels() {
        var source: CancellationSource? = CancellationSource()
        let token = source?.token
        #expect(token?.isCancelled == false)
        source = nil
        #expect(token?.isCancelled == true)
        withExtendedLifetime(source) {}
    }

    @Test("wait with a timeout reports whether the token was cancelled")
    func waitTimeout() {
        let source = CancellationSource()
        #expect(!source.token.wait(timeout: .milliseconds(10)))
        source.cancel()
        #expect(source.token.wait(timeout: .milliseconds(10)))
    }

    @Test("a token is a select arm that stops a ticking worker")
    func tokenAsSelectArm() throws {
        let source = CancellationSource()
        let token = source.token
        let (firstTick, firstTickReceiver) = Channel<Void>.bounded(1)
        let ticks = try withThreadScope { scope in
            let worker = scope.spawn { () -> Int in
                let ticker = tick(every: .milliseconds(1))
                var count = 0
                while select(.cancelled(token) { false }, .receive(ticker) { _ in true }) {
                    count += 1
                    try? firstTick.trySend(())
                }
                return count
            }
            try firstTickReceiver.receive(timeout: .seconds(30))
            source.cancel()
            return try worker.join()
        }
        #expect(ticks > 0)
    }

    @Test("an awaiting task sees cancellation")
    func asyncWait() async {
        let source = CancellationSource()
        let token = source.token
        async let waited: Void = token.wait()
        try? await Task.sleep(for: .milliseconds(5))
        source.cancel()
        await waited
        #expect(token.isCancelled)
    }
}
