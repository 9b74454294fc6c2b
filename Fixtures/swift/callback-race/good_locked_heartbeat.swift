// run: clean
import Foundation

/// A one-thread job runner: jobs run on its own thread, in order, as they come.
final class Worker: @unchecked Sendable {
    private let lock = NSLock()
    private var jobs: [() -> Void] = []
    private let wakeup = DispatchSemaphore(value: 0)

    init() {
        Thread { [self] in
            while true {
                let next: (() -> Void)? = lock.withLock { jobs.isEmpty ? nil : jobs.removeFirst() }
                if let next { next() } else { _ = wakeup.wait(timeout: .now() + 0.001) }
            }
        }.start()
    }

    func enqueue(_ job: @escaping () -> Void) {
        lock.withLock { jobs.append(job) }
        wakeup.signal()
    }

    /// Runs `body` every round until the returned ticket is cancelled.
    func repeatEvery(_ interval: TimeInterval, _ body: @escaping () -> Void) -> Ticket {
        let ticket = Ticket()
        enqueue { self.round(ticket, interval, body) }
        return ticket
    }

    private func round(_ ticket: Ticket, _ interval: TimeInterval, _ body: @escaping () -> Void) {
        guard !ticket.isCancelled else { return }
        body()
        Thread.sleep(forTimeInterval: interval)
        enqueue { self.round(ticket, interval, body) }
    }
}

final class Ticket: @unchecked Sendable {
    private let lock = NSLock()
    private var cancelled = false
    var isCancelled: Bool { lock.withLock { cancelled } }
    func cancel() { lock.withLock { cancelled = true } }
}

func pollUntilThird(on worker: Worker) -> Bool {
    let done = DispatchSemaphore(value: 0)
    let countLock = NSLock()
    var count = 0
    let ticketLock = NSLock()
    var ticket: Ticket? // guarded by ticketLock
    let made = worker.repeatEvery(0.001) {
        let n = countLock.withLock { count += 1; return count }
        if n == 3 {
            ticketLock.withLock { ticket }?.cancel()
            done.signal()
        }
    }
    ticketLock.withLock { ticket = made }
    done.wait()
    return made.isCancelled
}

print("cancelled:", pollUntilThird(on: Worker()))
