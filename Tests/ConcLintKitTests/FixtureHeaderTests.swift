import ConcLintKit
import ConcModel
import Foundation
import Testing

@Suite("Fixture run header")
struct FixtureHeaderTests {
    @Test("each verdict is read from the first line, with spaces and a CR around it", arguments: FixtureVerdict.allCases)
    func readsEveryVerdict(_ verdict: FixtureVerdict) throws {
        #expect(try FixtureHeader.parse("// run: \(verdict.rawValue)\nimport Foundation\n").expected == verdict)
        #expect(try FixtureHeader.parse("// run:\(verdict.rawValue)").expected == verdict)
        #expect(try FixtureHeader.parse("// run:   \(verdict.rawValue)  \r\npackage main\n").expected == verdict)
    }

    @Test("a file without a header on its first line has none")
    func missingHeader() {
        #expect(throws: FixtureHeaderError.missing) { try FixtureHeader.parse("") }
        #expect(throws: FixtureHeaderError.missing) { try FixtureHeader.parse("package main\n// run: race\n") }
        #expect(throws: FixtureHeaderError.missing) { try FixtureHeader.parse("/* run: race */\n") }
    }

    @Test("an unknown verdict is named in the error")
    func unknownVerdict() {
        #expect(throws: FixtureHeaderError.unknownVerdict("racy")) { try FixtureHeader.parse("// run: racy\n") }
        #expect(throws: FixtureHeaderError.unknownVerdict("Race")) { try FixtureHeader.parse("// run: Race\n") }
        #expect(FixtureHeaderError.unknownVerdict("racy").description.contains("`racy`"))
    }

    @Test("every bundled fixture has a readable header")
    func bundledFixturesHaveHeaders() throws {
        for language in [Language.swift, .go] {
            for url in FixtureSupport.fixtures(language: language).flatMap(FixtureSupport.files(of:)) {
                let text = try String(contentsOf: url, encoding: .utf8)
                #expect(throws: Never.self, "\(url.path)") { try FixtureHeader.parse(text) }
            }
        }
    }
}
