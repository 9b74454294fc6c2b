import Synchronization

/// Runs `body` over `0..<count` on the calling thread and up to `pool.threadCount - 1` pool workers,
/// with adaptive splitting:
///
/// - Participants claim chunks from a shared counter (guided self-scheduling): `remaining / (4 ×
///   threads)` items, at least `count / (256 × threads)` and at most `count / (32 × threads)`.
/// - A participant works through its chunk in blocks (at most 4,096 items, at most the smallest
///   chunk), taking each block from its own slot with a compare-and-swap. Once the shared counter is
///   exhausted, idle participants steal blocks from the others' slots. So ten million tiny items cost a
///   few thousand atomic operations, a thousand slow items balance down to single items, and a
///   participant descheduled mid-chunk (a busy machine) does not hold up the end.
///
/// `body` gets one block at a time and returns `false` to stop further blocks (after an error).
/// Returns when every block taken has finished.
///
/// Blocks on: the other participants' last blocks. The caller always takes part, so this makes
/// progress even when every pool worker is busy (or is the caller).
@usableFromInline
func forEachChunk(count: Int, on pool: ThreadPool, _ body: (Range<Int>) -> Bool) {
    guard count > 0 else { return }
    let participants = pool.threadCount
    let minimumChunk = max(1, count / (participants * 256))
    if participants <= 1 || count <= minimumChunk {
        _ = body(0..<count)
        return
    }
    withoutActuallyEscaping(body) { escapable in
        let job = ParallelJob(count: count, participants: participants, minimumChunk: minimumChunk, body: escapable)
        let helpers = min(participants - 1, (count + minimumChunk - 1) / minimumChunk - 1)
        for helper in 0..<helpers {
            pool.execute { job.run(participant: helper + 1) }
        }
        job.run(participant: 0)
        job.finish()
        job.releaseBody()
    }
}

/// The shared state of one ``forEachChunk(count:on:_:)`` call.
///
/// Each participant's slot holds its current chunk's untaken part, packed as `start << 32 | end`;
/// the owner and thieves take blocks from its front with compare-and-swap. `inFlight` counts
/// participants between "about to claim or take work" and "done with it"; see ``finish()`` for why
/// the caller can then return with no block still running. All atomics are sequentially consistent.
final class ParallelJob: @unchecked Sendable {
    private let count: Int
    private let divisor: Int
    private let minimumChunk: Int
    private let maximumChunk: Int
    private let block: Int
    private let participants: Int
    private let next = Atomic<Int>(0)
    private let inFlight = Atomic<Int>(0)
    private let stopped = Atomic<Bool>(false)
    private let slots: UnsafeMutablePointer<Atomic<UInt64>>
    /// Packing needs offsets below 2^32; larger jobs run whole chunks without stealing.
    private let stealing: Bool
    private let lock = PThreadMutex()
    private let idle = PThreadCondition()
    /// Read only by a participant holding a block; cleared by the caller after all finished.
    private var body: ((Range<Int>) -> Bool)?

    init(count: Int, participants: Int, minimumChunk: Int, body: @escaping (Range<Int>) -> Bool) {
        self.count = count
        self.participants = participants
        self.divisor = participants * 4
        self.minimumChunk = minimumChunk
        self.maximumChunk = max(minimumChunk, count / (participants * 32))
        self.block = max(1, min(minimumChunk, 4_096))
        self.stealing = count < Int(UInt32.max)
        self.body = body
        slots = .allocate(capacity: participants)
        for index in 0..<participants { (slots + index).initialize(to: Atomic(0)) }
    }

    deinit {
        slots.deinitialize(count: participants)
        slots.deallocate()
    }

    private func enter() {
        inFlight.wrappingAdd(1, ordering: .sequentiallyConsistent)
    }

    private func leave() {
        if inFlight.wrappingSubtract(1, ordering: .sequentiallyConsistent).newValue == 0 {
            lock.lock()
            idle.broadcast()
            lock.unlock()
        }
    }

    private var isStopped: Bool { stopped.load(ordering: .sequentiallyConsistent) }

    /// Between `enter()` and `leave()`: claims the next chunk from the shared counter.
    private func claimChunk() -> Range<Int>? {
        var start = next.load(ordering: .sequentiallyConsistent)
        while start < count, !isStopped {
            let size = min(maximumChunk, max(minimumChunk, (count - start) / divisor))
            let end = min(count, start + size)
            let (exchanged, current) = next.compareExchange(
                expected: start, desired: end, ordering: .sequentiallyConsistent)
            if exchanged { return start..<end }
            start = current
        }
        return nil
    }

