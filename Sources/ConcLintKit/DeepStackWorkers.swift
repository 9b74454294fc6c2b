#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Musl)
@preconcurrency import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A few threads with large stacks that work through a list of indices.
///
/// Parsing and lowering recurse once per level of nesting in the source (swift-syntax itself
/// recurses through a long member chain to find its last token), and the threads of Swift's
/// cooperative pool have small stacks. Running each file's analysis on a thread with a 512 MiB
/// stack (reserved, not committed: only the pages a deep file touches are used) turns a
/// pathological file into a slow one instead of a crash.
enum DeepStackWorkers {
    /// Bytes of stack reserved per worker thread; halved until the system grants it.
    static let stackSize = 512 << 20

    /// Calls `work` once for each element of `order`, taking them in that order, on `width`
    /// threads at most; returns when every call has returned. Does not block the calling task's
    /// thread while it waits.
    static func run(order: [Int], width: Int, _ work: @escaping @Sendable (Int) -> Void) async {
        guard !order.isEmpty else { return }
        let threads = max(1, min(width, order.count))
        let queue = WorkQueue(order: order, threads: threads)
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            queue.whenDone = { continuation.resume() }
            for _ in 0..<threads {
                let body: @Sendable () -> Void = {
                    while let index = queue.next() { work(index) }
                    queue.threadFinished()
                }
                if !startThread(body) { body() }
            }
        }
    }

    /// Starts a detached thread running `body`; `false` if no thread could be made.
    private static func startThread(_ body: @escaping @Sendable () -> Void) -> Bool {
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        let box = Unmanaged.passRetained(ThreadBody(body))
        var size = stackSize
        while size >= 1 << 20 {
            pthread_attr_setstacksize(&attributes, size)
            #if canImport(Darwin)
            var thread: pthread_t?
            #else
            var thread = pthread_t()
            #endif
            let started = pthread_create(&thread, &attributes, { argument in
                guard let argument else { return nil }
                let body = Unmanaged<ThreadBody>.fromOpaque(argument).takeRetainedValue()
                body.run()
                return nil
            }, box.toOpaque())
            if started == 0 {
                #if canImport(Darwin)
                if let thread { pthread_detach(thread) }
                #else
                pthread_detach(thread)
                #endif
                return true
            }
            size /= 2
        }
        box.release()
        return false
    }

    private final class ThreadBody: @unchecked Sendable {
        let run: @Sendable () -> Void
        init(_ run: @escaping @Sendable () -> Void) { self.run = run }
    }

    /// The indices still to do and the threads still running, under one lock.
    private final class WorkQueue: @unchecked Sendable {
        private let lock = NSLock()
        private let order: [Int]
        private var nextPosition = 0
        private var running: Int
        /// Called once, by the last thread to finish.
        var whenDone: (@Sendable () -> Void)?

        init(order: [Int], threads: Int) {
            self.order = order
            self.running = threads
        }

        func next() -> Int? {
            lock.withLock {
                guard nextPosition < order.count else { return nil }
                defer { nextPosition += 1 }
                return order[nextPosition]
            }
        }

        func threadFinished() {
            let done: (@Sendable () -> Void)? = lock.withLock {
                running -= 1
                return running == 0 ? whenDone : nil
            }
            done?()
        }
    }
}
