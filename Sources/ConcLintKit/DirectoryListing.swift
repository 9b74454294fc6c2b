import Foundation

/// The entries of a directory, read with `opendir`/`readdir`.
///
/// `FileManager` on Linux passes over (or mangles) a name that is not valid UTF-8, so such a file
/// would never be reported; here every name arrives as bytes, and a failure is its `errno` text.
enum DirectoryListing {
    /// One directory entry.
    struct Entry: Sendable {
        /// The name as stored on disk.
        var bytes: [UInt8]
        /// The name, or `nil` when it is not valid UTF-8.
        var name: String? { String(validating: bytes, as: UTF8.self) }
        /// The name to show: as is when valid UTF-8, else with every non-ASCII byte as `\xHH`.
        var displayName: String {
            name ?? bytes.map { $0 < 0x80 ? String(UnicodeScalar($0)) : "\\x" + String($0, radix: 16, uppercase: true) }.joined()
        }
        /// Whether the name ends with `suffix` (compared as bytes).
        func hasSuffix(_ suffix: String) -> Bool {
            let tail = Array(suffix.utf8)
            return bytes.count >= tail.count && bytes.suffix(tail.count).elementsEqual(tail)
        }
    }

    /// The entries of `directory` other than `.` and `..`, in no particular order.
    ///
    /// - Throws: ``RegularFileReader/Failure`` with the reason the directory cannot be listed.
    static func entries(of directory: String) throws(RegularFileReader.Failure) -> [Entry] {
        guard let stream = opendir(directory) else {
            throw RegularFileReader.Failure(message: FileStatus.errorText(errno))
        }
        defer { closedir(stream) }
        var entries: [Entry] = []
        while let entry = readdir(stream) {
            var name = entry.pointee.d_name
            let bytes = withUnsafeBytes(of: &name) { raw in Array(raw.prefix { $0 != 0 }) }
            if bytes == [0x2E] || bytes == [0x2E, 0x2E] { continue }
            entries.append(Entry(bytes: bytes))
        }
        return entries
    }
}
