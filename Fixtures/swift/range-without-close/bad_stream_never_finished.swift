// run: leak
import Foundation

func readings() async -> [Int] {
    let (stream, continuation) = AsyncStream.makeStream(of: Int.self)
    Task {
        for value in [3, 1, 4] {
            continuation.yield(value)
        }
    }
    var seen: [Int] = []
    for await value in stream { // want "range-without-close"
        seen.append(value)
    }
    return seen
}

let watchdog = Thread {
    Thread.sleep(forTimeInterval: 2)
    print("LEAK: readings never finished: the stream was never finished")
    exit(2)
}
watchdog.start()
print(await readings())
