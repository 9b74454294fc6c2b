import Foundation
import Testing

@testable import ConcModel

/// The byte readings that stand in for `Character` readings on hot paths (doc-comment
/// conventions, access paths) must give the same answers: both are run over the same texts.
@Suite struct ByteReadingTests {
    /// Comments written to reach the corners: line breaks of both kinds between the trigger and
    /// its word, case, punctuation inside words, denials.
    static let doc = [
        "// sched.lock must be held.", "/// The caller must hold `lock`.", "// Takes the two locks, but only while holding gate.",
        "// must be called with a valid context", "// flushColdBuf needs mtx locked.", "// rotateStreams needs mtx AND bufMtx locked.",
        "// It needs to adjust the PC.\n// There are no runtime locks held.", "// updateHead should not be called without the db.Lock()",
        "// Store stores the file.\n//\n// Call with lock held", "// Call with a context; it takes the lock itself.",
        "// needs mu\r\nlocked", "// needs mu\nlocked", "// needs\r\nmu held", "// needs a b c d e locked", "// needs a b c d locked",
        "// needs  a\n\nb  held!", "// NEEDS MU HELD", "// needs mu-held", "// needs mu held2", "// needs mu lock3d", "// call with\r\n held",
        "/* caller must hold mu */", "// the block clock", "// mu. needs it", "// Mutex must be held; needn't be", "// without: must hold",
        "// must not be called without holding mu", "", "lock", "// needs ", "needs locked", "// called with mu held\r\n",
    ]

    @Test("doc-comment conventions read on bytes agree with the Character reading")
    func heldLockConventions() throws {
        var comments = Self.doc
        // Every comment group of every fixture, as the front ends join them.
        for text in try Self.fixtureTexts() {
            var group: [String] = []
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                let trimmed = line.drop { $0 == " " || $0 == "\t" }
                if trimmed.hasPrefix("//") {
                    group.append(String(trimmed))
                } else if !group.isEmpty {
                    comments.append(group.joined(separator: "\n"))
                    group = []
                }
            }
        }
        #expect(comments.count > 500)
        for comment in comments {
            let ascii = try #require(LowercasedASCII(comment))
            #expect(
                LockConvention.requiresHeldLock(ascii: ascii) == LockConvention.requiresHeldLock(lowered: comment.lowercased()),
                "\(comment)")
        }
    }

    @Test("access paths split on bytes as they do on Characters")
    func accessPaths() {
        let paths = [
            "self.a.b", "a?.b!.c", "x[…].y[…][…]", "", ".", "a..b", "*p.q", "**p", "self", "s.links[…]", "b.y[]", "[]", "a.[…].f",
        ]
        for path in paths {
            #expect(PathText.isPlain(path))
            let characters = path.split(separator: ".", omittingEmptySubsequences: false).map { String($0.filter { $0 != "?" && $0 != "!" }) }
            #expect(PathText.parts(of: path, dropping: [UInt8(ascii: "?"), UInt8(ascii: "!")]) == characters, "\(path)")
            for part in characters {
                var name = Substring(part)
                var count = 0
                while name.hasSuffix("[…]") { name = name.dropLast(3); count += 1 }
                let trimmed = PathText.trimmingSuffixes("[…]", of: part)
                #expect(trimmed.rest == String(name) && trimmed.count == count, "\(part)")
            }
        }
        #expect(!PathText.isPlain("é.x"))
        #expect(!PathText.isPlain("a\u{2025}"))
    }

    static func fixtureTexts() throws -> [String] {
        let root = FixtureSupport.repositoryRoot.appending(path: "Fixtures")
        let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        return try files.filter { ["go", "swift"].contains($0.pathExtension) }.compactMap { url in
            let text = try String(contentsOf: url, encoding: .utf8)
            return LowercasedASCII(text) == nil ? nil : text
        }
    }
}
