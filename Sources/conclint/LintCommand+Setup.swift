import ArgumentParser
import ConcLintKit
import ConcReport
import Foundation

extension LintCommand {
    /// What a run needs besides the parsed options: the lint options with configuration and
    /// baseline loaded.
    struct Setup {
        var options: LintOptions
    }

    /// Loads the configuration and baseline and expands `-` into the names read from standard
    /// input.
    ///
    /// - Throws: `ExitCode(2)` after printing a ``ConcLintKit/ConfigurationError`` to standard error.
    func prepare() throws -> Setup {
        let paths = try expandedPaths()
        var options = LintOptions(paths: paths, onlyRules: rules, disabledRules: disabled, jobs: jobs)
        options.enabledRules = enabled
        options.enablesAllRules = enableAll
        options.includesGenerated = includeGenerated
        do {
            options.configuration = try ConfigurationLocator.configuration(
                explicitPath: config, from: ConfigurationLocator.searchDirectory(forLintedPaths: paths))
            if let baseline, writeBaseline == nil { options.baseline = try Baseline.load(path: baseline) }
        } catch {
            Self.printError(error.description)
            throw ExitCode(ExitStatus.usageError.rawValue)
        }
        return Setup(options: options)
    }

    /// `paths` with each `-` replaced by the `.swift` and `.go` files named on standard input.
    func expandedPaths() throws -> [String] {
        guard paths.contains("-") else { return paths }
        let input = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        return paths.flatMap { path in path == "-" ? Self.listedFiles(input) : [path] }
    }

    /// The names in `input` (one a line) that are `.swift` or `.go` files that exist.
    static func listedFiles(_ input: String) -> [String] {
        names(in: input).filter { name in
            var info = stat()
            return !name.isEmpty && (name.hasSuffix(".swift") || name.hasSuffix(".go")) && stat(name, &info) == 0
        }
    }

    /// The lines of `input`, without surrounding blanks; empty lines dropped.
    ///
    /// A list of thousands of files (`find … | conclint -`) is read on one thread before any
    /// linting starts, so ASCII input, the usual kind, is split on bytes: the line breaks
    /// `Character.isNewline` knows in ASCII (LF, VT, FF, CR; a CR LF pair is one break, and the
    /// empty line between its two bytes is dropped anyway) and the blanks of
    /// `CharacterSet.whitespaces` (space, tab).
    static func names(in input: String) -> [String] {
        guard input.utf8.allSatisfy({ $0 < 0x80 }) else {
            return input.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        }
        let isBlank = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        return input.utf8.split(whereSeparator: { (0x0A...0x0D).contains($0) }).map { line in
            let bytes = Array(line)
            guard let first = bytes.firstIndex(where: { !isBlank($0) }), let last = bytes.lastIndex(where: { !isBlank($0) }) else { return "" }
            return String(decoding: bytes[first...last], as: UTF8.self)
        }
    }

    /// Writes the baseline of `run` to `path` and says so on standard error.
    func write(baselineOf run: LintRun, to path: String) throws {
        let base = URL(fileURLWithPath: path).standardizedFileURL.deletingLastPathComponent().path
        let baseline = Baseline(run: run, baseDirectory: base)
        do {
            try Data(try baseline.text().utf8).write(to: URL(fileURLWithPath: path))
        } catch {
            throw StandardStream.failure("cannot write \(path): \(StandardStream.writeFailureReason(path, error))")
        }
        let count = baseline.findings.count
        Self.printError("wrote \(count) finding\(count == 1 ? "" : "s") to baseline \(path)")
    }

    /// Prints `message` and a newline to standard error.
    static func printError(_ message: String) {
        StandardStream.writeError(message + "\n")
    }
}
