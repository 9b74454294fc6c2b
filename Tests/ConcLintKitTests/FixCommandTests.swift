import ConcLintKit
import Foundation
import Testing

@testable import conclint

/// `conclint --fix` and `--diff` from the command line.
@Suite("Fix command line")
struct FixCommandTests {
    @Test("--fix and --diff exclude each other and --write-baseline")
    func fixOptionsExcludeEachOther() {
        #expect(throws: (any Error).self) { try LintCommand.parse(["--fix", "--diff"]) }
        #expect(throws: (any Error).self) { try LintCommand.parse(["--fix", "--write-baseline", "b.json"]) }
        #expect((try? LintCommand.parse(["--fix"]))?.fix == true)
    }

    @Test("--diff writes nothing; --fix rewrites the file and reports what remains")
    func diffWritesNothingAndFixWrites() async throws {
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidates = [binary, binary.deletingLastPathComponent(), binary.deletingLastPathComponent().deletingLastPathComponent()]
            .map { $0.appending(path: "conclint").path }
        guard let executable = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            print("skipped: conclint executable not found near \(binary.path)")
            return
        }
        try await withTemporaryDirectory { root in
            let path = "\(root)/price.go"
            try write(FixApplierTests.leakingSend, to: path)
            let diff = try run(executable, ["--diff", path])
            #expect(diff.status == 1, "the exit status is the lint's")
            #expect(diff.output.contains("+\ttotal := make(chan int, 1)"))
            #expect(diff.output.contains("[safe] blocking-send-leak:"))
            #expect(try String(contentsOfFile: path, encoding: .utf8) == FixApplierTests.leakingSend)
            let plain = try run(executable, [path])
            #expect(try String(contentsOfFile: path, encoding: .utf8) == FixApplierTests.leakingSend, "without --fix nothing is written")
            #expect(plain.status == 1)
            let fixed = try run(executable, ["--fix", path])
            #expect(fixed.status == 0, "nothing remains after the fix")
            #expect(try String(contentsOfFile: path, encoding: .utf8).contains("make(chan int, 1)"))
        }
    }

    private func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
