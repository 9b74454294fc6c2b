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
// The source is armed asynchronously after `resume()`: keep signalling until one arrives, so a
// signal sent before it is armed (and ignored) cannot hang the run.
let sender = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "sender"))
sender.schedule(deadline: .now(), repeating: .milliseconds(20))
sender.setEventHandler { kill(getpid(), SIGUSR1) }
sender.resume()
for await received in signals {
    print("received signal", received)
    break
}
sender.cancel()
source.cancel()
