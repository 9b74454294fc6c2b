// run: clean
import Foundation

let log = "// conclint:ignore sleep-as-sync"
Thread {
    print(log)
}.start()
// conclint:ignore sleep-as-sync -- a demo: the thread only logs, nothing reads its result
Thread.sleep(forTimeInterval: 0.1)
