// run: clean
import Foundation

func fetch(_ id: Int) async -> Int { id * 2 }

func refreshAll(_ ids: [Int]) async {
    var handles: [Task<Int, Never>] = []
    for id in ids {
        handles.append(Task.detached { await fetch(id) }) // want "thread-per-item"
    }
    for handle in handles { _ = await handle.value }
}

await refreshAll(Array(0..<100))
print("refreshed")
