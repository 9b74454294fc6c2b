// run: clean
// Code written for tests outside a test file: a factory named for testing and a mock type. Tests
// drive both by hand, a few values at a time, so their streams never grow.
struct Inbound: Sendable {
    let stream: AsyncStream<Int>

    /// A stream and the continuation a unit test drives it with.
    static func makeTestingStream() -> (Inbound, AsyncStream<Int>.Continuation) {
        var continuation: AsyncStream<Int>.Continuation!
        let stream = AsyncStream<Int> { continuation = $0 }
        return (Inbound(stream: stream), continuation)
    }
}

final class MockTransport: @unchecked Sendable {
    let received: AsyncStream<String>
    private let continuation: AsyncStream<String>.Continuation

    init() {
        (received, continuation) = AsyncStream.makeStream(of: String.self)
    }

    func deliver(_ message: String) { continuation.yield(message) }
    func finish() { continuation.finish() }
}

let (inbound, source) = Inbound.makeTestingStream()
source.yield(1)
source.finish()
for await value in inbound.stream { print(value) }
let mock = MockTransport()
mock.deliver("hello")
mock.finish()
for await message in mock.received { print(message) }
