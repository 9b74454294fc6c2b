// run: clean
import Foundation

// One writer, and the creator reads only after waiting for it.
var answer = 0
let done = DispatchSemaphore(value: 0)
DispatchQueue.global().async {
    answer = 42
    done.signal()
}
done.wait()
print(answer)
