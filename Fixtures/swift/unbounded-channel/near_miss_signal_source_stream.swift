// run: clean
import Dispatch
import Foundation

// A stream fed by a signal source's handler: it runs once per OS signal, and Dispatch merges
// signals that arrive while one is pending, so the producer cannot outrun the consumer.
signal(SIGUSR1, SIG_IGN)
let source = DispatchSource.makeSignalSource(signal: SIGUSR1, queue: DispatchQueue(label: "signals"))
let signals = AsyncStream<Int32> { continuation in
    source.setEventHandler {
        continuation.yield(SIGUSR1)
    }
    source.setCancelHandler {
        continuation.finish()
    }
}
source.resume()
kill(getpid(), SIGUSR1)
for await received in signals {
    print("received signal", received)
    break
}
source.cancel()
