// run: clean
import ConcRuntime

let (sender, receiver) = Channel<Int>.bounded(64)
withThreadScope { scope in
    scope.spawn {
        for value in 0..<10_000 { sender.send(value) }
        sender.close()
    }
    var total = 0
    for value in receiver { total += value }
    print(total)
}
