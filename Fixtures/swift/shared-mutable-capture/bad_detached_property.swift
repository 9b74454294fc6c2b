// run: race
import Foundation

final class Meter: @unchecked Sendable {
    var hits = 0

    func record() {
        Task.detached {
            self.hits += 1 // want "shared-mutable-capture"
        }
    }
}

let meter = Meter()
for _ in 0..<10_000 { meter.record() }
try? await Task.sleep(nanoseconds: 50_000_000)
print(meter.hits)
