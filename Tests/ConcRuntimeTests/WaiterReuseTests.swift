@testable import ConcRuntime
import Testing

/// The per-thread waiter that blocking channel operations reuse, and the spin-then-sleep hand-off:
/// values arrive exactly once and in order however often one thread parks, times out or is woken
/// by a close, and a wake-up meant for an earlier operation never completes a later one.
@Suite("Waiter reuse")
struct WaiterReuseTests {
    @Test("a thread gets its recycled waiter back, reset; another thread gets its own")
    func cacheIsPerThread() throws {
        let first = ThreadWaiterCache.take()
        #expect(first.trySelect(Waiter.firstOperation))
        ThreadWaiterCache.recycle(first)
        let again = ThreadWaiterCache.take()
        #expect(again === first)
        #expect(again.selection == Waiter.waiting)
        let nested = ThreadWaiterCache.take()  // the slot is empty while `again` is in use
        #expect(nested !== again)
        ThreadWaiterCache.recycle(again)
        ThreadWaiterCache.recycle(nested)  // slot taken: dropped, not kept
        #expect(ThreadWaiterCache.take() === again)
        let other = try withThreadScope { scope in
            try scope.spawn { ObjectIdentifier(ThreadWaiterCache.take()) }.join()
        }
        #expect(other != ObjectIdentifier(again))
    }

    @Test("one thread parks thousands of times and loses nothing", arguments: [0, 1, 3])
    func manyParksOnOneThread(capacity: Int) throws {
        let (tx, rx) = Channel<Int>.bounded(capacity)
        let total = 3_000
        let received = try withThreadScope { scope in
            scope.spawn {
                for i in 0..<total {
                    // Pauses longer than the spin phase make the receiver really sleep now and then.
                    if i % 97 == 0 { sleepThread(until: ContinuousClock.now.advanced(by: .microseconds(300))) }
                    try tx.send(i)
                }
                tx.close()
            }
            return Array(rx)
        }
        #expect(received == Array(0..<total))
    }

    @Test("ping-pong over a pair of rendezvous channels keeps every round trip in order")
    func pingPong() throws {
        let (pingTx, pingRx) = Channel<Int>.rendezvous()
        let (pongTx, pongRx) = Channel<Int>.rendezvous()
        let rounds = 20_000
        try withThreadScope { scope in
            scope.spawn {
                for value in pingRx { try pongTx.send(value &* 3 &+ 1) }
                pongTx.close()
            }
            for i in 0..<rounds {
                try pingTx.send(i)
                let answer = try pongRx.receive()
                if answer != i &* 3 &+ 1 {
                    Issue.record("round \(i): got \(answer)")
                    break
                }
            }
            pingTx.close()
            #expect(throws: ChannelError.disconnected) { try pongRx.receive() }
        }
    }

    @Test("a thread woken by close while asleep then completes a hand-off on another channel", arguments: [0, 1])
    func closeWhileParkedThenReuse(capacity: Int) throws {
        for round in 0..<20 {
            let (closingTx, closingRx) = Channel<Int>.bounded(capacity)
            let (nextTx, nextRx) = Channel<Int>.bounded(capacity)
            try withThreadScope { scope in
                let receiver = scope.spawn { () -> (ChannelError?, Int?) in
                    let closed = failure { () throws(ChannelError) in _ = try closingRx.receive() }
                    return (closed, try? nextRx.receive())
                }
                // Alternate between closing while the receiver spins and while it sleeps.
                if round % 2 == 0 { sleepBriefly() }
                closingTx.close()
                sleepBriefly()
                try nextTx.send(round)
                let (closed, value) = try receiver.join()
                #expect(closed == .disconnected)
                #expect(value == round)
            }
        }
    }

    @Test("timeouts and closes racing each other never leak into the next operation", arguments: [0, 2])
    func timeoutsRacingCloses(capacity: Int) throws {
        for round in 0..<200 {
            let (closingTx, closingRx) = Channel<Int>.bounded(capacity)
            let (nextTx, nextRx) = Channel<Int>.rendezvous()
            try withThreadScope { scope in
                scope.spawn {
                    // Close at about the moment the receiver's timeout expires.
                    sleepThread(until: ContinuousClock.now.advanced(by: .microseconds(round % 40 * 25)))
                    closingTx.close()
                    try nextTx.send(round)
                }
                let outcome = failure { () throws(ChannelError) in
                    _ = try closingRx.receive(timeout: .microseconds(500))
                }
                #expect(outcome == .timeout || outcome == .disconnected)
                let value = try nextRx.receive()
                #expect(value == round)
            }
        }
    }
}
