import ConcRuntime
import Testing

@Suite("Timers")
struct TimerTests {
    @Test("after delivers once, after the delay")
    func afterDeliversOnce() throws {
        let start = ContinuousClock.now
        let timer = after(.milliseconds(15))
        #expect(throws: ChannelError.empty) { try timer.tryReceive() }
        let fired = try timer.receive()
        #expect(fired - start >= .milliseconds(15))
        #expect(ContinuousClock.now - start >= .milliseconds(15))
        #expect(throws: ChannelError.timeout) { try timer.receive(timeout: .milliseconds(10)) }
    }

    @Test("tick delivers periodically")
    func tickPeriodic() throws {
        let start = ContinuousClock.now
        let ticker = tick(every: .milliseconds(5))
        for _ in 0..<3 { _ = try ticker.receive() }
        #expect(ContinuousClock.now - start >= .milliseconds(15))
    }

    @Test("tick drops the ticks nobody received instead of queueing them")
    func tickDropsMissedTicks() throws {
        let ticker = tick(every: .milliseconds(40))
        sleepThread(for: .milliseconds(200))  // about five periods pass unreceived
        _ = try ticker.tryReceive()
        #expect(throws: ChannelError.empty) { try ticker.tryReceive() }
    }

    @Test("a timer can be awaited")
    func asyncTimer() async throws {
        let start = ContinuousClock.now
        _ = try await after(.milliseconds(10)).receive()
        #expect(ContinuousClock.now - start >= .milliseconds(10))
    }
}

/// Blocks the calling thread for `duration`.
func sleepThread(for duration: Duration) {
    _ = try? after(duration).receive()
}
