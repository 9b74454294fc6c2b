import ConcRuntime
import Testing

@Suite("select")
struct SelectTests {
    @Test("select returns the arm whose channel has a message")
    func picksReadyArm() throws {
        let (aTx, aRx) = Channel<Int>.bounded(1)
        let (bTx, bRx) = Channel<String>.bounded(1)
        try aTx.send(5)
        let picked = select(
            .receive(aRx) { "a\($0 ?? -1)" },
            .receive(bRx) { "b\($0 ?? "-")" })
        #expect(picked == "a5")
        withExtendedLifetime(bTx) {}
    }

    @Test("select is fair among ready arms")
    func fairAmongReadyArms() throws {
        let (aTx, aRx) = Channel<Int>.unbounded()
        let (bTx, bRx) = Channel<Int>.unbounded()
        let rounds = 2_000
        for i in 0..<rounds {
            try aTx.send(i)
            try bTx.send(i)
        }
        var fromA = 0
        for _ in 0..<rounds {
            if select(.receive(aRx) { _ in true }, .receive(bRx) { _ in false }) { fromA += 1 }
        }
        #expect(fromA > rounds * 4 / 10 && fromA < rounds * 6 / 10)
    }

    @Test("select with a default arm does not block")
    func defaultArm() {
        let (tx, rx) = Channel<Int>.bounded(1)
        let result = select(.receive(rx) { _ in "message" }, default: { "default" })
        #expect(result == "default")
        withExtendedLifetime(tx) {}
    }

    @Test("select with a timeout gives up after the timeout")
    func timeoutArm() {
        let (tx, rx) = Channel<Int>.bounded(1)
        let result = select(.receive(rx) { _ in "message" }, timeout: .milliseconds(20)) { "timeout" }
        #expect(result == "timeout")
        withExtendedLifetime(tx) {}
    }

    @Test("select with a deadline in the past makes one non-blocking pass")
    func pastDeadline() throws {
        let (tx, rx) = Channel<Int>.bounded(1)
        let past = ContinuousClock.now.advanced(by: .seconds(-1))
        #expect(select(.receive(rx) { $0 }, deadline: past) { -1 } == -1)
        try tx.send(3)
        #expect(select(.receive(rx) { $0 }, deadline: past) { -1 } == 3)
    }

    @Test("select over closed channels returns at once with nil")
    func allArmsClosed() {
        let (aTx, aRx) = Channel<Int>.bounded(1)
        let (bTx, bRx) = Channel<Int>.rendezvous()
        aTx.close()
        bTx.close()
        let result = select(.receive(aRx) { $0 }, .receive(bRx) { $0 })
        #expect(result == nil)
    }

    @Test("a send arm on a closed channel reports not delivered")
    func sendArmClosed() {
        let (tx, rx) = Channel<Int>.bounded(1)
        tx.close()
        #expect(select(.send(tx, 1) { $0 }) == false)
        withExtendedLifetime(rx) {}
    }

    @Test("a blocked select wakes for a message sent later")
    func blockedSelectWakesOnSend() throws {
        let (aTx, aRx) = Channel<Int>.rendezvous()
        let (bTx, bRx) = Channel<Int>.bounded(4)
        let got = try withThreadScope { scope in
            scope.spawn {
                sleepBriefly()
                try aTx.send(9)
            }
            return select(.receive(aRx) { $0 }, .receive(bRx) { $0.map { -$0 } })
        }
        #expect(got == 9)
        withExtendedLifetime(bTx) {}
    }

    @Test("a blocked send arm completes when a receiver arrives")
    func blockedSendArm() throws {
        let (tx, rx) = Channel<Int>.rendezvous()
        let (otherTx, otherRx) = Channel<Int>.rendezvous()
        try withThreadScope { scope in
            let receiver = scope.spawn { () -> Int in
                sleepBriefly()
                return try rx.receive()
            }
            let sent = select(.send(tx, 11) { $0 }, .receive(otherRx) { _ in false })
            #expect(sent)
            let value = try receiver.join()
            #expect(value == 11)
        }
        withExtendedLifetime(otherTx) {}
    }

    @Test("two selects exchange messages through rendezvous channels")
    func selectToSelect() throws {
        let (tx, rx) = Channel<Int>.rendezvous()
        let rounds = 500
        let total = try withThreadScope { scope in
            scope.spawn {
                for i in 1...rounds {
                    _ = select(.send(tx, i) { $0 }, timeout: .seconds(10)) { false }
                }
                tx.close()
            }
            var sum = 0
            while let value = select(.receive(rx) { $0 }) { sum += value }
            return sum
        }
        #expect(total == rounds * (rounds + 1) / 2)
    }

    @Test("select wakes for a timer arm")
    func timerArm() {
        let (tx, rx) = Channel<Int>.bounded(1)
        let result = select(.receive(rx) { _ in "message" }, .receive(after(.milliseconds(10))) { _ in "timer" })
        #expect(result == "timer")
        withExtendedLifetime(tx) {}
    }

    @Test("an empty select with a timeout returns the timeout result")
    func emptySelectTimesOut() {
        #expect(select(timeout: .milliseconds(5)) { 1 } == 1)
    }
}
