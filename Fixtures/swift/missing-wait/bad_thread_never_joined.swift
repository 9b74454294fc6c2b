// run: clean
import Foundation

let worker = Thread { // want "missing-wait"
    print("flushing caches")
}
worker.start()
print("exiting")
