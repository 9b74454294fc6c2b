// gosyntax-tool: command-line driver for the GoSyntax parser (dump, parse, benchmark, mutation).
//
//   gosyntax-tool dump FILE…             the node-kind dump of each file (see ASTDump)
//   gosyntax-tool dump --list LISTFILE   the same for every listed path (one per line), each preceded
//                                        by "== PATH" and "errors 0|1"; files with errors get no dump
//   gosyntax-tool errors FILE… | --list LISTFILE
//                                        each diagnostic as path:line:col: message (exit 1 if any)
//   gosyntax-tool parse FILE… | --list LISTFILE
//                                        reads every file first, then parses them one after another
//                                        on one thread; prints files, bytes, lines, errors, seconds
//                                        (parsing only), MB/s and CPU seconds
//   gosyntax-tool parse --stream --list LISTFILE
//                                        reads and parses one file at a time (for peak-memory runs)
//   gosyntax-tool mutate [--seed N] [--mutants K] --list LISTFILE
//                                        parses K mutants of every file (truncated, bytes flipped,
//                                        both); prints counts and the slowest parse
import Foundation
import GoSyntax

/// Writes `text` to standard output.
func write(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
}

/// Prints `message` to standard error and exits with status 2.
func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("gosyntax-tool: \(message)\n".utf8))
    exit(2)
}

/// The non-empty lines of the file at `path`.
func readList(_ path: String) -> [String] {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { fail("cannot read \(path)") }
    return text.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
}

/// The contents of the file at `path`, or nil if it cannot be read (a directory, say).
func read(_ path: String) -> [UInt8]? {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
        let data = FileManager.default.contents(atPath: path)
    else { return nil }
    return [UInt8](data)
}

/// Command-line options: `--name value` pairs and flags, the rest are file paths.
struct Options {
    var values: [String: String] = [:]
    var flags: Set<String> = []
    var paths: [String] = []

    init(_ arguments: ArraySlice<String>) {
        var it = arguments.makeIterator()
        while let arg = it.next() {
            switch arg {
            case "--list", "--seed", "--mutants": values[arg] = it.next() ?? ""
            case "--stream": flags.insert(arg)
            default: paths.append(arg)
            }
        }
        if let list = values["--list"] { paths += readList(list) }
    }
}

func seconds(_ d: Duration) -> Double {
    Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
}

/// User + system CPU time of the process so far, in seconds (robust against other load on the machine).
func cpuSeconds() -> Double {
    var usage = rusage()
    #if os(Linux)
    let who = __rusage_who_t(RUSAGE_SELF.rawValue)
    #else
    let who = RUSAGE_SELF
    #endif
    guard getrusage(who, &usage) == 0 else { return 0 }
    func s(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
    return s(usage.ru_utime) + s(usage.ru_stime)
}

func dump(_ options: Options) {
    let listed = options.values["--list"] != nil
    for path in options.paths {
        guard let bytes = read(path) else {
            write(listed ? "== \(path)\nerrors 1\n" : "")  // unreadable counts as an error
            continue
        }
        let result = GoParser.parse(source: bytes, path: path)
        if listed {
            let ok = result.diagnostics.isEmpty
            write("== \(path)\nerrors \(ok ? 0 : 1)\n" + (ok ? ASTDump.dump(result.file) : ""))
        } else {
            write(ASTDump.dump(result.file))
        }
    }
}

func errors(_ options: Options) -> Int32 {
    var count = 0
    for path in options.paths {
        guard let bytes = read(path) else { continue }
        for d in GoParser.parse(source: bytes, path: path).diagnostics {
            count += 1
            write("\(path):\(d.position.line):\(d.position.column): \(d.message)\n")
        }
    }
    return count == 0 ? 0 : 1
}

func parse(_ options: Options) {
    var bytes = 0
    var lines = 0
    var errors = 0
    var filesWithErrors = 0
    var files = 0
    var elapsed = Duration.zero
    var cpu = 0.0
    let clock = ContinuousClock()
    func account(_ source: [UInt8], _ path: String) {
        files += 1
        bytes += source.count
        lines += source.reduce(0) { $0 + ($1 == 10 ? 1 : 0) }
        var n = 0
        let cpu0 = cpuSeconds()
        elapsed += clock.measure { n = GoParser.parse(source: source, path: path).diagnostics.count }
        cpu += cpuSeconds() - cpu0
        errors += n
        if n > 0 { filesWithErrors += 1 }
    }
    if options.flags.contains("--stream") {
        for path in options.paths { if let s = read(path) { account(s, path) } }
    } else {
        let sources = options.paths.map { ($0, read($0)) }
        for (path, source) in sources { if let source { account(source, path) } }
    }
    let secs = seconds(elapsed)
    write("files \(files) bytes \(bytes) lines \(lines) errors \(errors) files-with-errors \(filesWithErrors)\n")
    write(String(format: "seconds %.3f MB/s %.1f cpu-seconds %.3f\n", secs, Double(bytes) / 1e6 / max(secs, 1e-9), cpu))
}

let arguments = CommandLine.arguments
guard arguments.count >= 3 else { fail("usage: gosyntax-tool dump|errors|parse|mutate [options] FILE… | --list LISTFILE") }
let options = Options(arguments[2...])
switch arguments[1] {
case "dump": dump(options)
case "errors": exit(errors(options))
case "parse": parse(options)
case "mutate": mutate(options)
default: fail("unknown command \(arguments[1])")
}
