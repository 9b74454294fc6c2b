import ConcRuntime
import Dispatch
import Foundation

// Usage: RuntimeBench [--quick] [--only channels|bounded|pingpong|async|map|scope]
// (bounded and pingpong are the two halves of channels).
let quick = CommandLine.arguments.contains("--quick")
let only: String? = CommandLine.arguments.firstIndex(of: "--only").flatMap {
    $0 + 1 < CommandLine.arguments.count ? CommandLine.arguments[$0 + 1] : nil
}
func enabled(_ group: String, part: String? = nil) -> Bool {
    only == nil || only == group || (part != nil && only == part)
}
let messages = quick ? 200_000 : 2_000_000
let pingPongs = quick ? 20_000 : 200_000
let lightItems = 10_000_000
let heavyItems = quick ? 2_000 : 10_000
let scopeRounds = quick ? 500 : 5_000

let heavyIterations = calibrateHeavyIterations()
report("env", "heavy_iterations", Double(heavyIterations), "iterations")
report("env", "cores", Double(activeProcessorCount), "cores")

// MARK: Channels

/// `producers` threads send `messages` integers through a bounded(100) channel to `consumers`
/// threads; ns per message.
func bounded(producers: Int, consumers: Int) -> Double {
    let total = messages
    let elapsed = bestTime {
        let (tx, rx) = Channel<Int>.bounded(100)
        _ = try? withThreadScope { scope in
            for _ in 0..<consumers {
                scope.spawn {
                    var sum = 0
                    for value in rx { sum &+= value }
                    if sum == -1 { print(sum) }
                }
            }
            try withThreadScope { producersScope in
                for p in 0..<producers {
                    producersScope.spawn {
                        for i in stride(from: p, to: total, by: producers) { try tx.send(i) }
                    }
                }
            }
            tx.close()
        }
    }
    return elapsed / Double(total)
}

func rendezvousPingPong() -> Double {
    let rounds = pingPongs
    let elapsed = bestTime {
        let (pingTx, pingRx) = Channel<Int>.rendezvous()
        let (pongTx, pongRx) = Channel<Int>.rendezvous()
        _ = try? withThreadScope { scope in
            scope.spawn {
                for value in pingRx { try pongTx.send(value) }
            }
            for i in 0..<rounds {
                try pingTx.send(i)
                _ = try pongRx.receive()
            }
            pingTx.close()
        }
    }
    return elapsed / Double(rounds)
}

if enabled("channels", part: "bounded") {
    report("ConcRuntime", "bounded100_1p1c", bounded(producers: 1, consumers: 1), "ns/msg")
    report("ConcRuntime", "bounded100_2p2c", bounded(producers: 2, consumers: 2), "ns/msg")
}
if enabled("channels", part: "pingpong") {
    report("ConcRuntime", "rendezvous_pingpong", rendezvousPingPong(), "ns/roundtrip")
}

// MARK: Async face versus AsyncStream

func asyncFace() async -> Double {
    let total = messages / 4
    let elapsed = await bestTimeAsync {
        let (tx, rx) = Channel<Int>.bounded(100)
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                for i in 0..<total { try? await tx.send(i) }
                tx.close()
            }
            group.addTask {
                var sum = 0
                for await value in rx { sum &+= value }
                if sum == -1 { print(sum) }
            }
        }
    }
    return elapsed / Double(total)
}

func asyncStreamUnbounded() async -> Double {
    let total = messages / 4
    let elapsed = await bestTimeAsync {
        let (stream, continuation) = AsyncStream.makeStream(of: Int.self)
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                for i in 0..<total { continuation.yield(i) }
                continuation.finish()
            }
            group.addTask {
                var sum = 0
                for await value in stream { sum &+= value }
                if sum == -1 { print(sum) }
            }
        }
    }
    return elapsed / Double(total)
}

if enabled("async") {
    report("ConcRuntime", "async_bounded100_1p1c", await asyncFace(), "ns/msg")
    report("AsyncStream", "async_unbounded_1p1c", await asyncStreamUnbounded(), "ns/msg")
}

// MARK: Parallel map

