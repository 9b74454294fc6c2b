import ConcModel
import Foundation
import Testing

/// `loop-variable-capture` agrees with `go vet`'s `loopclosure` analyzer on goroutine closures in
/// loops of a module whose `go.mod` says `go 1.20`: on the rule's fixtures, the lines vet reports
/// and the lines conclint reports are the same.
@Suite struct LoopclosureAgreementTests {
    @Test func loopclosureAndConclintReportTheSameLinesOnAGo120Module() throws {
        guard let go = GoVetAgreementTests.goExecutable else {
            print("skipped: no `go` on PATH, so go vet's loopclosure analyzer cannot be compared")
            return
        }
        let module = FileManager.default.temporaryDirectory.appending(path: "conclint-loopclosure-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: module, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: module) }
        try "module loopclosure\n\ngo 1.20\n".write(to: module.appending(path: "go.mod"), atomically: true, encoding: .utf8)

        // One package per fixture, as each is a `main`.
        let sources = FixtureSupport.fixtures(language: .go).filter { $0.path.contains("/loop-variable-capture/") }
        #expect(!sources.isEmpty)
        var copies: [String: URL] = [:]
        for (index, source) in sources.enumerated() {
            let directory = module.appending(path: "c\(index)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let text = try String(contentsOf: source, encoding: .utf8)
            try text.write(to: directory.appending(path: source.lastPathComponent), atomically: true, encoding: .utf8)
            copies["c\(index)/\(source.lastPathComponent)"] = source
        }
        let output = try GoVetAgreementTests.run(go, ["vet", "-loopclosure", "./..."], in: module, allowFailure: true)
        var vetLines = Set<String>()
        for line in output.split(separator: "\n") where line.contains("captured by func literal") {
            let parts = line.split(separator: ":")
            guard parts.count >= 3, let number = Int(parts[1]), let source = copies[String(parts[0])] else { continue }
            vetLines.insert("\(source.lastPathComponent):\(number)")
        }
        #expect(!vetLines.isEmpty, "go vet reported nothing; output:\n\(output)")
        var conclintLines = Set<String>()
        for source in sources {
            let text = try String(contentsOf: source, encoding: .utf8)
            let found = FixtureSupport.findings(path: source.lastPathComponent, text: text, language: .go, goVersion: (1, 20))
            for finding in found where finding.ruleID == "loop-variable-capture" {
                conclintLines.insert("\(source.lastPathComponent):\(finding.range.start.line)")
            }
        }
        #expect(vetLines == conclintLines, "go vet: \(vetLines.sorted()), conclint: \(conclintLines.sorted())")
    }
}
