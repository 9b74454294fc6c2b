// run: race
import Foundation

func announce() -> String {
    let done = DispatchSemaphore(value: 0)
    var label = "starting"
    DispatchQueue.global().async {
        print("label:", label) // want "callback-race"
        done.signal()
    }
    label = "started"
    done.wait()
    return label
}

print(announce())
