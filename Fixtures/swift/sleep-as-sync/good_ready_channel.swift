// run: clean
import ConcRuntime
import Foundation

// The server says it is ready on a channel instead of the client sleeping until it might be.
let (ready, started) = Channel<Int>.bounded(1)
let (stop, stopRequested) = Channel<Void>.bounded(1)
try withThreadScope { scope in
    _ = scope.spawn {
        try ready.send(8080)
        try stopRequested.receive()
    }
    let port = try started.receive()
    print("server listening on", port)
    try stop.send(())
}
print("server stopped")
