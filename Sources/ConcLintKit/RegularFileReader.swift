import Foundation

/// Reads the bytes of a regular file with POSIX calls.
///
/// The file is opened non-blocking and checked with `fstat` before anything is read, so a FIFO or
/// a device named as a source file is reported, never waited on or read forever; a failure is
/// described by its `errno` text.
enum RegularFileReader {
    /// Why a file could not be read: the words of ``FileStatus/problem``.
    struct Failure: Error, Equatable, Sendable {
        /// The reason, lower-case: `not a regular file (a FIFO)`, `permission denied`.
        var message: String
    }

    /// The file's bytes, at most `limit` of them when given.
    ///
    /// - Throws: ``Failure`` when the path is missing, not a regular file, or cannot be read.
    static func read(_ path: String, limit: Int? = nil) throws(Failure) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            // ENOENT and ELOOP read better from `stat`: a dangling link, a symlink loop.
            let status = code == EACCES ? FileStatus.failed(errno: code) : FileStatus.of(path)
            throw Failure(message: status.problem ?? FileStatus.errorText(code))
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw Failure(message: FileStatus.errorText(errno)) }
        let status = FileStatus.of(mode: info.st_mode, size: Int(info.st_size))
        guard case .regular(let size) = status else { throw Failure(message: status.problem ?? "not a regular file") }
        let limit = limit ?? Int.max
        // Read straight into a buffer of the size `fstat` gave, then on in chunks to the end:
        // the file may have grown since.
        var bytes = [UInt8](repeating: 0, count: min(limit, max(size, 0)))
        var filled = 0
        while filled < bytes.count {
            let count = bytes.withUnsafeMutableBytes { buffer in
                readBytes(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
            }
            if count < 0 { throw Failure(message: FileStatus.errorText(Int32(-count))) }
            if count == 0 { break }
            filled += count
        }
        if filled < bytes.count {
            bytes.removeLast(bytes.count - filled)
            return bytes
        }
        var chunk = [UInt8](repeating: 0, count: 4096)
        while bytes.count < limit {
            let wanted = min(chunk.count, limit - bytes.count)
            let count = chunk.withUnsafeMutableBytes { buffer in readBytes(descriptor, buffer.baseAddress!, wanted) }
            if count < 0 { throw Failure(message: FileStatus.errorText(Int32(-count))) }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return bytes
    }
}

/// `read(2)`, retried when a signal interrupts it, under a name the enum's own `read` does not
/// hide: the number of bytes read, 0 at the end of the file, or minus `errno` on failure.
private func readBytes(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    while true {
        let result = read(descriptor, buffer, count)
        if result >= 0 { return result }
        if errno != EINTR { return -Int(errno) }
    }
}
