// run: clean
import Foundation

/// `region` is written only by `init`, before the endpoint is shared: reading it later without
/// the lock is safe.
final class Endpoint: @unchecked Sendable {
    private let lock = NSLock()
    private var region: String
    private var requests = 0

    init(region: String) {
        self.region = region
    }

    func send() {
        lock.withLock {
            requests += 1
            _ = region
        }
    }

    func summary() -> String {
        lock.lock()
        defer { lock.unlock() }
        return "\(region): \(requests)"
    }

    var home: String { region }
}

let endpoint = Endpoint(region: "eu-west")
let group = DispatchGroup()
DispatchQueue.global().async(group: group) {
    for _ in 0..<1_000 { endpoint.send() }
}
DispatchQueue.global().async(group: group) {
    for _ in 0..<1_000 { _ = endpoint.home }
}
group.wait()
print(endpoint.summary())
