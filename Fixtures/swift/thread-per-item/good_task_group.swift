// run: clean
import Foundation

func fetch(_ id: Int) async -> Int { id * 2 }

func refreshAll(_ ids: [Int]) async -> Int {
    await withTaskGroup(of: Int.self) { group in
        for id in ids { group.addTask { await fetch(id) } }
        return await group.reduce(0, +)
    }
}

print("refreshed", await refreshAll(Array(0..<100)))
