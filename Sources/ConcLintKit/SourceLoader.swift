import ConcModel
import ConcReport
import Foundation

/// Reads a file's bytes for linting, turning every failure into a ``ConcReport/FileProblem``.
struct SourceLoader: Sendable {
    /// Files above this many bytes are not read.
    var maxFileSize: Int

    /// What loading produced: the source (when it could be read) and any problems.
    struct Loaded: Sendable {
        var source: SourceFile?
        var problems: [FileProblem]
        /// A generated file left out on request: no source, no problems.
        static let generated = Loaded(source: nil, problems: [])
    }

    /// How much of an oversized file is read to look for the generated-code marker.
    static let generatedMarkerWindow = 64 << 10

    /// Reads `path`. An unreadable or oversized file gives no source and one problem; invalid
    /// UTF-8 gives the source (front ends read it with replacement characters) and an
    /// ``ConcReport/FileProblem/Kind/invalidEncoding`` problem at the first bad byte.
    ///
    /// - Parameters:
    ///   - size: the file's size in bytes when the caller has it already (see ``fileSize(_:)``);
    ///     otherwise it is looked up here.
    ///   - skippingGenerated: whether a generated file (``GeneratedFileMarker``) gives
    ///     ``Loaded/generated`` instead of its source.
    func load(_ path: String, size knownSize: Int? = nil, skippingGenerated: Bool = false) -> Loaded {
        if let size = knownSize ?? Self.fileSize(path), size > maxFileSize {
            if skippingGenerated, let head = try? RegularFileReader.read(path, limit: Self.generatedMarkerWindow),
                GeneratedFileMarker.isGenerated(head)
            {
                return .generated
            }
            return Loaded(
                source: nil,
                problems: [
                    FileProblem(
                        path: path, kind: .tooComplex,
                        message: "file is \(size) bytes, over the \(maxFileSize)-byte limit; not analysed")
                ])
        }
        let bytes: [UInt8]
        do {
            bytes = try RegularFileReader.read(path)
        } catch {
            return Loaded(
                source: nil, problems: [FileProblem(path: path, kind: .unreadable, message: "cannot read file: \(error.message)")])
        }
        if skippingGenerated, GeneratedFileMarker.isGenerated(bytes.prefix(Self.generatedMarkerWindow)) { return .generated }
        if let encoding = Self.wideEncoding(bytes) {
            // Read as UTF-8 it would be one syntax error per character: say what it is instead.
            return Loaded(
                source: nil,
                problems: [
                    FileProblem(
                        path: path, kind: .invalidEncoding,
                        message: "file is \(encoding) text, but Go and Swift source must be UTF-8; not analysed "
                            + "(convert it with `iconv -f \(encoding) -t UTF-8`)")
                ])
        }
        let source = SourceFile(path: path, bytes: bytes, lineBreaks: .init(Language(path: path)))
        guard let offset = Self.firstInvalidUTF8Offset(source.bytes) else {
            return Loaded(source: source, problems: [])
        }
        return Loaded(
            source: source,
            problems: [
                FileProblem(
                    path: path, kind: .invalidEncoding,
                    message: "invalid UTF-8 at byte offset \(offset); analysed with replacement characters",
                    position: source.position(ofOffset: offset))
            ])
    }

    /// `"UTF-16LE"`, `"UTF-16BE"`, `"UTF-32LE"` or `"UTF-32BE"` when `bytes` start with that
    /// encoding's byte-order mark, or (without one) look like UTF-16 text: in the first 512 bytes,
    /// almost every other byte is NUL and the bytes between are not. `nil` otherwise.
    static func wideEncoding(_ bytes: [UInt8]) -> String? {
        let start = bytes.prefix(4)
        if start.starts(with: [0xFF, 0xFE, 0, 0]) { return "UTF-32LE" }
        if start.starts(with: [0, 0, 0xFE, 0xFF]) { return "UTF-32BE" }
        if start.starts(with: [0xFF, 0xFE]) { return "UTF-16LE" }
        if start.starts(with: [0xFE, 0xFF]) { return "UTF-16BE" }
        let sample = bytes.prefix(512)
        guard sample.count >= 8 else { return nil }
        var nulsAt = (even: 0, odd: 0)
        for (offset, byte) in sample.enumerated() where byte == 0 {
            if offset % 2 == 0 { nulsAt.even += 1 } else { nulsAt.odd += 1 }
        }
        let half = sample.count / 2
        if nulsAt.odd * 10 >= half * 9, nulsAt.even * 20 <= half { return "UTF-16LE" }
        if nulsAt.even * 10 >= half * 9, nulsAt.odd * 20 <= half { return "UTF-16BE" }
        return nil
    }

    /// The 0-based offset of the first byte that is not part of a valid UTF-8 sequence, or `nil`.
    static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
        // Source is nearly always ASCII: eight bytes at a time with no high bit set need no
        // decoding. Otherwise the standard library validates, and the scalar walk finds the offset.
        if isASCII(bytes) || String(validating: bytes, as: UTF8.self) != nil { return nil }
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }

    /// The size in bytes of the file at `path` (following links), or `nil` when it cannot be
    /// found; reading it then reports why.
    static func fileSize(_ path: String) -> Int? {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_size) : nil
    }

    /// Whether every byte is below 0x80.
    static func isASCII(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset + 8 <= raw.count {
                if raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
                offset += 8
            }
            while offset < raw.count {
                if raw[offset] >= 0x80 { return false }
                offset += 1
            }
            return true
        }
    }
}
