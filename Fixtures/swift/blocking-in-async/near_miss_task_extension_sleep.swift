// run: clean
import Foundation

// Inside `extension Task`, an unqualified `sleep(nanoseconds:)` is `Task.sleep`: awaited, it
// suspends the task, not the thread. POSIX `sleep` takes one unlabeled count and is never awaited.
extension Task where Success == Never, Failure == Never {
    static func pause(milliseconds: UInt64) async throws {
        try await sleep(nanoseconds: milliseconds * 1_000_000)
    }

    static func nap() async throws {
        try await sleep(for: .milliseconds(1))
    }
}

func waitBriefly() async throws {
    try await Task.pause(milliseconds: 1)
    try await Task.nap()
}

try await waitBriefly()
print("done")
