import ConcRuntime
import Testing

@Suite("Channel semantics")
struct ChannelTests {
    @Test("a bounded channel delivers messages in order")
    func boundedFIFO() throws {
        let (tx, rx) = Channel<Int>.bounded(4)
        for i in 0..<4 { try tx.send(i) }
        #expect(rx.count == 4)
        for i in 0..<4 { #expect(try rx.receive() == i) }
    }

    @Test("trySend on a full channel throws full; tryReceive on an empty one throws empty")
    func tryOperations() throws {
        let (tx, rx) = Channel<Int>.bounded(1)
        #expect(throws: ChannelError.empty) { try rx.tryReceive() }
        try tx.trySend(1)
        #expect(throws: ChannelError.full) { try tx.trySend(2) }
        #expect(try rx.tryReceive() == 1)
    }

    @Test("capacity one alternates send and receive across threads")
    func capacityOne() throws {
        let (tx, rx) = Channel<Int>.bounded(1)
        let total = try withThreadScope { scope in
            scope.spawn { for i in 1...1000 { try tx.send(i) }; tx.close() }
            return rx.reduce(0, +)
        }
        #expect(total == 500_500)
    }

    @Test("bounded(0) is a rendezvous channel")
    func boundedZeroIsRendezvous() throws {
        let (tx, rx) = Channel<Int>.bounded(0)
        #expect(tx.capacity == 0)
        #expect(throws: ChannelError.full) { try tx.trySend(1) }
        let got = try withThreadScope { scope in
            scope.spawn { try tx.send(7) }
            return try rx.receive()
        }
        #expect(got == 7)
    }

    @Test("a rendezvous send waits until a receiver takes the message")
    func rendezvousSendBlocks() throws {
        let (tx, rx) = Channel<Int>.rendezvous()
        let (doneTx, doneRx) = Channel<Bool>.unbounded()
        try withThreadScope { scope in
            scope.spawn {
                try tx.send(1)
                try doneTx.send(true)
            }
            #expect(throws: ChannelError.timeout) { try doneRx.receive(timeout: .milliseconds(30)) }
            let received = try rx.receive()
            let done = try doneRx.receive(timeout: .seconds(10))
            #expect(received == 1 && done)
        }
    }

    @Test("a rendezvous tryReceive takes from a blocked sender")
    func rendezvousTryReceiveFromBlockedSender() throws {
        let (tx, rx) = Channel<Int>.rendezvous()
        try withThreadScope { scope in
            scope.spawn { try tx.send(42) }
            var got: Int?
            while got == nil { got = try? rx.tryReceive() }
            #expect(got == 42)
        }
    }

    @Test("an unbounded channel never blocks the sender")
    func unboundedNeverBlocks() throws {
        let (tx, rx) = Channel<Int>.unbounded()
        for i in 0..<10_000 { try tx.trySend(i) }
        #expect(rx.count == 10_000)
        tx.close()
        #expect(Array(rx) == Array(0..<10_000))
    }

    @Test("receive times out with timeout, not disconnected")
    func receiveTimeout() {
        let (tx, rx) = Channel<Int>.bounded(1)
        #expect(throws: ChannelError.timeout) { try rx.receive(timeout: .milliseconds(20)) }
        withExtendedLifetime(tx) {}
    }

    @Test("send on a full channel times out")
    func sendTimeout() throws {
        let (tx, rx) = Channel<Int>.bounded(1)
        try tx.send(1)
        #expect(throws: ChannelError.timeout) { try tx.send(2, timeout: .milliseconds(20)) }
        #expect(rx.count == 1)
    }

    @Test("a deadline in the past makes a single non-blocking attempt")
    func deadlineInThePast() throws {
        let (tx, rx) = Channel<Int>.bounded(1)
        let past = ContinuousClock.now.advanced(by: .seconds(-1))
        #expect(throws: ChannelError.timeout) { try rx.receive(deadline: past) }
        try tx.send(1, deadline: past)
        #expect(throws: ChannelError.timeout) { try tx.send(2, deadline: past) }
        #expect(try rx.receive(deadline: past) == 1)
    }

    @Test("close lets receivers drain the buffer, then reports disconnected")
    func closeDrainsThenDisconnects() throws {
        let (tx, rx) = Channel<Int>.bounded(3)
        try tx.send(1)
        try tx.send(2)
        tx.close()
        #expect(tx.isClosed)
        #expect(throws: ChannelError.disconnected) { try tx.send(3) }
        #expect(try rx.receive() == 1)
        #expect(try rx.receive() == 2)
        #expect(throws: ChannelError.disconnected) { try rx.receive() }
        #expect(throws: ChannelError.disconnected) { try rx.tryReceive() }
        #expect(throws: ChannelError.disconnected) { try rx.receive(timeout: .seconds(5)) }
    }

    @Test("close wakes every blocked receiver", arguments: [0, 1, 8])
    func closeWakesBlockedReceivers(capacity: Int) throws {
        let (tx, rx) = Channel<Int>.bounded(capacity)
        let (readyTx, readyRx) = Channel<Void>.unbounded()
        try withThreadScope { scope in
            let handles = (0..<4).map { _ in
                scope.spawn { () -> ChannelError? in
                    try readyTx.send(())
                    return failure { () throws(ChannelError) in _ = try rx.receive() }
                }
            }
            for _ in 0..<4 { try readyRx.receive() }
            sleepBriefly()
            tx.close()
            for handle in handles { #expect(try handle.join() == .disconnected) }
        }
    }

    @Test("close wakes every blocked sender with disconnected", arguments: [0, 1, 2])
    func closeWakesBlockedSenders(capacity: Int) throws {
        let (tx, rx) = Channel<Int>.bounded(capacity)
        for i in 0..<capacity { try tx.send(i) }
        try withThreadScope { scope in
            let handles = (0..<4).map { i in
                scope.spawn { () -> ChannelError? in
                    return failure { () throws(ChannelError) in try tx.send(100 + i) }
                }
            }
            sleepBriefly()
            tx.close()
            for handle in handles {
                let error = try handle.join()
                #expect(error == .disconnected)
            }
        }
        #expect(Array(rx) == Array(0..<capacity))
    }

    @Test("releasing the last sender wakes blocked receivers", arguments: [0, 4])
    func lastSenderReleaseWakesReceivers(capacity: Int) throws {
        var tx: Sender<Int>?
        var receiverSlot: Receiver<Int>?
        (tx, receiverSlot) = Channel<Int>.bounded(capacity)
        guard let rx = receiverSlot else { return }
        try withThreadScope { scope in
            let waiting = scope.spawn { () -> Int in
                var count = 0
                for _ in rx { count += 1 }
                return count
            }
            try tx?.send(1)
            sleepBriefly()
            #expect(!waiting.isFinished)
            tx = nil
            #expect(try waiting.join() == 1)
        }
        withExtendedLifetime(tx) {}
    }

    @Test("releasing the last receiver makes sends fail and wakes blocked senders")
    func lastReceiverReleaseFailsSenders() throws {
        var senderSlot: Sender<Int>?
        var rx: Receiver<Int>?
        (senderSlot, rx) = Channel<Int>.bounded(1)
        guard let tx = senderSlot else { return }
        try tx.send(1)
        try withThreadScope { scope in
            let blocked = scope.spawn { () -> ChannelError? in
                return failure { () throws(ChannelError) in try tx.send(2) }
            }
            sleepBriefly()
            rx = nil
            let error = try blocked.join()
            #expect(error == .disconnected)
        }
        #expect(throws: ChannelError.disconnected) { try tx.trySend(3) }
        withExtendedLifetime(rx) {}
    }

    @Test("for-in over a receiver ends when the channel closes")
    func forInEndsOnClose() throws {
        let (tx, rx) = Channel<String>.bounded(2)
        let collected = try withThreadScope { scope in
            scope.spawn {
                for word in ["a", "b", "c", "d"] { try tx.send(word) }
                tx.close()
            }
            return Array(rx)
        }
        #expect(collected == ["a", "b", "c", "d"])
    }

    @Test("a message with a class payload is released exactly once when dropped")
    func droppedMessagesAreReleased() throws {
        final class Token: Sendable {}
        weak var observed: Token?
        do {
            let (tx, rx) = Channel<Token>.bounded(2)
            let token = Token()
            observed = token
            try tx.send(token)
            withExtendedLifetime(rx) {}
        }
        #expect(observed == nil)
    }
}

/// The error `body` throws, or `nil`.
func failure(_ body: () throws(ChannelError) -> Void) -> ChannelError? {
    do {
        try body()
        return nil
    } catch {
        return error
    }
}

/// Gives other threads time to block (tests of blocked-then-woken behaviour).
func sleepBriefly() {
    let until = ContinuousClock.now.advanced(by: .milliseconds(20))
    while ContinuousClock.now < until { _ = try? after(.milliseconds(5)).receive() }
}
