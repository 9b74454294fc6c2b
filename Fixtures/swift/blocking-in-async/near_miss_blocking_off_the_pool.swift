// run: clean
import Foundation

// Blocking in synchronous code, or in a thread started from async code, does not hold a
// cooperative thread; awaiting a task group's waitForAll suspends.
func loadSync() -> Int {
    let semaphore = DispatchSemaphore(value: 0)
    DispatchQueue.global().async {
        semaphore.signal()
    }
    semaphore.wait()
    return 42
}

func startWorker() async {
    let started = DispatchSemaphore(value: 0)
    Thread {
        Thread.sleep(forTimeInterval: 0.001)
        started.signal()
    }.start()
    await withTaskGroup(of: Void.self) { group in
        group.addTask { try? await Task.sleep(nanoseconds: 1_000) }
        await group.waitForAll()
    }
    _ = started
}

print(loadSync())
await startWorker()
