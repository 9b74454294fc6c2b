import Synchronization

/// A fixed set of worker threads that run submitted jobs, each worker with its own queue and
/// stealing from the others' queues when its own is empty. Idle workers spin briefly, then sleep.
///
/// ``shared`` has one worker per active core and lives for the whole process; the parallel
/// collection operations (`parallelMap` …) run on it unless given another pool. Releasing an
/// explicit pool lets its workers finish the queued jobs and exit.
///
/// Memory: one OS thread per worker, plus one queue entry per job not yet started.
public final class ThreadPool: Sendable {
    /// The process-wide pool, one worker per active core (``activeProcessorCount``).
    public static let shared = ThreadPool(threads: activeProcessorCount)

    /// The number of worker threads.
    public let threadCount: Int
    let core: PoolCore

    /// A pool of `threads` workers (at least 1). Threads the system refuses to create are skipped;
    /// if none can be created, jobs run on the submitting thread.
    public init(threads: Int) {
        let count = max(1, threads)
        let core = PoolCore(workers: count)
        var started = 0
        for index in 0..<count {
            var code: Int32 = 0
            if let thread = OSThread.start(errorCode: &code, { core.workerLoop(index) }) {
                thread.detach()
                started += 1
            }
        }
        core.startedWorkers = started
        self.core = core
        self.threadCount = max(1, started)
    }

    deinit {
        core.shutdown()
    }

    /// Queues `job` to run on a worker. Never blocks (beyond a queue's mutex).
    public func execute(_ job: @escaping @Sendable () -> Void) {
        if core.startedWorkers == 0 {
            job()
            return
        }
        core.submit(job)
    }
}

/// The state the workers share; the workers hold it, not the ``ThreadPool``, so releasing the pool
/// shuts them down.
final class PoolCore: @unchecked Sendable {
    typealias Job = @Sendable () -> Void

    private let queues: [WorkQueue]
    private let pending = Atomic<Int>(0)
    private let sleepers = Atomic<Int>(0)
    private let roundRobin = Atomic<Int>(0)
    private let stopping = Atomic<Bool>(false)
    private let sleepLock = PThreadMutex()
    private let sleepCondition = PThreadCondition()
    /// Set once in `ThreadPool.init`, before any job is submitted.
    var startedWorkers = 0

    init(workers: Int) {
        queues = (0..<workers).map { _ in WorkQueue() }
    }

    func submit(_ job: @escaping Job) {
        let index = roundRobin.wrappingAdd(1, ordering: .relaxed).oldValue
        queues[Int(UInt(bitPattern: index) % UInt(queues.count))].push(job)
        pending.wrappingAdd(1, ordering: .sequentiallyConsistent)
        if sleepers.load(ordering: .sequentiallyConsistent) > 0 {
            sleepLock.lock()
            sleepCondition.signal()
            sleepLock.unlock()
        }
    }

    func shutdown() {
        stopping.store(true, ordering: .sequentiallyConsistent)
        sleepLock.lock()
        sleepCondition.broadcast()
        sleepLock.unlock()
    }

    private func findJob(_ index: Int) -> Job? {
        if let job = queues[index].pop() { return job }
        for offset in 1..<max(1, queues.count) {
            if let job = queues[(index + offset) % queues.count].pop() { return job }
        }
        return nil
    }

    func workerLoop(_ index: Int) {
        while true {
            if let job = findJob(index) {
                pending.wrappingSubtract(1, ordering: .sequentiallyConsistent)
                job()
                continue
            }
            var backoff = Backoff()
            while !backoff.isCompleted, pending.load(ordering: .relaxed) == 0,
                  !stopping.load(ordering: .relaxed) {
                backoff.snooze()
            }
            if pending.load(ordering: .sequentiallyConsistent) > 0 { continue }
            if stopping.load(ordering: .sequentiallyConsistent) { return }
            sleepLock.lock()
            sleepers.wrappingAdd(1, ordering: .sequentiallyConsistent)
            while pending.load(ordering: .sequentiallyConsistent) == 0,
                  !stopping.load(ordering: .sequentiallyConsistent) {
                sleepCondition.wait(sleepLock)
            }
            sleepers.wrappingSubtract(1, ordering: .sequentiallyConsistent)
            sleepLock.unlock()
        }
    }
}

/// One worker's job queue (FIFO), guarded by a pthread mutex; other workers steal from it.
final class WorkQueue: @unchecked Sendable {
    private let lock = PThreadMutex()
    // Mutex-guarded state: the mutex provides exclusivity, so the dynamic check is skipped.
    @exclusivity(unchecked) private var jobs = Deque<PoolCore.Job>()

    func push(_ job: @escaping PoolCore.Job) {
        lock.lock()
        jobs.append(job)
        lock.unlock()
    }

    func pop() -> PoolCore.Job? {
        lock.lock()
        defer { lock.unlock() }
        return jobs.popFirst()
    }
}
