import ConcModel
import GoSyntax

/// Lowers Go source into the concurrency model.
public enum GoFrontend {
    /// Parses `file` with GoSyntax and lowers it into a ``ConcModel/Unit``.
    ///
    /// - Parameter languageVersion: the Go version of the module (`go.mod`'s `go` line or the
    ///   configuration), as (major, minor). A `//go:build go1.N` constraint in the file overrides it,
    ///   as the go command does since Go 1.21. It decides whether loop variables are per
    ///   iteration (Go ≥ 1.22).
    /// - Parameter extensions: the project's own spawn, wait and lock APIs (`.conclint.yml`); by
    ///   default none.
    /// Never throws and never traps on input: syntax errors come back as diagnostics and the rest
    /// of the file is lowered. A file whose code spells none of the words in
    /// ``GoAPITable/vocabulary`` is parsed but not lowered: its unit is empty and marked as not
    /// mentioning concurrency.
    /// - Parameter forceLowering: lower the file even when it spells no concurrency API (its
    ///   unit then still says it does not mention concurrency, so per-file rules skip it): a
    ///   file of a package whose other files do, whose summaries the package needs.
    public static func lower(
        _ file: SourceFile, languageVersion: (major: Int, minor: Int)?, extensions: APIExtensions = .none,
        forceLowering: Bool = false
    ) -> LoweredFile {
        let result = GoParser.parse(source: file.bytes, path: file.path)
        let version = buildConstraintVersion(result.file) ?? languageVersion
        var diagnostics = result.diagnostics.prefix(20).map { diagnostic in
            ParseDiagnostic(
                message: diagnostic.message,
                position: SourcePosition(offset: diagnostic.position.offset, line: diagnostic.position.line, column: diagnostic.position.column),
                isTooComplex: diagnostic.message.contains("max nesting depth"))
        }
        // The cheap filter: code that spells no concurrency API would lower to a unit no rule
        // reads. It is still parsed, so its syntax errors are reported all the same.
        let mentions = mentionsConcurrency(file, extensions: extensions)
        guard mentions || forceLowering else {
            var unit = Unit(file: file, language: .go, languageVersion: version, mentionsConcurrency: false)
            unit.packageName = result.file.name.name
            unit.buildPlatforms = GoBuildPlatforms.platforms(path: file.path, file: result.file)
            return LoweredFile(unit: unit, diagnostics: Array(diagnostics))
        }
        let lowering = GoLowering(file: file, tree: result.file, languageVersion: version)
        lowering.extensions = extensions
        var unit = lowering.lowerFile()
        if !mentions { unit.mentionsConcurrency = false }
        unit.buildPlatforms = GoBuildPlatforms.platforms(path: file.path, file: result.file)
        if lowering.tooDeep {
            diagnostics.append(ParseDiagnostic(
                message: "nesting deeper than \(GoLowering.maximumDepth) levels; the deepest parts were not analysed",
                position: SourcePosition(offset: 0, line: 1, column: 1), isTooComplex: true))
        }
        return LoweredFile(unit: unit, diagnostics: Array(diagnostics))
    }

    /// Whether the file's code spells any word a concurrency API is written with (the cheap
    /// filter that decides whether a file is lowered).
    public static func mentionsConcurrency(_ file: SourceFile, extensions: APIExtensions = .none) -> Bool {
        GoAPITable.vocabulary.adding(extensions).isMentioned(in: file.bytes)
    }

    /// The package clause's name, read without parsing the file: the first `package` keyword
    /// outside comments; `nil` when there is none.
    public static func packageName(_ file: SourceFile) -> String? {
        let bytes = file.bytes
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "/"), index + 1 < bytes.count {
                if bytes[index + 1] == UInt8(ascii: "/") {
                    while index < bytes.count, bytes[index] != UInt8(ascii: "\n") { index += 1 }
                    continue
                }
                if bytes[index + 1] == UInt8(ascii: "*") {
                    index += 2
                    while index + 1 < bytes.count, !(bytes[index] == UInt8(ascii: "*") && bytes[index + 1] == UInt8(ascii: "/")) { index += 1 }
                    index += 2
                    continue
                }
            }
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") || byte == 0xEF || byte == 0xBB || byte == 0xBF {
                index += 1
                continue
            }
            let keyword = Array("package".utf8)
            guard index + keyword.count < bytes.count, Array(bytes[index..<index + keyword.count]) == keyword else { return nil }
            index += keyword.count
            while index < bytes.count, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") { index += 1 }
            let start = index
            while index < bytes.count, bytes[index] == UInt8(ascii: "_") || (bytes[index] >= 0x30 && bytes[index] <= 0x39)
                    || (bytes[index] | 0x20 >= 0x61 && bytes[index] | 0x20 <= 0x7A) || bytes[index] >= 0x80 { index += 1 }
            return index > start ? String(decoding: bytes[start..<index], as: UTF8.self) : nil
        }
        return nil
    }

    /// The lowest `go1.N` a `//go:build` line before the package clause requires.
    static func buildConstraintVersion(_ file: GoSyntax.File) -> (major: Int, minor: Int)? {
        for comment in file.comments where comment.slash < file.package {
            let text = comment.text
            guard text.hasPrefix("//go:build") else { continue }
            var best: (Int, Int)?
            for word in text.split(whereSeparator: { " ()&|!".contains($0) }) where word.hasPrefix("go1.") {
                if let minor = Int(word.dropFirst(4)) {
                    if best == nil || minor < best!.1 { best = (1, minor) }
                }
            }
            if let best { return (major: best.0, minor: best.1) }
        }
        return nil
    }
}
