// run: clean
import Foundation

// One task per connection the server already holds is sized by the server's own state, not by
// input: closing each is proportionate to what is already open.
final class Connection: Sendable {
    let id: Int
    init(id: Int) { self.id = id }
    func close() async { _ = id }
}

final class Server: Sendable {
    let connections: [Connection] = (0..<4).map { Connection(id: $0) }

    func closeAll() async {
        var closing: [Task<Void, Never>] = []
        for connection in connections {
            closing.append(Task { await connection.close() })
        }
        for task in closing { await task.value }
    }
}

await Server().closeAll()
print("closed")
