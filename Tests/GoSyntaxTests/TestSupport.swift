import Foundation
@testable import GoSyntax

/// Parses `source` as a file named `test.go`.
func parse(_ source: String) -> ParseResult {
    GoParser.parse(source: source, path: "test.go")
}

/// Parses `body` wrapped in `package p; func f() { … }` and returns the function's statements.
func statements(_ body: String) -> (stmts: [Stmt], diagnostics: [Diagnostic]) {
    let result = parse("package p\nfunc f() {\n\(body)\n}\n")
    let fn = result.file.decls.compactMap { $0 as? FuncDecl }.first
    return (fn?.body?.list ?? [], result.diagnostics)
}

/// The node kinds of the tree, in walk order, as `go/ast` names.
func kinds(_ node: Node) -> [String] {
    var out: [String] = []
    node.inspect { n in
        out.append(n.kind.rawValue)
        return true
    }
    return out
}

/// All tokens of `source` with their text (semicolons inserted at newlines show as `"\n"`).
func tokens(_ source: String) -> [(Token, String)] {
    let bytes = Array(source.utf8)
    return bytes.withUnsafeBufferPointer { buffer in
        var scanner = Scanner(buffer)
        var out: [(Token, String)] = []
        while true {
            let t = scanner.scan()
            if t == .eof { break }
            let text = t == .semicolon && scanner.isNewlineSemicolon
                ? "\n" : String(decoding: buffer[scanner.tokPos..<scanner.tokEnd], as: UTF8.self)
            out.append((t, text))
            if out.count > 10_000 { break }
        }
        return out
    }
}

/// The scanner errors for `source`.
func scanErrors(_ source: [UInt8]) -> [String] {
    source.withUnsafeBufferPointer { buffer in
        var scanner = Scanner(buffer)
        while scanner.scan() != .eof {}
        return scanner.errors.map(\.message)
    }
}

/// GOROOT of the `go` toolchain on PATH, or nil when there is none.
func goRoot() -> String? {
    guard let out = run(["go", "env", "GOROOT"]) else { return nil }
    let root = out.trimmingCharacters(in: .whitespacesAndNewlines)
    return root.isEmpty ? nil : root
}

/// Runs a command found on PATH; returns its standard output, or nil if it fails.
func run(_ arguments: [String], currentDirectory: String? = nil) -> String? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    if let currentDirectory { process.currentDirectoryURL = URL(fileURLWithPath: currentDirectory) }
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    do { try process.run() } catch { return nil }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { return nil }
    return String(decoding: data, as: UTF8.self)
}

/// A fixed sample of `count` `.go` files under `GOROOT/src` (every n-th of the sorted list).
func corpusSample(root: String, count: Int) -> [String] {
    let src = root + "/src"
    guard let enumerator = FileManager.default.enumerator(atPath: src) else { return [] }
    var all: [String] = []
    while let rel = enumerator.nextObject() as? String {
        if rel.hasSuffix(".go") { all.append(src + "/" + rel) }
    }
    all.sort()
    guard !all.isEmpty else { return [] }
    let step = max(1, all.count / count)
    return stride(from: 0, to: all.count, by: step).map { all[$0] }
}

/// A deterministic pseudo-random generator (SplitMix64), so test inputs are reproducible.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