    /// Takes one block from `slot`'s front; on success the caller is inside `enter()`/`leave()`.
    private func takeBlock(from slot: Int) -> Range<Int>? {
        enter()
        var packed = slots[slot].load(ordering: .sequentiallyConsistent)
        while !isStopped {
            let start = Int(packed >> 32)
            let end = Int(packed & 0xFFFF_FFFF)
            if start >= end { break }
            let taken = min(end, start + block)
            let (exchanged, current) = slots[slot].compareExchange(
                expected: packed, desired: UInt64(taken) << 32 | UInt64(end), ordering: .sequentiallyConsistent)
            if exchanged { return start..<taken }
            packed = current
        }
        leave()
        return nil
    }

    private func process(_ range: Range<Int>) {
        if let body, !body(range) {
            stopped.store(true, ordering: .sequentiallyConsistent)
        }
        leave()
    }

    /// Participant `index`: drain the own slot, claim chunks into it, then steal from the others.
    func run(participant index: Int) {
        while true {
            while let range = takeBlock(from: index) { process(range) }
            enter()
            if let chunk = claimChunk() {
                if stealing {
                    slots[index].store(
                        UInt64(chunk.lowerBound) << 32 | UInt64(chunk.upperBound), ordering: .sequentiallyConsistent)
                    leave()  // the blocks are counted as they are taken
                } else {
                    process(chunk)
                }
                continue
            }
            leave()
            if !stealOne(excluding: index) { return }
        }
    }

    /// Processes one block stolen from another participant; `false` if every slot is empty.
    private func stealOne(excluding index: Int) -> Bool {
        for offset in 1..<participants {
            let victim = (index + offset) % participants
            if let range = takeBlock(from: victim) {
                process(range)
                return true
            }
        }
        return false
    }

    /// The caller, after its own `run`: help until no block is left, then wait out blocks in flight.
    ///
    /// A slot may be filled by a participant that claimed a chunk before the shared counter ran out,
    /// so "every slot empty" only counts once `inFlight` was zero before the scan (no claim was then
    /// under way, and later claims fail); blocks taken since are waited out once more.
    func finish() {
        while true {
            while stealOne(excluding: 0) {}
            waitUntilIdle()
            if allSlotsEmpty() {
                waitUntilIdle()
                return
            }
        }
    }

    private func allSlotsEmpty() -> Bool {
        if isStopped { return true }
        for index in 0..<participants {
            let packed = slots[index].load(ordering: .sequentiallyConsistent)
            if packed >> 32 < packed & 0xFFFF_FFFF { return false }
        }
        return true
    }

    private func waitUntilIdle() {
        var backoff = Backoff()
        while inFlight.load(ordering: .sequentiallyConsistent) != 0 {
            if backoff.isCompleted {
                lock.lock()
                while inFlight.load(ordering: .sequentiallyConsistent) != 0 { idle.wait(lock) }
                lock.unlock()
                return
            }
            backoff.snooze()
        }
    }

    func releaseBody() {
        body = nil
    }
}

/// Collects per-chunk results (keyed by chunk start) and the first error, under a pthread mutex.
@usableFromInline
final class ChunkResults<Partial, Failure: Error>: @unchecked Sendable {
    private let lock = PThreadMutex()
    private var partials: [(start: Int, value: Partial)] = []
    private var failure: Failure?

    @usableFromInline
    init() {}

    @usableFromInline
    func add(_ start: Int, _ value: Partial) {
        lock.withLock { partials.append((start, value)) }
    }

    @usableFromInline
    func fail(_ error: Failure) {
        lock.withLock { if failure == nil { failure = error } }
    }

    /// The partial results recorded so far, in no particular order.
    @usableFromInline
    var values: [Partial] { lock.withLock { partials.map(\.value) } }

    /// After all chunks finished: the partial results in index order, or the first error.
    @usableFromInline
    func collect() -> Swift.Result<[Partial], Failure> {
        lock.withLock {
            if let failure { return .failure(failure) }
            return .success(partials.sorted { $0.start < $1.start }.map(\.value))
        }
    }
}
