import ConcRuntime
import Synchronization
import Testing

@Suite("Parallel collection operations")
struct ParallelCollectionTests {
    struct Failure: Error {}

    @Test("parallelMap preserves order", arguments: [0, 1, 2, 7, 1_000, 100_003])
    func mapPreservesOrder(count: Int) {
        let input = Array(0..<count)
        #expect(input.parallelMap { $0 &* 3 &+ 1 } == input.map { $0 &* 3 &+ 1 })
    }

    @Test("parallelMap works on non-contiguous collections")
    func mapOnRange() {
        let mapped = (0..<10_000).reversed().parallelMap { String($0) }
        #expect(mapped == (0..<10_000).reversed().map { String($0) })
    }

    @Test("parallelMap uses more than one thread for slow items")
    func mapUsesSeveralThreads() {
        let pool = ThreadPool(threads: 3)
        let inside = Atomic<Int>(0)
        let peak = Atomic<Int>(0)
        _ = (0..<64).parallelMap(on: pool) { i -> Int in
            let now = inside.wrappingAdd(1, ordering: .sequentiallyConsistent).newValue
            peak.max(now, ordering: .sequentiallyConsistent)
            // Hold the item until a second participant has shown up (or give up after 10 s), so the
            // test does not depend on how soon a busy machine schedules the pool's workers.
            let until = ContinuousClock.now.advanced(by: .seconds(10))
            while peak.load(ordering: .sequentiallyConsistent) < 2, ContinuousClock.now < until {}
            inside.wrappingSubtract(1, ordering: .sequentiallyConsistent)
            return i
        }
        #expect(peak.load(ordering: .sequentiallyConsistent) >= 2)
    }

    @Test("parallelMap rethrows a transform error")
    func mapRethrows() {
        #expect(throws: Failure.self) {
            try Array(0..<10_000).parallelMap { i throws(Failure) -> Int in
                if i == 7_777 { throw Failure() }
                return i
            }
        }
    }

    @Test("parallelMap releases class results after an error")
    func mapReleasesAfterError() {
        final class Box: Sendable {}
        let live = Atomic<Int>(0)
        final class Counted: Sendable {
            let live: @Sendable () -> Void
            init(_ onDeinit: @escaping @Sendable () -> Void) { live = onDeinit }
            deinit { live() }
        }
        live.store(0, ordering: .relaxed)
        let made = Atomic<Int>(0)
        let dead = Atomic<Int>(0)
        #expect(throws: Failure.self) {
            try Array(0..<5_000).parallelMap { i throws(Failure) -> Counted in
                if i == 4_000 { throw Failure() }
                made.wrappingAdd(1, ordering: .relaxed)
                return Counted { dead.wrappingAdd(1, ordering: .relaxed) }
            }
        }
        #expect(made.load(ordering: .relaxed) == dead.load(ordering: .relaxed))
        _ = Box()
    }

    @Test("parallelMap is exact across sizes and pool widths (chunk claiming and block stealing)")
    func mapAcrossSizesAndPools() {
        for threads in [2, 3, 5] {
            let pool = ThreadPool(threads: threads)
            for count in [2, 3, 31, 257, 4_097, 20_011, 65_537] {
                let input = Array(0..<count)
                #expect(input.parallelMap(on: pool) { $0 &* 7 } == input.map { $0 &* 7 })
                #expect(input.parallelReduce(on: pool, 0, +) == input.reduce(0, +))
            }
        }
    }

    @Test("parallelForEach visits every element exactly once")
    func forEachVisitsAll() {
        let sum = Atomic<Int>(0)
        let visits = Atomic<Int>(0)
        (1...100_000).parallelForEach { i in
            sum.wrappingAdd(i, ordering: .relaxed)
            visits.wrappingAdd(1, ordering: .relaxed)
        }
        #expect(visits.load(ordering: .relaxed) == 100_000)
        #expect(sum.load(ordering: .relaxed) == 100_000 * 100_001 / 2)
    }

    @Test("parallelFilter keeps order")
    func filterKeepsOrder() {
        let input = Array(0..<50_000)
        #expect(input.parallelFilter { $0 % 7 == 3 } == input.filter { $0 % 7 == 3 })
    }

    @Test("parallelReduce with an associative, non-commutative combine keeps order")
    func reduceKeepsOrder() {
        let words = (0..<2_000).map { String($0 % 10) }
        #expect(words.parallelReduce("", +) == words.joined())
        #expect([Int]().parallelReduce(0, +) == 0)
    }

    @Test("map-reduce sums squares")
    func mapReduce() {
        let total = (1...10_000).parallelReduce(0, accumulate: { $0 + $1 * $1 }, combine: +)
        #expect(total == (1...10_000).reduce(0) { $0 + $1 * $1 })
    }

    @Test("nested parallelMap on the shared pool completes")
    func nestedParallelism() {
        let rows = (0..<16).parallelMap { row in (0..<1_000).parallelMap { $0 + row }.reduce(0, +) }
        #expect(rows == (0..<16).map { row in (0..<1_000).map { $0 + row }.reduce(0, +) })
    }
}

@Suite("Thread pool")
struct ThreadPoolTests {
    @Test("the shared pool has one worker per active core")
    func sharedPoolSize() {
        #expect(ThreadPool.shared.threadCount == activeProcessorCount)
    }

    @Test("execute runs every job")
    func executeRunsJobs() throws {
        let pool = ThreadPool(threads: 2)
        let (tx, rx) = Channel<Int>.unbounded()
        for i in 0..<1_000 { pool.execute { try? tx.send(i) } }
        var sum = 0
        for _ in 0..<1_000 { sum += try rx.receive(timeout: .seconds(10)) }
        #expect(sum == 999 * 1_000 / 2)
    }
}
