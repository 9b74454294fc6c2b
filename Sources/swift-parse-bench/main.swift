// swift-parse-bench: the parse-only baseline for scripts/bench-swift.sh.
//
// Parses every Swift file given on the command line (or listed, one path a line, in `--list FILE`)
// with SwiftParser and drops the tree: no diagnostics, no lowering, no rules. Files are read and
// parsed in parallel on as many child tasks as there are active cores, the way conclint's Linter
// schedules files, so the two wall times compare like for like.
//
//   swift-parse-bench FILE…
//   swift-parse-bench --list FILE
//
// Prints the file count, total bytes and wall seconds (reading included, as conclint reads too).
import Foundation
import SwiftParser

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("swift-parse-bench: \(message)\n".utf8))
    exit(2)
}

func paths(_ arguments: [String]) -> [String] {
    if arguments.count == 2, arguments[0] == "--list" {
        guard let text = try? String(contentsOfFile: arguments[1], encoding: .utf8) else {
            fail("cannot read \(arguments[1])")
        }
        return text.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
    }
    return arguments
}

/// Reads and parses one file; returns its size in bytes (0 when unreadable).
@Sendable func parseFile(_ path: String) -> Int {
    guard let data = FileManager.default.contents(atPath: path) else { return 0 }
    let bytes = [UInt8](data)
    let tree = bytes.withUnsafeBufferPointer { Parser.parse(source: $0) }
    withExtendedLifetime(tree) {}
    return bytes.count
}

let files = paths(Array(CommandLine.arguments.dropFirst()))
guard !files.isEmpty else { fail("usage: swift-parse-bench FILE… | --list FILE") }
let width = max(1, ProcessInfo.processInfo.activeProcessorCount)
let clock = ContinuousClock()
let start = clock.now
let totalBytes = await withTaskGroup(of: Int.self) { group in
    var next = 0
    var total = 0
    while next < min(width, files.count) {
        let path = files[next]
        group.addTask { parseFile(path) }
        next += 1
    }
    for await bytes in group {
        total += bytes
        if next < files.count {
            let path = files[next]
            group.addTask { parseFile(path) }
            next += 1
        }
    }
    return total
}
let elapsed = clock.now - start
let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
print("files \(files.count) bytes \(totalBytes) seconds \(String(format: "%.3f", seconds))")
