// run: clean
import ConcRuntime

let (sender, receiver) = Channel<Int>.unbounded() // want "unbounded-channel"
for value in 0..<10_000 { try sender.send(value) }
sender.close()
var total = 0
for value in receiver { total += value }
print(total)
