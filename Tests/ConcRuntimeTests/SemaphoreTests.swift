import ConcRuntime
import Synchronization
import Testing

@Suite("Semaphore")
struct SemaphoreTests {
    @Test("withPermit never lets more than permits holders in at once")
    func boundsConcurrency() throws {
        let semaphore = Semaphore(permits: 3)
        let inside = Atomic<Int>(0)
        let peak = Atomic<Int>(0)
        try withThreadScope { scope in
            for _ in 0..<12 {
                scope.spawn {
                    for _ in 0..<50 {
                        semaphore.withPermit {
                            let now = inside.wrappingAdd(1, ordering: .sequentiallyConsistent).newValue
                            peak.max(now, ordering: .sequentiallyConsistent)
                            inside.wrappingSubtract(1, ordering: .sequentiallyConsistent)
                        }
                    }
                }
            }
        }
        #expect(peak.load(ordering: .sequentiallyConsistent) <= 3)
        #expect(semaphore.availablePermits == 3)
    }

    @Test("a semaphore with zero permits blocks until release")
    func zeroPermits() throws {
        let semaphore = Semaphore(permits: 0)
        #expect(!semaphore.tryAcquire())
        #expect(!semaphore.acquire(timeout: .milliseconds(10)))
        try withThreadScope { scope in
            scope.spawn {
                sleepBriefly()
                semaphore.release()
            }
            semaphore.acquire()
        }
        #expect(semaphore.availablePermits == 0)
    }

    @Test("acquire with a past deadline fails without blocking")
    func pastDeadline() {
        let semaphore = Semaphore(permits: 0)
        #expect(!semaphore.acquire(deadline: ContinuousClock.now.advanced(by: .seconds(-1))))
    }

    @Test("withPermit releases the permit when the body throws")
    func releasesOnThrow() {
        struct Boom: Error {}
        let semaphore = Semaphore(permits: 1)
        #expect(throws: Boom.self) { try semaphore.withPermit { throw Boom() } }
        #expect(semaphore.availablePermits == 1)
    }

    @Test("async acquire suspends until a permit is released")
    func asyncAcquire() async throws {
        let semaphore = Semaphore(permits: 1)
        let occupancy = Occupancy()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<50 {
                group.addTask {
                    try await semaphore.withPermit {
                        occupancy.enter()
                        await Task.yield()
                        occupancy.leave()
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(occupancy.peak == 1)
        #expect(semaphore.availablePermits == 1)
    }

    @Test("a cancelled async acquire throws CancellationError and takes no permit")
    func cancelledAsyncAcquire() async {
        let semaphore = Semaphore(permits: 0)
        let task = Task { try await semaphore.acquire() }
        try? await Task.sleep(for: .milliseconds(10))
        task.cancel()
        await #expect(throws: CancellationError.self) { try await task.value }
        semaphore.release()
        #expect(semaphore.availablePermits == 1)
    }
}

/// Counts how many holders are inside a region at once, and the most ever seen.
final class Occupancy: Sendable {
    private let inside = Atomic<Int>(0)
    private let maximum = Atomic<Int>(0)

    func enter() {
        let now = inside.wrappingAdd(1, ordering: .sequentiallyConsistent).newValue
        maximum.max(now, ordering: .sequentiallyConsistent)
    }

    func leave() {
        inside.wrappingSubtract(1, ordering: .sequentiallyConsistent)
    }

    var peak: Int { maximum.load(ordering: .sequentiallyConsistent) }
}
