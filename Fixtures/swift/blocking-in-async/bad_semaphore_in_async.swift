// run: skip
import Foundation

final class Session: @unchecked Sendable {
    var token: String?

    func refreshToken() async -> String {
        try? await Task.sleep(nanoseconds: 1_000_000)
        return "token-1"
    }
}

func authorize(_ session: Session) async -> String {
    let semaphore = DispatchSemaphore(value: 0)
    Task {
        session.token = await session.refreshToken()
        semaphore.signal()
    }
    semaphore.wait() // want "blocking-in-async"
    return session.token ?? ""
}

func pauseBriefly() async {
    Thread.sleep(forTimeInterval: 0.01) // want "blocking-in-async"
}

func collect(_ names: [String]) async -> Int {
    let group = DispatchGroup()
    var count = 0
    let lock = NSLock()
    DispatchQueue.global().async(group: group) {
        lock.withLock { count += names.count }
    }
    group.wait() // want "blocking-in-async"
    return lock.withLock { count }
}

print(await authorize(Session()))
await pauseBriefly()
print(await collect(["a", "bb"]))
