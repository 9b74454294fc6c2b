// run: clean
import ConcRuntime

// The async face of a ConcRuntime channel: the producer suspends while the channel is full and
// the consumer suspends while it is empty; neither blocks a cooperative thread.
func produceAndSum(_ count: Int) async throws -> Int {
    let (sender, receiver) = Channel<Int>.bounded(8)
    let producer = Task {
        for value in 1...count { try await sender.send(value) }
        sender.close()
    }
    var total = 0
    for await value in receiver { total += value }
    try await producer.value
    return total
}

print("sum:", try await produceAndSum(1_000))
