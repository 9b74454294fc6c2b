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

    @Test("UTF-16 and UTF-32 files are named as such, with or without a byte-order mark, and UTF-8 is not")
    func wideEncodingsAreRecognised() {
        let text = "package main\n\nfunc main() {}\n"
        let utf16LE = text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let utf16BE = text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        #expect(SourceLoader.wideEncoding([0xFF, 0xFE] + utf16LE) == "UTF-16LE")
        #expect(SourceLoader.wideEncoding([0xFE, 0xFF] + utf16BE) == "UTF-16BE")
        #expect(SourceLoader.wideEncoding([0xFF, 0xFE, 0, 0, 0x70, 0, 0, 0]) == "UTF-32LE")
        #expect(SourceLoader.wideEncoding([0, 0, 0xFE, 0xFF, 0, 0, 0, 0x70]) == "UTF-32BE")
        #expect(SourceLoader.wideEncoding(utf16LE) == "UTF-16LE")
        #expect(SourceLoader.wideEncoding(utf16BE) == "UTF-16BE")
        #expect(SourceLoader.wideEncoding(Array(text.utf8)) == nil)
        #expect(SourceLoader.wideEncoding([0xEF, 0xBB, 0xBF] + Array(text.utf8)) == nil)
    }

    @Test("a UTF-16 file is reported as not analysed, with the conversion to run, and gives no source")
    func utf16FileIsNotAnalysed() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory + "/wide.go"
            try write([0xFF, 0xFE] + "package main\n".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }, to: path)
            let loaded = SourceLoader(maxFileSize: 1 << 20).load(path)
            #expect(loaded.source == nil)
            #expect(loaded.problems.map(\.kind) == [.invalidEncoding])
            #expect(loaded.problems.first?.message.contains("UTF-16LE") == true)
            #expect(loaded.problems.first?.message.contains("iconv -f UTF-16LE -t UTF-8") == true)
        }
    }
}
