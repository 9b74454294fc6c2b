import ConcRuntime
import Testing

@Suite("Channel async face")
struct AsyncChannelTests {
    @Test("await send applies back-pressure and for-await drains in order")
    func sendAndForAwait() async throws {
        let (tx, rx) = Channel<Int>.bounded(2)
        async let produced: Void = {
            for i in 0..<200 { try await tx.send(i) }
            tx.close()
        }()
        var received: [Int] = []
        for await value in rx { received.append(value) }
        try await produced
        #expect(received == Array(0..<200))
    }

    @Test("an async receiver and a blocking sender meet through a rendezvous channel")
    func asyncMeetsThreads() async throws {
        let (tx, rx) = Channel<Int>.rendezvous()
        let thread = Task.detached {
            try withThreadScope { scope in
                scope.spawn {
                    for i in 1...100 { try tx.send(i) }
                    tx.close()
                }
            }
        }
        var sum = 0
        for await value in rx { sum += value }
        _ = try await thread.value
        #expect(sum == 5_050)
    }

    @Test("a cancelled async receive throws cancelled")
    func cancelledReceive() async {
        let (tx, rx) = Channel<Int>.bounded(1)
        let task = Task { try await rx.receive() }
        try? await Task.sleep(for: .milliseconds(10))
        task.cancel()
        await #expect(throws: ChannelError.cancelled) { try await task.value }
        withExtendedLifetime(tx) {}
    }

    @Test("a cancelled async send throws cancelled and sends nothing")
    func cancelledSend() async throws {
        let (tx, rx) = Channel<Int>.bounded(1)
        try await tx.send(1)
        let task = Task { try await tx.send(2) }
        try? await Task.sleep(for: .milliseconds(10))
        task.cancel()
        await #expect(throws: ChannelError.cancelled) { try await task.value }
        #expect(try rx.tryReceive() == 1)
        #expect(throws: ChannelError.empty) { try rx.tryReceive() }
    }

    @Test("closing wakes awaiting receivers")
    func closeWakesAwaiters() async {
        let (tx, rx) = Channel<Int>.bounded(1)
        async let first = try? rx.receive()
        async let second = try? rx.receive()
        try? await Task.sleep(for: .milliseconds(10))
        tx.close()
        let results = await [first, second]
        #expect(results == [nil, nil])
    }
}
