// run: race
import Foundation

func collect(_ names: [String]) -> [String] {
    var results: [String] = []
    let group = DispatchGroup()
    for name in names {
        group.enter()
        DispatchQueue.global().async { // want "thread-per-item"
            usleep(1_000) // the work itself, so that the items overlap
            results.append(name.uppercased()) // want "shared-mutable-capture"
            group.leave()
        }
    }
    group.wait()
    return results
}

print(collect(["a", "b", "c", "d"]).count)
