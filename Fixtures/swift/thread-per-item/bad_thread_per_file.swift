// run: clean
import Foundation

let paths = (0..<32).map { "/tmp/conclint-\($0)" }
let finished = DispatchSemaphore(value: 0)
for path in paths {
    Thread { // want "thread-per-item"
        _ = FileManager.default.fileExists(atPath: path)
        finished.signal()
    }.start()
}
for _ in paths { finished.wait() }
print("checked", paths.count)
