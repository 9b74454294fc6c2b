import ArgumentParser
import ConcLintKit
import Foundation

/// Writes to standard output and standard error without trapping.
///
/// Foundation's non-throwing `FileHandle.write(_:)` traps when the write fails (a full disk, a
/// pipe whose reader has gone while SIGPIPE is ignored); the throwing `write(contentsOf:)` is
/// used instead, and a failure becomes a message and an exit status.
enum StandardStream {
    /// Writes `text` (UTF-8) to standard output.
    ///
    /// - Throws: `ExitCode(2)` (a usage or I/O error) after saying on standard error why the
    ///   write failed.
    static func writeOutput(_ text: String) throws {
        do {
            try FileHandle.standardOutput.write(contentsOf: Data(text.utf8))
        } catch {
            writeError("conclint: cannot write to standard output: \(error.localizedDescription)\n")
            throw ExitCode(ExitStatus.usageError.rawValue)
        }
    }

    /// Writes `text` (UTF-8) to standard error. A failure is ignored: there is nowhere left to
    /// report it.
    static func writeError(_ text: String) {
        try? FileHandle.standardError.write(contentsOf: Data(text.utf8))
    }

    /// Why writing `path` failed, in words: "is a directory", "no such directory", or the
    /// system's description of `error`.
    static func writeFailureReason(_ path: String, _ error: any Error) -> String {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            return "is a directory"
        }
        let parent = URL(fileURLWithPath: path).deletingLastPathComponent().path
        if !FileManager.default.fileExists(atPath: parent) { return "no such directory: \(parent)" }
        if let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError,
            underlying.domain == NSPOSIXErrorDomain, let message = strerror(Int32(underlying.code))
        {
            return String(cString: message)
        }
        return error.localizedDescription
    }

    /// Says `message` on standard error, without the usage text an ArgumentParser validation
    /// error would add, and returns the exit to throw: `ExitCode(2)`.
    static func failure(_ message: String) -> ExitCode {
        writeError("error: \(message)\n")
        return ExitCode(ExitStatus.usageError.rawValue)
    }
}
