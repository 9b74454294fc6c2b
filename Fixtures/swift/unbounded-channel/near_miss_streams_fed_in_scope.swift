// run: clean
import Foundation

func measure(_ body: () async -> Void) async { await body() }

/// A `with…` function runs its body in place and its handler at most once.
func withShutdownHandler(_ operation: () async -> Void, onShutdown handler: @escaping @Sendable () -> Void) async {
    await operation()
    handler()
}

/// Two streams in one file, each fed a few values in code that runs once: one stream's yields
/// are not the other's, and the closure handed to an awaited call (or a `with…` function) runs
/// before the call returns, like straight-line code.
func first() async -> Int {
    var captured: AsyncStream<Int>.Continuation!
    let stream = AsyncStream<Int> { captured = $0 }
    let continuation = captured!
    await measure {
        continuation.yield(1)
        continuation.yield(2)
    }
    continuation.finish()
    var total = 0
    for await value in stream { total += value }
    return total
}

func second(_ count: Int) async -> Int {
    let bounded = AsyncStream<Int>(bufferingPolicy: .bufferingNewest(8)) { continuation in
        for value in 0..<count { continuation.yield(value) }
        continuation.finish()
    }
    var total = 0
    for await value in bounded { total += value }
    return total
}

func third() async -> Int {
    var captured: AsyncStream<Int>.Continuation!
    let stream = AsyncStream<Int> { captured = $0 }
    let continuation = captured!
    withExtendedLifetime(stream) {
        continuation.yield(3)
    }
    continuation.finish()
    var total = 0
    for await value in stream { total += value }
    return total
}

func fourth() async -> Int {
    var captured: AsyncStream<Int>.Continuation!
    let stream = AsyncStream<Int> { captured = $0 }
    let continuation = captured!
    await withShutdownHandler {
        continuation.yield(4)
    } onShutdown: {
        continuation.yield(5)
        continuation.finish()
    }
    var total = 0
    for await value in stream { total += value }
    return total
}

print(await first(), await second(100), await third(), await fourth())
