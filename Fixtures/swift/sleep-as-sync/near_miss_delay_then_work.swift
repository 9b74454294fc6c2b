// run: clean
import Foundation

// The spawned work waits before doing its own job; nothing it reads is the creator's.
let done = DispatchSemaphore(value: 0)
DispatchQueue.global().async {
    Thread.sleep(forTimeInterval: 0.01)
    print("retrying")
    done.signal()
}
done.wait()
