// run: clean
// The receive loop's task is kept in a property; `disconnect` takes it out of the property
// before cancelling and awaiting it, so the loop never outlives its client.
actor Client {
    private var task: Task<Void, Never>?
    private var received = 0

    func connect(_ stream: AsyncStream<Int>) {
        task = Task {
            for await _ in stream { self.count() }
        }
    }

    private func count() { received += 1 }

    func disconnect() async -> Int {
        let running = task
        task = nil
        running?.cancel()
        _ = await running?.value
        return received
    }
}

let (stream, continuation) = AsyncStream.makeStream(of: Int.self, bufferingPolicy: .bufferingNewest(8))
let client = Client()
await client.connect(stream)
continuation.yield(1)
continuation.finish()
print(await client.disconnect() <= 1)
