import Foundation
import Testing
@testable import GoSyntax

/// The differential test against `go/parser` on a fixed sample of the Go standard library.
///
/// Runs only when a `go` toolchain is on PATH (CI installs one); the oracle in `Tests/GoOracle` is
/// built once per run with `go build`. `scripts/gosyntax-corpus.sh` runs the same comparison over all
/// of `GOROOT/src`.
@Suite("Corpus", .enabled(if: goRoot() != nil, "no `go` toolchain on PATH (the corpus is its GOROOT/src)"))
struct CorpusTests {
    /// Number of GOROOT/src files in the sample (plus go/parser's own test inputs).
    static let sampleSize = 300

    /// The directory of the Go oracle program, found from this source file (symlinks resolved).
    static func oracleDirectory() -> String? {
        let here = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        let dir = here.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("GoOracle")
        return FileManager.default.fileExists(atPath: dir.path + "/main.go") ? dir.path : nil
    }

    /// Splits the oracle's `--list` output into per-file blocks.
    static func blocks(_ text: String) -> [String: [Substring]] {
        var out: [String: [Substring]] = [:]
        var current: String?
        var lines: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("== ") {
                if let current { out[current] = lines }
                current = String(line.dropFirst(3))
                lines = []
            } else if !line.isEmpty {
                lines.append(line)
            }
        }
        if let current { out[current] = lines }
        return out
    }

    @Test("GoSyntax agrees with go/parser on a fixed sample of GOROOT/src: same node kinds and positions, errors exactly where go/parser has them")
    func differentialSample() throws {
        let root = try #require(goRoot())
        let oracleDir = try #require(Self.oracleDirectory(), "Tests/GoOracle not found")
        let temp = FileManager.default.temporaryDirectory.appendingPathComponent("gosyntax-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: temp, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: temp) }
        let oracle = temp.appendingPathComponent("gooracle").path
        try #require(run(["go", "build", "-o", oracle, "."], currentDirectory: oracleDir) != nil, "go build failed")

        var files = corpusSample(root: root, count: Self.sampleSize)
        let testdata = root + "/src/go/parser/testdata"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: testdata)) ?? [] where !name.hasPrefix(".") {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: testdata + "/" + name, isDirectory: &isDir), !isDir.boolValue {
                files.append(testdata + "/" + name)
            }
        }
        let list = temp.appendingPathComponent("files.txt")
        try files.joined(separator: "\n").write(to: list, atomically: true, encoding: .utf8)
        let output = try #require(run([oracle, "--list", list.path]), "oracle failed")
        let expected = Self.blocks(output)
        #expect(expected.count == files.count)

        var agreed = 0
        var rejected = 0
        for path in files {
            let want = try #require(expected[path])
            let bytes = try #require(FileManager.default.contents(atPath: path))
            let result = GoParser.parse(source: [UInt8](bytes), path: path)
            if want.first == "errors 1" {
                rejected += 1
                #expect(!result.diagnostics.isEmpty, "go/parser rejects \(path) but GoSyntax reports no error")
                continue
            }
            #expect(result.diagnostics.isEmpty, "\(path): \(result.diagnostics.prefix(3))")
            let got = ASTDump.dump(result.file).split(separator: "\n")
            let firstDifference = zip(want.dropFirst(), got).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            #expect(Array(want.dropFirst()) == got,
                    "\(path): dumps differ at line \(firstDifference ?? min(want.count - 1, got.count))")
            if Array(want.dropFirst()) == got { agreed += 1 }
        }
        #expect(agreed + rejected == files.count)
        #expect(rejected > 0, "the sample should include inputs go/parser rejects")
    }
}
