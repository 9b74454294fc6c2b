// run: race
import Foundation

var ready = false
Thread {
    // conclint:ignore shared-mutable-capture -- a demo of a flag race, read only for logging
    ready = true
}.start()
// conclint:ignore sleep-as-sync -- the demo prints whatever it sees
Thread.sleep(forTimeInterval: 0.1)
print("ready:", ready)
