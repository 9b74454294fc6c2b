// run: clean
import Foundation

final class Ticker: @unchecked Sendable {
    var onTick: (@Sendable (Int) -> Void)?
    func run(_ count: Int) { for value in 0..<count { onTick?(value) } }
}

let ticker = Ticker()
let ticks = AsyncStream<Int> { continuation in // want "unbounded-channel"
    ticker.onTick = { value in continuation.yield(value) }
}
ticker.run(1_000)
var seen = 0
for await _ in ticks.prefix(10) { seen += 1 }
print("seen", seen)
