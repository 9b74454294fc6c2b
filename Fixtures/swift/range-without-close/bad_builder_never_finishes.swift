// run: leak
import Foundation

func countdown() async -> Int {
    let ticks = AsyncStream<Int> { continuation in
        for tick in [3, 2, 1] {
            continuation.yield(tick)
        }
    }
    var total = 0
    for await tick in ticks { // want "range-without-close"
        total += tick
    }
    return total
}

let watchdog = Thread {
    Thread.sleep(forTimeInterval: 2)
    print("LEAK: countdown never ended: the builder never finished the stream")
    exit(2)
}
watchdog.start()
print(await countdown())
