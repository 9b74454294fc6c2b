import Synchronization

/// Splits `0..<count` into chunks that the calling thread and up to `pool.threadCount - 1` pool
/// workers claim dynamically (guided self-scheduling): each claim takes `remaining / (4 × threads)`
/// items, but never fewer than `count / (256 × threads)` (so ten million tiny items cost a few hundred
/// claims) nor more than `count / (32 × threads)` (so a participant that gets descheduled holding a
/// chunk delays the end by little); a thousand slow items balance down to single items at the end. `body` returns `false` to stop
/// further claims (after an error). Returns when every claimed chunk has finished.
///
/// Blocks on: the other participants' last chunks. The caller always takes part, so this makes
/// progress even when every pool worker is busy (or is the caller).
@usableFromInline
func forEachChunk(count: Int, on pool: ThreadPool, _ body: (Range<Int>) -> Bool) {
    guard count > 0 else { return }
    let participants = pool.threadCount
    let minimumChunk = max(1, count / (participants * 256))
    let maximumChunk = max(minimumChunk, count / (participants * 32))
    if participants <= 1 || count <= minimumChunk {
        _ = body(0..<count)
        return
    }
    withoutActuallyEscaping(body) { escapable in
        let job = ParallelJob(
            count: count, participants: participants, minimumChunk: minimumChunk,
            maximumChunk: maximumChunk, body: escapable)
        let helpers = min(participants - 1, (count + minimumChunk - 1) / minimumChunk - 1)
        for _ in 0..<helpers {
            pool.execute { job.run() }
        }
        job.run()
        job.waitForParticipants()
        job.releaseBody()
    }
}

/// The shared state of one ``forEachChunk(count:on:_:)`` call.
final class ParallelJob: @unchecked Sendable {
    private let count: Int
    private let divisor: Int
    private let minimumChunk: Int
    private let maximumChunk: Int
    private let next = Atomic<Int>(0)
    private let inFlight = Atomic<Int>(0)
    private let lock = PThreadMutex()
    private let idle = PThreadCondition()
    /// Read only by a participant holding a claimed chunk; cleared by the caller after all finished.
    private var body: ((Range<Int>) -> Bool)?

    init(
        count: Int, participants: Int, minimumChunk: Int, maximumChunk: Int,
        body: @escaping (Range<Int>) -> Bool
    ) {
        self.count = count
        self.divisor = participants * 4
        self.minimumChunk = minimumChunk
        self.maximumChunk = maximumChunk
        self.body = body
    }

    private func claim() -> Range<Int>? {
        inFlight.wrappingAdd(1, ordering: .sequentiallyConsistent)
        var start = next.load(ordering: .sequentiallyConsistent)
        while start < count {
            let size = min(maximumChunk, max(minimumChunk, (count - start) / divisor))
            let end = min(count, start + size)
            let (exchanged, current) = next.compareExchange(
                expected: start, desired: end, ordering: .sequentiallyConsistent)
            if exchanged { return start..<end }
            start = current
        }
        leave()
        return nil
    }

    private func leave() {
        if inFlight.wrappingSubtract(1, ordering: .sequentiallyConsistent).newValue == 0 {
            lock.lock()
            idle.broadcast()
            lock.unlock()
        }
    }

    func run() {
        while let range = claim() {
            if let body, !body(range) {
                next.store(count, ordering: .sequentiallyConsistent)
            }
            leave()
        }
    }

    func waitForParticipants() {
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
