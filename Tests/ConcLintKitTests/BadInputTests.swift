import ConcReport
import Foundation
import Testing

@testable import ConcLintKit
@testable import conclint

/// Paths conclint cannot lint get a clear message, never a crash or a hang, and the run goes on.
@Suite("Bad input")
struct BadInputTests {
    /// Creates a file whose name is `bytes` (not necessarily UTF-8) in `directory`.
    private func createFile(named bytes: [UInt8], in directory: String) -> Bool {
        let path = Array(directory.utf8) + [UInt8(ascii: "/")] + bytes + [0]
        let descriptor = path.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_CREAT | O_WRONLY, 0o644) }
        }
        guard descriptor >= 0 else { return false }
        close(descriptor)
        return true
    }

    /// Removes the file whose name is `bytes` in `directory` (FileManager cannot spell it).
    private func removeFile(named bytes: [UInt8], in directory: String) {
        let path = Array(directory.utf8) + [UInt8(ascii: "/")] + bytes + [0]
        _ = path.withUnsafeBufferPointer { buffer in buffer.withMemoryRebound(to: CChar.self) { unlink($0.baseAddress!) } }
    }

    @Test("an argument like -hello.go is an unknown option with a hint to write ./-hello.go or use --")
    func dashFileNameIsAUsageError() {
        let message = DashArgument.usageError(in: ["Sources", "-hello.go"])
        #expect(message?.contains("unknown option '-hello.go'") == true)
        #expect(message?.contains("'./-hello.go'") == true)
        #expect(message?.contains("conclint -- -hello.go") == true)
        for fine in [["-h"], ["-"], ["--jobs", "-3"], ["--", "-hello.go"], ["--format=json", "a.go"]] {
            #expect(DashArgument.usageError(in: fine) == nil, "\(fine)")
        }
    }

    @Test("the executable exits 2 for -hello.go without linting, and lints it after -- or as ./-hello.go")
    func dashFileNameEndToEnd() async throws {
        guard let executable = conclintExecutable() else { return }
        try await withTemporaryDirectory { root in
            try write("let x = 1\n", to: "\(root)/-hello.go.swift")
            let refused = try runProcess(executable, ["-hello.go.swift"], in: root)
            #expect(refused.status == 2)
            #expect(refused.error.contains("unknown option '-hello.go.swift'"))
            #expect(!refused.output.contains("USAGE"), "no help text")
            for arguments in [["--", "-hello.go.swift"], ["./-hello.go.swift"]] {
                let linted = try runProcess(executable, ["--format", "json"] + arguments, in: root)
                #expect(linted.status == 0, "\(arguments)")
                #expect(linted.output.contains("\"files\" : 1"), "\(arguments)")
            }
        }
    }

    @Test("a FIFO named as a path, or found in a walk, is not a regular file and is never opened")
    func fifoIsNotARegularFile() async throws {
        try await withTemporaryDirectory { root in
            #expect(mkfifo("\(root)/pipe.swift", 0o644) == 0)
            try write("let x = 1\n", to: "\(root)/good.swift")
            let named = FileDiscovery().discover(["\(root)/pipe.swift"])
            #expect(named.files.isEmpty)
            #expect(named.problems.map(\.message) == ["not a regular file (a FIFO)"])
            // A run over the folder does not block on the FIFO and analyses the other file.
            let run = try await Linter(options: LintOptions(paths: [root], jobs: 1)).run()
            #expect(run.fileCount == 1)
            #expect(run.problems.map(\.path) == ["\(root)/pipe.swift"])
            #expect(run.problems.map(\.message) == ["not a regular file (a FIFO)"])
            let loaded = SourceLoader(maxFileSize: 1 << 20).load("\(root)/pipe.swift")
            #expect(loaded.source == nil)
            #expect(loaded.problems.map(\.message) == ["cannot read file: not a regular file (a FIFO)"])
        }
    }

    @Test("/dev/zero named as a path is not a regular file, not permission denied")
    func deviceIsNotARegularFile() {
        let result = FileDiscovery().discover(["/dev/zero"])
        #expect(result.problems.map(\.message) == ["not a regular file (a character device)"])
        #expect(result.problems.map(\.kind) == [.unsupported])
        #expect(SourceLoader(maxFileSize: 1 << 20).load("/dev/zero").problems.map(\.message)
            == ["cannot read file: not a regular file (a character device)"])
    }

    @Test("read failures are the system's errno text, never an NSError dump")
    func ioErrorsArePlainErrnoText() async throws {
        try await withTemporaryDirectory { root in
            let longName = "\(root)/" + String(repeating: "n", count: 300) + ".go"
            let loader = SourceLoader(maxFileSize: 1 << 20)
            #expect(loader.load(longName).problems.map(\.message) == ["cannot read file: file name too long"])
            try FileManager.default.createDirectory(atPath: "\(root)/folder.swift", withIntermediateDirectories: true)
            #expect(loader.load("\(root)/folder.swift").problems.map(\.message) == ["cannot read file: is a directory"])
            #expect(throws: ConfigurationError(path: root, message: "cannot read the configuration file: is a directory")) {
                try ConfigurationLoader().load(path: root)
            }
            #expect(FileStatus.errorText(EACCES) == "permission denied")
        }
    }

    @Test("a symlink loop is reported as a symlink loop, not as a dangling link")
    func symlinkLoopIsNamed() async throws {
        try await withTemporaryDirectory { root in
            try FileManager.default.createSymbolicLink(atPath: "\(root)/a.swift", withDestinationPath: "\(root)/b.swift")
            try FileManager.default.createSymbolicLink(atPath: "\(root)/b.swift", withDestinationPath: "\(root)/a.swift")
            try FileManager.default.createSymbolicLink(atPath: "\(root)/gone.swift", withDestinationPath: "\(root)/missing")
            let walked = FileDiscovery().discover([root])
            #expect(walked.files.isEmpty)
            #expect(walked.problems.map(\.message) == [
                "cannot read file: symlink loop: too many levels of symbolic links",
                "cannot read file: symlink loop: too many levels of symbolic links",
                "cannot read file: dangling symbolic link: its target does not exist",
            ])
            let named = FileDiscovery().discover(["\(root)/a.swift"])
            #expect(named.problems.map(\.message) == ["symlink loop: too many levels of symbolic links"])
            #expect(SourceLoader(maxFileSize: 1 << 20).load("\(root)/a.swift").problems.map(\.message)
                == ["cannot read file: symlink loop: too many levels of symbolic links"])
        }
    }

    @Test("a source file whose name is not valid UTF-8 is reported, with the bad bytes escaped")
    func nonUTF8FileNameIsReported() async throws {
        try await withTemporaryDirectory { root in
            let name = Array("caf".utf8) + [0xE9] + Array(".go".utf8)
            guard createFile(named: name, in: root) else {
                print("skipped: the file system refuses a name that is not UTF-8")
                return
            }
            defer { removeFile(named: name, in: root) }
            try write("package p\n", to: "\(root)/ok.go")
            let result = FileDiscovery().discover([root])
            #expect(result.files == ["\(root)/ok.go"])
            #expect(result.problems.map(\.path) == ["\(root)/caf\\xE9.go"])
            #expect(result.problems.map(\.kind) == [.unreadable])
            #expect(result.problems.first?.message.contains("not valid UTF-8") == true)
        }
    }
}
