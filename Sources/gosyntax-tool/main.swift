// gosyntax-tool: command-line driver for the GoSyntax parser (dump, parse and benchmark).
//
//   gosyntax-tool dump FILE…            the node-kind dump of each file (see ASTDump)
//   gosyntax-tool dump --list LISTFILE  the same for every path listed (one per line), each file
//                                       preceded by "== PATH" and an "errors N" line
//   gosyntax-tool parse FILE… | --list LISTFILE
//                                       parses every file; prints files, bytes, lines, error count,
//                                       parse time (reading excluded) and MB/s
//   gosyntax-tool errors FILE…          prints each diagnostic as path:line:col: message
import Foundation
import GoSyntax

func readList(_ path: String) -> [String] {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
        FileHandle.standardError.write("gosyntax-tool: cannot read \(path)\n".data(using: .utf8)!)
        exit(2)
    }
    return text.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
}

func files(_ args: ArraySlice<String>) -> [String] {
    if args.first == "--list", args.count >= 2 { return readList(args[args.startIndex + 1]) }
    return Array(args)
}

func read(_ path: String) -> [UInt8]? {
    guard let data = FileManager.default.contents(atPath: path) else { return nil }
    return [UInt8](data)
}

func write(_ s: String) {
    FileHandle.standardOutput.write(s.data(using: .utf8) ?? Data())
}

let args = CommandLine.arguments
guard args.count >= 3 else {
    FileHandle.standardError.write("usage: gosyntax-tool dump|parse|errors FILE… | --list LISTFILE\n".data(using: .utf8)!)
    exit(2)
}
let paths = files(args[2...])
switch args[1] {
case "dump":
    let multi = args[2] == "--list"
    for path in paths {
        guard let bytes = read(path) else {
            write("== \(path)\nerrors 1\n")  // unreadable (e.g. a directory)
            continue
        }
        let result = GoParser.parse(source: bytes, path: path)
        if multi {
            // Same layout as the Go oracle: files with syntax errors get no dump.
            let ok = result.diagnostics.isEmpty
            write("== \(path)\nerrors \(ok ? 0 : 1)\n" + (ok ? ASTDump.dump(result.file) : ""))
        } else {
            write(ASTDump.dump(result.file))
        }
    }
case "errors":
    var count = 0
    for path in paths {
        guard let bytes = read(path) else { continue }
        for d in GoParser.parse(source: bytes, path: path).diagnostics {
            count += 1
            write("\(path):\(d.position.line):\(d.position.column): \(d.message)\n")
        }
    }
    exit(count == 0 ? 0 : 1)
case "parse":
    let sources = paths.compactMap(read)
    var bytes = 0
    var lines = 0
    for s in sources {
        bytes += s.count
        for b in s where b == 10 { lines += 1 }
    }
    var errors = 0
    var filesWithErrors = 0
    let clock = ContinuousClock()
    let elapsed = clock.measure {
        for (i, s) in sources.enumerated() {
            let n = GoParser.parse(source: s, path: paths[i]).diagnostics.count
            errors += n
            if n > 0 { filesWithErrors += 1 }
        }
    }
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    write("files \(sources.count) bytes \(bytes) lines \(lines) errors \(errors) files-with-errors \(filesWithErrors)\n")
    write(String(format: "seconds %.3f MB/s %.1f\n", seconds, Double(bytes) / 1e6 / max(seconds, 1e-9)))
default:
    FileHandle.standardError.write("gosyntax-tool: unknown command \(args[1])\n".data(using: .utf8)!)
    exit(2)
}
