// run: clean
import Foundation

// A watchdog that ends the process is not meant to be waited for.
let watchdog = Thread {
    Thread.sleep(forTimeInterval: 5)
    print("no progress after 5s")
    exit(2)
}
watchdog.start()
let done = DispatchSemaphore(value: 0)
DispatchQueue.global().async { done.signal() }
done.wait()
print("finished")
