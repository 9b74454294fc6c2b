// run: skip
import XCTest

final class Ticker: @unchecked Sendable {
    var onTick: (@Sendable (Int) -> Void)?
    func run(_ count: Int) { for value in 0..<count { onTick?(value) } }
}

// Test code drives the callback itself a known number of times and reads in step: the buffer
// never grows past what the test fed it.
final class TickerTests: XCTestCase {
    func testTicksArrive() async {
        let ticker = Ticker()
        let ticks = AsyncStream<Int> { continuation in
            ticker.onTick = { value in continuation.yield(value) }
        }
        ticker.run(3)
        var seen = 0
        for await _ in ticks.prefix(3) { seen += 1 }
        XCTAssertEqual(seen, 3)
    }
}
