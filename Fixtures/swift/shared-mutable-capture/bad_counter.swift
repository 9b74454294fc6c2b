// run: race
import Foundation

var total = 0
DispatchQueue.concurrentPerform(iterations: 100_000) { index in
    total += index // want "shared-mutable-capture"
}
print("total:", total)
