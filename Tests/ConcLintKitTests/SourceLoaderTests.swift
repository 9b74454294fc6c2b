import Testing

@testable import ConcLintKit

@Suite("Source loader")
struct SourceLoaderTests {
    @Test("a byte at or above 0x80 anywhere makes text non-ASCII, at every offset and length")
    func asciiCheckSeesEveryByte() {
        for length in 0..<20 {
            let ascii = [UInt8](repeating: UInt8(ascii: "a"), count: length)
            #expect(SourceLoader.isASCII(ascii))
            for index in 0..<length {
                var bytes = ascii
                bytes[index] = 0x80
                #expect(!SourceLoader.isASCII(bytes), "length \(length), offset \(index)")
            }
        }
    }

    @Test("the first invalid UTF-8 byte is found after valid multi-byte text, and valid text has none")
    func firstInvalidOffset() {
        let valid = Array("caf\u{e9} \u{65e5}\u{672c} ok".utf8)
        #expect(SourceLoader.firstInvalidUTF8Offset(valid) == nil)
        #expect(SourceLoader.firstInvalidUTF8Offset(valid + [0xFF] + valid) == valid.count)
        #expect(SourceLoader.firstInvalidUTF8Offset([0x61, 0xC3]) == 1)
    }
}
