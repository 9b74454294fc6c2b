/// Computes SARIF `partialFingerprints.primaryLocationLineHash` values exactly as GitHub's
/// `github/codeql-action` does in `src/fingerprints.ts`, so code scanning matches conclint's
/// alerts across commits without recomputing them.
///
/// The algorithm: read the file as UTF-16 code units; drop spaces and tabs, and a `\n` right after
/// a `\r`; turn `\r` into `\n`; run a rolling polynomial hash (base 37, 64-bit wrapping arithmetic)
/// over a window of the next 100 kept code units, followed by one `65535` end-of-file marker and
/// zeros. A line's hash is the window starting at its first kept code unit, printed in lower-case
/// hex without leading zeros, then `:` and how many times that hash has occurred so far in the
/// file (1 for the first). Lines above a finding therefore do not change its hash; only the
/// finding's own line and the ~100 non-blank characters after it do.
public struct LineHashFingerprint: Sendable {
    private static let blockSize = 100
    private static let modulus: UInt64 = 37
    private static let endOfFile: UInt64 = 65535

    /// The hash of each 1-based line; index 0 is unused.
    public let lineHashes: [String]

    /// Hashes every line of `bytes` (UTF-8; invalid sequences decode to U+FFFD as Node.js does).
    public init(bytes: [UInt8]) {
        lineHashes = Self.hashLines(Array(String(decoding: bytes, as: UTF8.self).utf16))
    }

    /// The fingerprint of 1-based `line`, or `nil` when the file has no such line.
    public func hash(ofLine line: Int) -> String? {
        guard line >= 1, line < lineHashes.count, !lineHashes[line].isEmpty else { return nil }
        return lineHashes[line]
    }

    private static func hashLines(_ units: [UInt16]) -> [String] {
        var firstMod: UInt64 = 1
        for _ in 0..<blockSize { firstMod = firstMod &* modulus }

        var window = [UInt64](repeating: 0, count: blockSize)
        var lineNumbers = [Int](repeating: -1, count: blockSize)
        var hash: UInt64 = 0
        var index = 0
        var lineNumber = 0
        var lineStart = true
        var previousWasCR = false
        var counts: [String: Int] = [:]
        var hashes: [String] = [""]

        func output() {
            let value = String(hash, radix: 16)
            let occurrence = (counts[value] ?? 0) + 1
            counts[value] = occurrence
            let line = lineNumbers[index]
            while hashes.count <= line { hashes.append("") }
            hashes[line] = "\(value):\(occurrence)"
            lineNumbers[index] = -1
        }

        func update(_ current: UInt64) {
            let begin = window[index]
            window[index] = current
            hash = modulus &* hash &+ current &- firstMod &* begin
            index = (index + 1) % blockSize
        }

        func process(_ unit: UInt64) {
            let space = UInt64(UInt8(ascii: " ")), tab = UInt64(UInt8(ascii: "\t"))
            let lf = UInt64(UInt8(ascii: "\n")), cr = UInt64(UInt8(ascii: "\r"))
            if unit == space || unit == tab || (previousWasCR && unit == lf) {
                previousWasCR = false
                return
            }
            var current = unit
            if current == cr {
                current = lf
                previousWasCR = true
            } else {
                previousWasCR = false
            }
            if lineNumbers[index] != -1 { output() }
            if lineStart {
                lineStart = false
                lineNumber += 1
                lineNumbers[index] = lineNumber
            }
            if current == lf { lineStart = true }
            update(current)
        }

        for unit in units { process(UInt64(unit)) }
        process(endOfFile)
        for _ in 0..<blockSize {
            if lineNumbers[index] != -1 { output() }
            update(0)
        }
        return hashes
    }
}
