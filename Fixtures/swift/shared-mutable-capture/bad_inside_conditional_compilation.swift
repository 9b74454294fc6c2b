// run: race
// The racy code sits inside `#if` clauses, at file and at member level: every clause is analysed.
import Foundation

#if swift(>=5.9)
var total = 0
DispatchQueue.concurrentPerform(iterations: 100_000) { index in
    total += index // want "shared-mutable-capture"
}
print("total:", total)
#else
print("no concurrency on this compiler")
#endif

final class Meter: @unchecked Sendable {
    #if canImport(Foundation)
    var hits = 0

    func record() {
        Task.detached {
            self.hits += 1 // want "shared-mutable-capture"
        }
    }
    #endif
}

let meter = Meter()
for _ in 0..<10_000 { meter.record() }
try? await Task.sleep(nanoseconds: 50_000_000)
print(meter.hits)
