import ConcReport
import Foundation
import Testing

/// `scripts/install.sh`, run on the debug conclint this test bundle was built with
/// (`CONCLINT_INSTALL_BINARY`), so no release build is needed.
@Suite("Install script")
struct InstallScriptTests {
    static let script = packageRoot + "/scripts/install.sh"

    @Test("install.sh PREFIX installs a conclint that runs into PREFIX/bin, and again over it")
    func installsIntoPrefixIdempotently() async throws {
        guard let conclint = builtConclint() else {
            print("skipped: conclint executable not found")
            return
        }
        try await withTemporaryDirectory { root in
            let prefix = "\(root)/prefix with space"
            for _ in 0..<2 {
                let result = try runProcess(
                    "/bin/bash", [Self.script, prefix], environment: ["CONCLINT_INSTALL_BINARY": conclint])
                #expect(result.status == 0, "\(result.error)")
                #expect(result.output.contains("installed \(prefix)/bin/conclint"))
                #expect(result.output.contains("conclint \(ToolInfo.versionDescription)"))
            }
            let installed = "\(prefix)/bin/conclint"
            #expect(FileManager.default.isExecutableFile(atPath: installed))
            let version = try runProcess(installed, ["--version"])
            #expect(version.status == 0)
            #expect(version.output.contains(ToolInfo.versionDescription))
            // Only the binary: no staging copies left behind.
            #expect(try FileManager.default.contentsOfDirectory(atPath: "\(prefix)/bin") == ["conclint"])
        }
    }

    @Test("a relative PREFIX is taken from the working directory")
    func relativePrefix() async throws {
        guard let conclint = builtConclint() else {
            print("skipped: conclint executable not found")
            return
        }
        try await withTemporaryDirectory { root in
            let result = try runProcess(
                "/bin/bash", [Self.script, "tools"], in: root, environment: ["CONCLINT_INSTALL_BINARY": conclint])
            #expect(result.status == 0, "\(result.error)")
            #expect(FileManager.default.isExecutableFile(atPath: "\(root)/tools/bin/conclint"))
        }
    }

    @Test("a PREFIX that cannot hold a bin folder, a missing binary or a stray option is a clear error")
    func clearErrors() async throws {
        try await withTemporaryDirectory { root in
            try write("not a folder\n", to: "\(root)/file")
            let blocked = try runProcess(
                "/bin/bash", [Self.script, "\(root)/file/prefix"], environment: ["CONCLINT_INSTALL_BINARY": "/bin/true"])
            #expect(blocked.status == 1)
            #expect(blocked.error.contains("cannot write to \(root)/file/prefix/bin"))

            let missing = try runProcess(
                "/bin/bash", [Self.script, "\(root)/prefix"], environment: ["CONCLINT_INSTALL_BINARY": "\(root)/nope"])
            #expect(missing.status == 1)
            #expect(missing.error.contains("is not an executable file"))

            let option = try runProcess("/bin/bash", [Self.script, "--prefix", root])
            #expect(option.status == 1)
            #expect(option.error.contains("unknown option '--prefix'"))

            let help = try runProcess("/bin/bash", [Self.script, "--help"])
            #expect(help.status == 0)
            #expect(help.output.contains("usage: scripts/install.sh [PREFIX]"))
        }
    }

    @Test("the release build uses the scratch path the benchmarks and the CI example cache")
    func releaseBuildCommand() throws {
        let text = try String(contentsOfFile: Self.script, encoding: .utf8)
        #expect(text.contains("swift build -c release --scratch-path .build-release --product conclint"))
        #expect(FileManager.default.isExecutableFile(atPath: Self.script))
    }
}
