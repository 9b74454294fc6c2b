import Foundation
import SwiftParser
import SwiftSyntax
import Testing

@testable import SwiftFrontend

@Suite("Syntax source text")
struct SourceTextTests {
    /// Every node of `tree`, depth first.
    private func nodes(of tree: some SyntaxProtocol) -> [Syntax] {
        var result: [Syntax] = [Syntax(tree)]
        var index = 0
        while index < result.count {
            result.append(contentsOf: result[index].children(viewMode: .sourceAccurate))
            index += 1
        }
        return result
    }

    @Test("sourceText equals trimmedDescription on every node, up to whitespace behind a missing token")
    func sourceTextMatchesTrimmedDescription() throws {
        var sources = [
            "func f( {\n  let x = [1, 2\n}\nstruct S { var a: }\n",
            "let s = \"caf\u{e9} \\(x) /* not a comment */\" // trailing\n  /* lead */ x . y ( 1 ) \n",
        ]
        let folder = FixtureSupport.repositoryRoot.appending(path: "Fixtures/swift/shared-mutable-capture")
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".swift") {
            sources.append(try String(contentsOf: folder.appending(path: name), encoding: .utf8))
        }
        for source in sources {
            let tree = Parser.parse(source: source)
            for node in nodes(of: tree) {
                if node.hasError || node.is(SourceFileSyntax.self) {
                    // Only whitespace next to a missing token (or the end of file token) may differ.
                    #expect(
                        node.sourceText.trimmingCharacters(in: .whitespacesAndNewlines)
                            == node.trimmedDescription.trimmingCharacters(in: .whitespacesAndNewlines))
                } else {
                    #expect(node.sourceText == node.trimmedDescription)
                }
            }
        }
    }
}
