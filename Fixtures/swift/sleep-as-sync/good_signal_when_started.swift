// run: clean
import Foundation

final class Server: @unchecked Sendable {
    var port: Int?
    let started = DispatchSemaphore(value: 0)
    private let stopped = DispatchSemaphore(value: 0)
    func run() { port = 8080; started.signal(); stopped.wait() }
    func stop() { stopped.signal() }
}

let server = Server()
DispatchQueue.global().async {
    server.started.wait()
    print("stopping server on", server.port ?? 0)
    server.stop()
}
server.run()
