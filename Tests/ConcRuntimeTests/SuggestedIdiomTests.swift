import ConcRuntime
import Synchronization
import Testing

/// The exact spellings conclint's suggestions name. If one of these stops compiling, a suggestion
/// points at an API that no longer exists.
@Suite("Idioms named by conclint suggestions")
struct SuggestedIdiomTests {
    @Test("withThreadScope { scope in scope.spawn { … } } compiles as a one-liner and joins")
    func scopeOneLiner() throws {
        let done = Atomic<Bool>(false)
        try withThreadScope { scope in scope.spawn { done.store(true, ordering: .relaxed) } }
        let finished = done.load(ordering: .relaxed)
        #expect(finished)
    }

    @Test("a bounded channel replaces an unbounded producer/consumer queue")
    func boundedChannelPipeline() throws {
        let (sender, receiver) = Channel<Int>.bounded(100)
        let sum = try withThreadScope { scope in
            scope.spawn {
                for i in 1...1_000 { try sender.send(i) }
                sender.close()
            }
            var sum = 0
            for value in receiver { sum += value }
            return sum
        }
        #expect(sum == 500_500)
    }

    @Test("the async face: await sender.send and for await value in receiver")
    func asyncFace() async throws {
        let (sender, receiver) = Channel<String>.bounded(10)
        let producer = Task {
            for word in ["x", "y", "z"] { try await sender.send(word) }
            sender.close()
        }
        var words: [String] = []
        for await value in receiver { words.append(value) }
        try await producer.value
        #expect(words == ["x", "y", "z"])
    }

    @Test("select with tick(every:), after(_:) and a cancellation token")
    func selectWithTimersAndCancellation() {
        let source = CancellationSource()
        let ticker = tick(every: .milliseconds(1))
        let deadline = after(.seconds(30))  // a safety net; the cancellation ends the loop
        var ticks = 0
        loop: while true {
            let event = select(
                .receive(ticker) { _ in "tick" },
                .receive(deadline) { _ in "deadline" },
                .cancelled(source.token) { "cancelled" })
            switch event {
            case "tick":
                ticks += 1
                if ticks == 3 { source.cancel() }
            default:
                #expect(event == "cancelled")
                break loop
            }
        }
        #expect(ticks >= 3)
    }

    @Test("Semaphore(permits:).withPermit and ThreadPool.shared with parallelMap")
    func semaphoreAndPool() {
        let semaphore = Semaphore(permits: 2)
        let squares = (0..<100).parallelMap(on: ThreadPool.shared) { i in semaphore.withPermit { i * i } }
        #expect(squares == (0..<100).map { $0 * $0 })
    }

    @Test("a bounded channel larger than the ring limit grows on demand")
    func largeBoundedChannel() throws {
        let (sender, receiver) = Channel<Int>.bounded(1_000_000)
        #expect(sender.capacity == 1_000_000)
        for i in 0..<70_000 { try sender.trySend(i) }
        #expect(receiver.count == 70_000)
        sender.close()
        #expect(receiver.reduce(0, +) == (0..<70_000).reduce(0, +))
    }

    @Test("a ring channel reports its count across wrap-around")
    func ringCountAcrossWrap() throws {
        let (sender, receiver) = Channel<Int>.bounded(3)
        for round in 0..<10 {
            try sender.send(round)
            try sender.send(round)
            #expect(receiver.count == 2)
            _ = try receiver.receive()
            #expect(receiver.count == 1)
            _ = try receiver.receive()
            #expect(receiver.count == 0)
        }
        for i in 0..<3 { try sender.send(i) }
        #expect(receiver.count == 3)
    }
}
