// run: clean
import Foundation

var ready = false
let done = DispatchSemaphore(value: 0)
Thread {
    ready = true
    done.signal()
}.start()
done.wait()
print("ready:", ready)
