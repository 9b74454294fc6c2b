// run: clean
import Foundation

let (lines, sink) = AsyncStream.makeStream(of: String.self) // want "unbounded-channel"
Thread {
    while let line = readLine() { sink.yield(line) }
    sink.finish()
}.start()
var count = 0
for await _ in lines { count += 1 }
print("lines", count)