func runMapBenchmarks() async {
    func sequentialLight(_ input: [Int]) -> [Int] { input.map(lightWork) }

    let lightInput = Array(0..<lightItems)
    let lightSequential = bestTime { _ = sequentialLight(lightInput).count }
    let lightParallel = bestTime { _ = lightInput.parallelMap { lightWork($0) }.count }
    report("ConcRuntime", "map_light_speedup", lightSequential / lightParallel, "x")
    report("ConcRuntime", "map_light_ms", lightParallel / 1e6, "ms")
    report("sequential", "map_light_ms", lightSequential / 1e6, "ms")

    let iterations = heavyIterations
    let heavyInput = Array(0..<heavyItems)
    let heavySequential = bestTime(repetitions: 1) { _ = heavyInput.map { heavyWork($0, iterations: iterations) }.count }
    let heavyParallel = bestTime(repetitions: 2) { _ = heavyInput.parallelMap { heavyWork($0, iterations: iterations) }.count }
    report("ConcRuntime", "map_heavy_speedup", heavySequential / heavyParallel, "x")
    report("sequential", "map_heavy_ms", heavySequential / 1e6, "ms")

    /// `DispatchQueue.concurrentPerform` over chunks, writing into a preallocated buffer.
    func concurrentPerformMap(_ input: [Int], chunks: Int, _ work: @Sendable @escaping (Int) -> Int) -> [Int] {
        let count = input.count
        return [Int](unsafeUninitializedCapacity: count) { buffer, initialized in
            nonisolated(unsafe) let base = buffer.baseAddress!
            input.withUnsafeBufferPointer { source in
                nonisolated(unsafe) let source = source
                DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                    let lower = chunk * count / chunks
                    let upper = (chunk + 1) * count / chunks
                    for index in lower..<upper { (base + index).initialize(to: work(source[index])) }
                }
            }
            initialized = count
        }
    }

    let cpLight = bestTime { _ = concurrentPerformMap(lightInput, chunks: activeProcessorCount * 8) { lightWork($0) }.count }
    report("concurrentPerform", "map_light_speedup", lightSequential / cpLight, "x")
    let cpHeavy = bestTime(repetitions: 2) {
        _ = concurrentPerformMap(heavyInput, chunks: heavyItems) { heavyWork($0, iterations: iterations) }.count
    }
    report("concurrentPerform", "map_heavy_speedup", heavySequential / cpHeavy, "x")

    /// A TaskGroup with one child per chunk.
    func taskGroupMap(_ input: [Int], chunks: Int, _ work: @Sendable @escaping (Int) -> Int) async -> [Int] {
        await withTaskGroup(of: (Int, [Int]).self) { group in
            let count = input.count
            for chunk in 0..<chunks {
                group.addTask {
                    let lower = chunk * count / chunks
                    let upper = (chunk + 1) * count / chunks
                    return (chunk, input[lower..<upper].map(work))
                }
            }
            var parts = [[Int]](repeating: [], count: chunks)
            for await (chunk, part) in group { parts[chunk] = part }
            return Array(parts.joined())
        }
    }

    let tgLight = await bestTimeAsync { _ = await taskGroupMap(lightInput, chunks: activeProcessorCount * 8) { lightWork($0) }.count }
    report("TaskGroup(chunked)", "map_light_speedup", lightSequential / tgLight, "x")
    let tgHeavy = await bestTimeAsync(repetitions: 2) {
        _ = await taskGroupMap(heavyInput, chunks: activeProcessorCount * 16) { heavyWork($0, iterations: iterations) }.count
    }
    report("TaskGroup(chunked)", "map_heavy_speedup", heavySequential / tgHeavy, "x")
}
if enabled("map") { await runMapBenchmarks() }

// MARK: Scope spawn + join

if enabled("scope") {
    let rounds = scopeRounds
    let scopeCost = bestTime {
        for _ in 0..<rounds {
            _ = try? withThreadScope { scope in scope.spawn { 1 }.isFinished }
        }
    }
    report("ConcRuntime", "scope_spawn_join", scopeCost / Double(rounds) / 1000, "us")
}
