// run: clean
import Foundation

func readings() async -> [Int] {
    let (stream, continuation) = AsyncStream.makeStream(of: Int.self)
    Task {
        defer { continuation.finish() }
        for value in [3, 1, 4] {
            continuation.yield(value)
        }
    }
    var seen: [Int] = []
    for await value in stream {
        seen.append(value)
    }
    return seen
}

print(await readings())
