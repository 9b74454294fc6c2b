import ConcReport
import Testing

/// Expected values come from running github/codeql-action's `src/fingerprints.ts` algorithm
/// (ported line by line to JavaScript BigInt) over the same text.
@Suite("primaryLocationLineHash")
struct LineHashFingerprintTests {
    @Test("hashes match codeql-action's for spaces, tabs, CRLF, blank lines and non-ASCII text")
    func matchesCodeQLAction() {
        let text = "let a = 1\n\n  // héllo 👋 wörld\r\nlet b = 2\r\n\tlet a = 1\nlet a = 1\n"
        let hashes = LineHashFingerprint(bytes: Array(text.utf8))
        #expect(hashes.hash(ofLine: 1) == "89c44bf530c58da2:1")
        #expect(hashes.hash(ofLine: 2) == "dfbb986601d9e3c0:1")
        #expect(hashes.hash(ofLine: 3) == "5dfce0b8455d5856:1")
        #expect(hashes.hash(ofLine: 4) == "8959fee050027a1f:1")
        #expect(hashes.hash(ofLine: 5) == "39a0f0b2ecd4d237:1")
        #expect(hashes.hash(ofLine: 6) == "64ae4e6a21922051:1")
        #expect(hashes.hash(ofLine: 7) == "c129715d7a2bc9a3:1")
        #expect(hashes.hash(ofLine: 8) == nil)
    }

    @Test("identical windows are told apart by an occurrence suffix")
    func repeatedLinesCountOccurrences() {
        let hashes = LineHashFingerprint(bytes: Array(String(repeating: "a\n", count: 120).utf8))
        #expect(hashes.hash(ofLine: 1) == "83d4df87b9db256:1")
        #expect(hashes.hash(ofLine: 2) == "83d4df87b9db256:2")
        #expect(hashes.hash(ofLine: 20) == "83d4df87b9db256:20")
        #expect(hashes.hash(ofLine: 119) == "ee4468fa4a9bc719:1")
        #expect(hashes.hash(ofLine: 120) == "243cbaa4685aab12:1")
    }

    @Test("indentation changes do not change a line's hash")
    func indentationIsIgnored() {
        let plain = LineHashFingerprint(bytes: Array("x = 1\ny = 2\n".utf8))
        let indented = LineHashFingerprint(bytes: Array("    x = 1\n\ty = 2\n".utf8))
        #expect(plain.hash(ofLine: 1) == indented.hash(ofLine: 1))
    }
}
