// run: clean
import Foundation

final class Service: @unchecked Sendable {
    private let stopped = DispatchSemaphore(value: 0)
    func run() { stopped.wait() }
    func stop() { stopped.signal() }
}

// `run` blocks until the work item stops the service.
let service = Service()
DispatchQueue.global().async {
    service.stop()
}
service.run()
print("stopped")
