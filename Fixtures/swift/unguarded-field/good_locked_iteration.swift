// run: clean
import Foundation

final class ServiceRegistry: @unchecked Sendable {
    private let lock = NSLock()
    private var ports: [String: Int] = [:]

    func register(_ name: String, port: Int) {
        lock.lock()
        ports[name] = port
        lock.unlock()
    }

    func port(of name: String) -> Int? {
        lock.withLock { ports[name] }
    }

    func busiestPort() -> Int {
        lock.lock()
        defer { lock.unlock() }
        var best = 0
        for (_, port) in ports {
            best = max(best, port)
        }
        return best
    }
}

let registry = ServiceRegistry()
let stop = Date().addingTimeInterval(0.1)
let group = DispatchGroup()
DispatchQueue.global().async(group: group) {
    var index = 0
    while Date() < stop {
        registry.register("svc\(index % 16)", port: 8_000 + index % 1_000)
        index += 1
    }
}
DispatchQueue.global().async(group: group) {
    while Date() < stop { _ = registry.busiestPort() }
}
group.wait()
print("busiest:", registry.busiestPort(), registry.port(of: "svc1") ?? 0)
