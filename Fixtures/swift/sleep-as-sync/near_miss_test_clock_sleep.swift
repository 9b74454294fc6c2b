// run: clean
import Foundation

// A test clock's `sleep` waits until the test advances the clock: a real wait, not a guess.
final class StepClock: @unchecked Sendable {
    private let lock = NSLock()
    private var now = 0
    private var waiters: [(step: Int, resume: CheckedContinuation<Void, Never>)] = []

    func sleep(until step: Int) async {
        await withCheckedContinuation { continuation in
            let ready: Bool = lock.withLock {
                if now >= step { return true }
                waiters.append((step, continuation))
                return false
            }
            if ready { continuation.resume() }
        }
    }

    func advance() {
        let due: [CheckedContinuation<Void, Never>] = lock.withLock {
            now += 1
            let due = waiters.filter { $0.step <= now }.map(\.resume)
            waiters.removeAll { $0.step <= now }
            return due
        }
        due.forEach { $0.resume() }
    }
}

let clock = StepClock()
let sleeper = Task {
    await clock.sleep(until: 1)
    return "fired"
}
clock.advance()
print(await sleeper.value)
