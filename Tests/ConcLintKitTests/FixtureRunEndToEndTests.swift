import ConcModel
import Foundation
import Testing

@testable import ConcLintKit

@Suite("Fixture run end to end")
struct FixtureRunEndToEndTests {
    @Test("fixtures run builds a Go fixture with -race, runs it, and checks its header both ways")
    func runsOneGoFixture() async throws {
        guard ExecutableLocator().find("go") != nil else {
            print("skipped: no go on PATH, so no Go fixture can be run")
            return
        }
        try await withTemporaryDirectory { root in
            let fixture = "\(root)/go/missing-wait/good_hello.go"
            let program = """
                package main

                import "fmt"

                func main() { fmt.Println("hello") }

                """
            try write("// run: clean\n" + program, to: fixture)
            let options = FixtureRunOptions(directory: root, timeoutSeconds: 60, jobs: 1, packagePath: packageRoot)
            let agreeing = try await FixtureRunner(options: options).run()
            #expect(agreeing.results.count == 1)
            #expect(agreeing.results.first?.fixture.displayPath == "go/missing-wait/good_hello.go")
            #expect(agreeing.results.first?.outcome == .observed(.clean, evidence: "exit 0"))
            #expect(agreeing.results.first?.findings == [])
            #expect(agreeing.exitStatus == .success)

            try write("// run: race\n" + program, to: fixture)
            let disagreeing = try await FixtureRunner(options: options).run()
            #expect(disagreeing.results.first?.agreement == .disagrees)
            #expect(disagreeing.exitStatus == .findings)
        }
    }

    @Test("an unknown rule, a missing directory and an empty selection are usage errors")
    func usageErrors() async throws {
        await #expect(throws: FixtureRunError.unknownRules(["no-such-rule"])) {
            try await FixtureRunner(options: FixtureRunOptions(directory: packageRoot + "/Fixtures", rules: ["no-such-rule"])).run()
        }
        await #expect(throws: FixtureRunError.noSuchDirectory("/no/such/fixtures")) {
            try await FixtureRunner(options: FixtureRunOptions(directory: "/no/such/fixtures")).run()
        }
        await withTemporaryDirectory { (root: String) -> Void in
            await #expect(throws: FixtureRunError.noFixtures(root)) {
                try await FixtureRunner(options: FixtureRunOptions(directory: root)).run()
            }
        }
    }

    @Test("Swift fixtures without ConcRuntime sources in reach stop the run with a clear error")
    func runtimeSourcesMissing() async throws {
        try await withTemporaryDirectory { root in
            try write("// run: clean\nprint(1)\n", to: "\(root)/swift/missing-wait/good.swift")
            let options = FixtureRunOptions(directory: root, packagePath: root)
            await #expect(throws: FixtureRunError.runtimeSourcesNotFound(searched: [root])) {
                try await FixtureRunner(options: options).run()
            }
            #expect(FixtureRunError.runtimeSourcesNotFound(searched: [root]).description.contains("Sources/ConcRuntime"))
        }
    }

    @Test("the package root is found above a fixtures folder by its ConcRuntime sources")
    func packageRootSearch() {
        #expect(RuntimeLibrary.packageRoot(searchingUpFrom: [packageRoot + "/Fixtures/go"]) == packageRoot)
        #expect(RuntimeLibrary.packageRoot(searchingUpFrom: ["/"]) == nil)
        #expect(!RuntimeLibrary.sources(inPackageAt: packageRoot).isEmpty)
    }
}
