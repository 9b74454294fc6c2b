// run: race
import Foundation

final class Server: @unchecked Sendable {
    var port: Int?
    private let stopped = DispatchSemaphore(value: 0)
    func run() { port = 8080; stopped.wait() }
    func stop() { stopped.signal() }
}

let server = Server()
DispatchQueue.global().async {
    Thread.sleep(forTimeInterval: 0.2) // want "sleep-as-sync"
    print("stopping server on", server.port ?? 0)
    server.stop()
}
server.run()
