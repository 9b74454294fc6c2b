// run: clean
import Foundation

final class Router: @unchecked Sendable {
    private let gate = NSLock()
    private let routesLock = NSLock()
    private let statsLock = NSLock()
    private var routes: [String: String] = [:]
    private var hits: [String: Int] = [:]

    /// The two methods take the locks in opposite orders, but only while holding `gate`: the
    /// two orders never overlap.
    func addRoute(_ path: String, to target: String) {
        gate.lock()
        defer { gate.unlock() }
        routesLock.lock()
        defer { routesLock.unlock() }
        routes[path] = target
        let shadowed = routes.keys.filter { $0.hasPrefix(path) }.count
        statsLock.lock()
        hits[path] = shadowed
        statsLock.unlock()
    }

    func report() -> Int {
        gate.lock()
        defer { gate.unlock() }
        statsLock.lock()
        defer { statsLock.unlock() }
        let total = hits.values.reduce(0, +)
        routesLock.lock()
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
