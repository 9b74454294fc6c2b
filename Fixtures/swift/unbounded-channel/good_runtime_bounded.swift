// run: clean
import ConcRuntime

let (sender, receiver) = Channel<Int>.bounded(64)
try withThreadScope { scope in
    _ = scope.spawn {
        for value in 0..<10_000 { try sender.send(value) }
        sender.close()
    }
    var total = 0
    for value in receiver { total += value }
    print(total)
}
