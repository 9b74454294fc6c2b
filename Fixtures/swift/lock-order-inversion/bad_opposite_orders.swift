// run: leak
import Foundation

final class Router: @unchecked Sendable {
    private let routesLock = NSLock()
    private let statsLock = NSLock()
    private var routes: [String: String] = [:]
    private var hits: [String: Int] = [:]

    /// Takes `routesLock`, then `statsLock`.
    func addRoute(_ path: String, to target: String) {
        routesLock.lock()
        defer { routesLock.unlock() }
        routes[path] = target
        let shadowed = routes.keys.filter { $0.hasPrefix(path) }.count
        statsLock.lock()
        hits[path] = shadowed
        statsLock.unlock()
    }

    /// Takes `statsLock`, then `routesLock`: the opposite order.
    func report() -> Int {
        statsLock.lock()
        defer { statsLock.unlock() }
        let total = hits.values.reduce(0, +)
        routesLock.lock() // want "lock-order-inversion"
        defer { routesLock.unlock() }
        return total + routes.count
    }
}

let router = Router()
let stop = Date().addingTimeInterval(0.25)
let group = DispatchGroup()
DispatchQueue.global().async(group: group) {
    var index = 0
    while Date() < stop {
        router.addRoute("/p\(index % 32)", to: "backend")
        index += 1
    }
}
DispatchQueue.global().async(group: group) {
    while Date() < stop { _ = router.report() }
}
if group.wait(timeout: .now() + 0.8) == .timedOut {
    print("LEAK: addRoute and report wait for each other's lock")
    exit(0)
}
print("total:", router.report())
