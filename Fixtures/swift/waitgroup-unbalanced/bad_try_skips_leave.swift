// run: leak
import Foundation

struct SetUpFailed: Error {}

func setUp(_ name: String) async throws {
    if name == "broken" { throw SetUpFailed() }
}

// A `try` that throws leaves the task before `group.leave()`: the group never empties and the
// wait blocks (here, times out).
let group = DispatchGroup()
for name in ["fast", "broken"] {
    group.enter()
    Task {
        do {
            try await setUp(name) // want "waitgroup-unbalanced"
            print("set up", name)
        }
        group.leave()
    }
}
if group.wait(timeout: .now() + 1) == .timedOut {
    print("LEAK: wait timed out: a failed set-up never left the group")
}
