import Foundation
import Testing

/// The committed list of reviewed findings on real code (Tests/ReviewedFindings), which
/// scripts/reviewed-findings.py compares with what conclint reports: its rows must be complete
/// enough for that check to mean something.
@Suite("Reviewed findings list")
struct ReviewedFindingsListTests {
    private static let folder = URL(fileURLWithPath: packageRoot).appendingPathComponent("Tests/ReviewedFindings")

    private static func rows() throws -> [[String]] {
        let text = try String(contentsOf: folder.appendingPathComponent("findings.tsv"), encoding: .utf8)
        return text.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    }

    private static func corpusEntries() throws -> [(kind: String, name: String, version: String)] {
        let text = try String(contentsOf: folder.appendingPathComponent("corpus.txt"), encoding: .utf8)
        return text.split(separator: "\n").compactMap { line in
            let fields = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0].split(separator: " ")
            guard !fields.isEmpty else { return nil }
            return fields.count == 3 ? (String(fields[0]), String(fields[1]), String(fields[2])) : ("malformed", String(line), "")
        }
    }

    @Test("every corpus line names a kind, a package and a version")
    func corpusLines() throws {
        let entries = try Self.corpusEntries()
        #expect(!entries.isEmpty)
        for entry in entries { #expect(["go", "swift"].contains(entry.kind), "\(entry.name)") }
        #expect(entries.filter { $0.kind == "go" }.count == 1)
    }

    @Test("every listed finding has seven columns, a TRUE or FALSE verdict, a reason and a corpus entry")
    func rowsAreJudged() throws {
        let rows = try Self.rows()
        #expect(rows.first == ["entry", "path", "line", "rule", "verdict", "reason", "message"])
        let entries = Set(try Self.corpusEntries().map { $0.kind == "go" ? "goroot" : $0.name.replacingOccurrences(of: "/", with: "+") })
        var keys = Set<String>()
        for row in rows.dropFirst() {
            #expect(row.count == 7, "\(row)")
            guard row.count == 7 else { continue }
            #expect(["TRUE", "FALSE"].contains(row[4]), "\(row[1]):\(row[2]) has verdict \(row[4])")
            #expect(!row[5].isEmpty, "\(row[1]):\(row[2]) has no reason")
            #expect(entries.contains(row[0]), "\(row[0]) is not in corpus.txt")
            #expect(Int(row[2]) != nil, "\(row[1]) line \(row[2])")
            #expect(keys.insert(row[0...3].joined(separator: "|")).inserted, "\(row[1]):\(row[2]) listed twice")
        }
    }

    @Test("the listed verdicts keep the default rules at 90% precision or more")
    func precisionFloor() throws {
        let verdicts = try Self.rows().dropFirst().map { $0.count > 4 ? $0[4] : "" }
        let truths = verdicts.filter { $0 == "TRUE" }.count
        let falsehoods = verdicts.filter { $0 == "FALSE" }.count
        #expect(truths + falsehoods > 0)
        #expect(Double(truths) >= 0.9 * Double(truths + falsehoods))
    }
}
