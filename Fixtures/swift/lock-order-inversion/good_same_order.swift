// run: clean
import Foundation

final class Router: @unchecked Sendable {
    private let routesLock = NSLock()
    private let statsLock = NSLock()
    private var routes: [String: String] = [:]
    private var hits: [String: Int] = [:]

    /// Both methods take `routesLock` first, then `statsLock`.
    func addRoute(_ path: String, to target: String) {
        routesLock.lock()
        defer { routesLock.unlock() }
        routes[path] = target
        let shadowed = routes.keys.filter { $0.hasPrefix(path) }.count
        statsLock.lock()
        hits[path] = shadowed
        statsLock.unlock()
    }

    func report() -> Int {
        routesLock.lock()
        defer { routesLock.unlock() }
        statsLock.lock()
        defer { statsLock.unlock() }
        let total = hits.values.reduce(0, +)
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
