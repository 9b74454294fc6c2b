import Foundation

/// What `stat(2)` says about a path, with the words a report uses for each case.
///
/// Read with POSIX calls rather than `FileManager`, whose `fileExists` cannot tell a symlink loop
/// from a missing file and whose errors print as `NSCocoaErrorDomain` dumps.
enum FileStatus: Equatable, Sendable {
    /// A regular file of `size` bytes.
    case regular(size: Int)
    /// A directory.
    case directory
    /// A symbolic link (only when links are not followed).
    case symbolicLink
    /// Something that is not a file of text: a FIFO, a device, a socket; `kind` names it.
    case special(kind: String)
    /// Nothing at the path; `dangling` when a symbolic link is there, pointing at nothing.
    case missing(dangling: Bool)
    /// A symbolic link that leads back to itself (`ELOOP`).
    case symlinkLoop
    /// `stat` failed with this `errno`.
    case failed(errno: Int32)

    /// The status of `path`, following symbolic links unless `followingLinks` is false.
    static func of(_ path: String, followingLinks: Bool = true) -> FileStatus {
        var info = stat()
        let result = followingLinks ? stat(path, &info) : lstat(path, &info)
        guard result == 0 else {
            let code = errno
            switch code {
            case ELOOP: return .symlinkLoop
            case ENOENT, ENOTDIR:
                var linkInfo = stat()
                return .missing(dangling: followingLinks && lstat(path, &linkInfo) == 0)
            default: return .failed(errno: code)
            }
        }
        return of(mode: info.st_mode, size: Int(info.st_size))
    }

    /// The status a `stat` structure's `st_mode` describes.
    static func of(mode: mode_t, size: Int) -> FileStatus {
        // The file-type bits are the same on Linux and the BSDs.
        switch mode & mode_t(0o170000) {
        case mode_t(0o100000): .regular(size: size)
        case mode_t(0o040000): .directory
        case mode_t(0o120000): .symbolicLink
        case mode_t(0o010000): .special(kind: "a FIFO")
        case mode_t(0o020000): .special(kind: "a character device")
        case mode_t(0o060000): .special(kind: "a block device")
        case mode_t(0o140000): .special(kind: "a socket")
        default: .special(kind: "an unknown kind of file")
        }
    }

    /// Why a path with this status cannot be linted as a file, in words: `not a regular file (a
    /// FIFO)`, `symlink loop`, `permission denied`; `nil` for a regular file.
    var problem: String? {
        switch self {
        case .regular: nil
        case .directory: "is a directory"
        case .symbolicLink: "is a symbolic link"
        case .special(let kind): "not a regular file (\(kind))"
        case .missing(let dangling): dangling ? "dangling symbolic link: its target does not exist" : "no such file or directory"
        case .symlinkLoop: "symlink loop: too many levels of symbolic links"
        case .failed(let code): Self.errorText(code)
        }
    }

    /// The system's text for `errno` value `code`, lower-case first: `permission denied`.
    static func errorText(_ code: Int32) -> String {
        let text = strerror(code).map { String(cString: $0) } ?? "error \(code)"
        return text.prefix(1).lowercased() + text.dropFirst()
    }
}
