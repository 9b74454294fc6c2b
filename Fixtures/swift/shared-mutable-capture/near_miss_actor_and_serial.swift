// run: clean
import Foundation

actor Tally {
    var count = 0
    func bump() { count += 1 }
}

final class Log: @unchecked Sendable {
    private let queue = DispatchQueue(label: "log")
    private var lines: [String] = []

    func add(_ line: String) {
        queue.async { self.lines.append(line) }
    }

    var count: Int { queue.sync { lines.count } }
}

let tally = Tally()
let log = Log()
await withTaskGroup(of: Void.self) { group in
    for index in 0..<8 {
        group.addTask {
            await tally.bump()
            log.add("task \(index)")
        }
    }
}
print(await tally.count, log.count)
