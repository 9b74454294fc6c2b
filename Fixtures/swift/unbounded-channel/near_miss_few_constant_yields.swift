// run: clean
import Foundation

// Five values at most: the default policy cannot grow far.
let (numbers, feed) = AsyncStream<Int>.makeStream()
for n in 0..<5 { feed.yield(n) }
feed.finish()
var sum = 0
for await n in numbers { sum += n }
print(sum)
