import ConcModel
import Foundation
import Testing

/// Every fixture is checked exactly: each `// want` line reports its rules, and no other line
/// reports anything.
@Suite struct FixtureTests {
    @Test(arguments: FixtureSupport.fixtures(language: .swift))
    func swiftFixtureReportsExactlyItsWantLines(_ fixture: URL) throws {
        let problems = try FixtureSupport.mismatches(of: fixture, language: .swift)
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    @Test(arguments: FixtureSupport.fixtures(language: .go))
    func goFixtureReportsExactlyItsWantLines(_ fixture: URL) throws {
        let problems = try FixtureSupport.mismatches(of: fixture, language: .go)
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }
}
