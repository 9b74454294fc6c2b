// run: skip
let (updates, continuation) = AsyncStream.makeStream(of: Int.self)
let watcher = Watcher(updates: updates)
watcher.start()
continuation.yield(1)
watcher.shutdown()
