// run: clean
import Foundation

// A reader–writer cache: reads run side by side on a private concurrent queue, and every write is
// a barrier, which runs alone on that queue, so no write overlaps a read or another write.
final class Cache: @unchecked Sendable {
    private let queue = DispatchQueue(label: "cache", attributes: .concurrent)
    private var storage: [String: Int] = [:]

    func set(_ value: Int, for key: String, group: DispatchGroup) {
        group.enter()
        queue.async(flags: .barrier) {
            self.storage[key] = value
            group.leave()
        }
    }

    func remove(_ key: String, group: DispatchGroup) {
        group.enter()
        queue.async(flags: [.barrier]) {
            self.storage[key] = nil
            group.leave()
        }
    }

    func value(for key: String) -> Int? {
        queue.sync { storage[key] }
    }
}

let cache = Cache()
let group = DispatchGroup()
DispatchQueue.concurrentPerform(iterations: 8) { index in
    cache.set(index, for: "key \(index)", group: group)
    _ = cache.value(for: "key \(index)")
}
group.wait()
cache.remove("key 0", group: group)
group.wait()
let sum = (0..<8).compactMap { cache.value(for: "key \($0)") }.reduce(0, +)
print("sum:", sum)
