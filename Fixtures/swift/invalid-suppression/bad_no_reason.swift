// run: race
import Foundation

var ready = false
Thread {
    ready = true // want "shared-mutable-capture"
}.start()
// conclint:ignore sleep-as-sync // want "invalid-suppression"
Thread.sleep(forTimeInterval: 0.1) // want "sleep-as-sync"
print("ready:", ready)
