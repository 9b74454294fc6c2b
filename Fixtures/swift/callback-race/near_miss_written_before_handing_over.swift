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

/// The closure reads only what was set before it was handed over, and the creator reads what the
/// closure wrote only after waiting for it.
func settleThenRead(on worker: Worker) -> String {
    let done = DispatchSemaphore(value: 0)
    var prefix = "job"
    prefix += "-1"
    var result = ""
    worker.enqueue {
        result = prefix + " ran"
        done.signal()
    }
    done.wait()
    result += "!"
    return result
}

print(settleThenRead(on: Worker()))
