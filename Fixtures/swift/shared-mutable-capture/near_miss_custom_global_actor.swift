// run: clean
import Foundation

// A custom global actor isolates what it annotates just as `@MainActor` does: a task isolated to
// it, started from a class isolated to it, writes the class's state on that actor.
@globalActor
actor StoreActor {
    static let shared = StoreActor()
}

@StoreActor
final class Store {
    var hits = 0
    var log: [String] = []

    func record(_ event: String) -> [Task<Void, Never>] {
        let logged = Task { @StoreActor in
            self.hits += 1
            self.log.append(event)
        }
        let counted = Task {
            self.hits += 1
        }
        return [logged, counted]
    }
}

@StoreActor
func exercise() async {
    let store = Store()
    var started: [Task<Void, Never>] = []
    for event in ["a", "b", "c"] { started += store.record(event) }
    for task in started { await task.value }
    print(store.hits)
}

await exercise()
