import ConcRuntime
import Synchronization
import Testing

/// Many producers and consumers at once: every message arrives exactly once (count and checksum).
@Suite("Channel stress")
struct ChannelStressTests {
    /// A checksum that differs if any message is lost, duplicated or corrupted.
    static func mix(_ value: Int) -> UInt64 {
        var x = UInt64(truncatingIfNeeded: value) &+ 0x9E37_79B9_7F4A_7C15
        x = (x ^ (x >> 30)) &* 0xBF58_476D_1CE4_E5B9
        x = (x ^ (x >> 27)) &* 0x94D0_49BB_1331_11EB
        return x ^ (x >> 31)
    }

    @Test("threads: many senders and receivers lose and duplicate nothing", arguments: [0, 1, 16, Int.max])
    func threadsNoLossNoDuplication(capacity: Int) throws {
        let producers = 16, consumers = 16, perProducer = 2_000
        let (tx, rx) = capacity == Int.max ? Channel<Int>.unbounded() : Channel<Int>.bounded(capacity)
        let count = Atomic<Int>(0)
        let checksum = Atomic<UInt64>(0)
        try withThreadScope { scope in
            for c in 0..<consumers {
                scope.spawn {
                    var localCount = 0
                    var localSum: UInt64 = 0
                    if c % 2 == 0 {
                        for value in rx {
                            localCount += 1
                            localSum &+= Self.mix(value)
                        }
                    } else {
                        while let value = select(.receive(rx) { $0 }) {
                            localCount += 1
                            localSum &+= Self.mix(value)
                        }
                    }
                    count.wrappingAdd(localCount, ordering: .relaxed)
                    checksum.wrappingAdd(localSum, ordering: .relaxed)
                }
            }
            try withThreadScope { producersScope in
                for p in 0..<producers {
                    producersScope.spawn {
                        for i in 0..<perProducer {
                            let value = p * perProducer + i
                            if i % 3 == 0 {
                                _ = select(.send(tx, value) { $0 })
                            } else {
                                try tx.send(value)
                            }
                        }
                    }
                }
            }
            tx.close()
        }
        let total = producers * perProducer
        #expect(count.load(ordering: .relaxed) == total)
        let expected = (0..<total).reduce(UInt64(0)) { $0 &+ Self.mix($1) }
        #expect(checksum.load(ordering: .relaxed) == expected)
    }

    @Test("tasks: thousands of async senders and receivers lose and duplicate nothing", arguments: [0, 1, 64])
    func tasksNoLossNoDuplication(capacity: Int) async throws {
        let senders = 2_000, receivers = 1_000, perSender = 5
        let (tx, rx) = Channel<Int>.bounded(capacity)
        let (count, checksum) = try await withThrowingTaskGroup(of: (Int, UInt64).self) { group in
            for _ in 0..<receivers {
                group.addTask {
                    var localCount = 0
                    var localSum: UInt64 = 0
                    for await value in rx {
                        localCount += 1
                        localSum &+= Self.mix(value)
                    }
                    return (localCount, localSum)
                }
            }
            try await withThrowingTaskGroup(of: Void.self) { sendersGroup in
                for s in 0..<senders {
                    sendersGroup.addTask {
                        for i in 0..<perSender { try await tx.send(s * perSender + i) }
                    }
                }
                try await sendersGroup.waitForAll()
            }
            tx.close()
            var count = 0
            var checksum: UInt64 = 0
            for try await (c, s) in group {
                count += c
                checksum &+= s
            }
            return (count, checksum)
        }
        let total = senders * perSender
        #expect(count == total)
        #expect(checksum == (0..<total).reduce(UInt64(0)) { $0 &+ Self.mix($1) })
    }
}
