import ConcLintKit
import Foundation
import Testing

@testable import conclint

@Suite("fixtures run command line")
struct FixturesCommandTests {
    @Test("fixtures run is a subcommand; its defaults are Fixtures, every rule and language, 20 s, the cores")
    func defaults() throws {
        #expect(try ConclintCommand.parseAsRoot(["fixtures", "run"]) is FixturesRunCommand)
        let command = try FixturesRunCommand.parse([])
        #expect(command.directory == "Fixtures")
        #expect(command.rules.isEmpty && command.language == nil && command.packagePath == nil)
        #expect(command.timeout == 20)
        #expect(command.jobs == ProcessInfo.processInfo.activeProcessorCount)
    }

    @Test("options parse into the runner's options")
    func options() throws {
        let command = try FixturesRunCommand.parse([
            "Fixtures/go", "--rule", "missing-wait", "--rule", "sleep-as-sync", "--language", "go", "--timeout", "5",
            "--jobs", "1", "--package-path", "..",
        ])
        let options = command.options
        #expect(options.directory == "Fixtures/go")
        #expect(options.rules == ["missing-wait", "sleep-as-sync"])
        #expect(options.language == .go)
        #expect(options.timeoutSeconds == 5 && options.jobs == 1 && options.packagePath == "..")
    }

    @Test("bad values are usage errors")
    func badValues() {
        #expect(throws: (any Error).self) { try FixturesRunCommand.parse(["--language", "rust"]) }
        #expect(throws: (any Error).self) { try FixturesRunCommand.parse(["--jobs", "0"]) }
        #expect(throws: (any Error).self) { try FixturesRunCommand.parse(["--timeout", "0"]) }
        #expect(throws: (any Error).self) { try FixturesRunCommand.parse(["--timeout", "1e9"]) }
    }
}
