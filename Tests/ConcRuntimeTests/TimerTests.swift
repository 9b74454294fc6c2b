import ConcRuntime
import Testing

@Suite("Timers")
struct TimerTests {
    // No test here measures elapsed time: a loaded machine stretches any interval. What a timer
    // delivers, and when it has nothing to deliver, is checked instead.

    @Test("after delivers nothing before its deadline, then once, the instant it fired, not before the deadline")
    func afterDeliversOnce() throws {
        let deadline = ContinuousClock.now.advanced(by: .milliseconds(15))
        let timer = after(.milliseconds(15))
        #expect(throws: ChannelError.empty) { try timer.tryReceive() }
        let fired = try timer.receive()
        #expect(fired >= deadline)
        #expect(throws: ChannelError.timeout) { try timer.receive(timeout: .milliseconds(10)) }
    }

    @Test("tick delivers again and again, each tick a later instant than the one before")
    func tickPeriodic() throws {
        let ticker = tick(every: .milliseconds(5))
        let ticks = try (0..<3).map { _ in try ticker.receive() }
        #expect(ticks.count == 3)
        #expect(zip(ticks, ticks.dropFirst()).allSatisfy { $0 < $1 })
    }

    @Test("tick drops the ticks nobody received instead of queueing them")
    func tickDropsMissedTicks() throws {
        let ticker = tick(every: .milliseconds(40))
        sleepThread(for: .milliseconds(200))  // about five periods pass unreceived
        _ = try ticker.tryReceive()
        #expect(throws: ChannelError.empty) { try ticker.tryReceive() }
    }

    @Test("a timer can be awaited and delivers an instant not before its deadline")
    func asyncTimer() async throws {
        let deadline = ContinuousClock.now.advanced(by: .milliseconds(10))
        let fired = try await after(.milliseconds(10)).receive()
        #expect(fired >= deadline)
    }
}

/// Blocks the calling thread for `duration`.
func sleepThread(for duration: Duration) {
    _ = try? after(duration).receive()
}
