import ConcModel
import Foundation
import GoFrontend

/// Decides which package each file belongs to, the unit package rules analyse together.
///
/// Go: the files of one directory with the same package clause (an external `package x_test`
/// is its own package, as the go tool has it). Swift: the files of one SwiftPM target — under
/// `Sources/<Target>` or `Tests/<Target>` of the nearest folder holding a `Package.swift` —
/// otherwise the files of one directory. Looks at the file system once per directory.
final class PackageGrouping: @unchecked Sendable {
    private let lock = NSLock()
    /// Nearest ancestor holding `Package.swift`, by directory (`""` when none).
    private var packageRoots: [String: String] = [:]

    /// The package key of a file: `dir␀go:name` or the Swift target's directory.
    func key(path: String, language: Language, source: SourceFile) -> String {
        let directory = (path as NSString).deletingLastPathComponent
        switch language {
        case .go:
            return directory + "\u{0}go:" + (GoFrontend.packageName(source) ?? "?")
        case .swift:
            guard let root = packageRoot(of: directory), !root.isEmpty else { return directory + "\u{0}swift" }
            let relative = directory == root ? "" : String(directory.dropFirst(root.count + 1))
            let parts = relative.split(separator: "/", maxSplits: 2)
            if parts.count >= 2, parts[0] == "Sources" || parts[0] == "Tests" {
                return root + "/" + parts[0] + "/" + parts[1] + "\u{0}swift"
            }
            return directory + "\u{0}swift"
        }
    }

    private func packageRoot(of directory: String) -> String? {
        lock.lock()
        defer { lock.unlock() }
        var visited: [String] = []
        var current = directory
        var found = ""
        for _ in 0..<64 {
            if let known = packageRoots[current] { found = known; break }
            visited.append(current)
            let manifest = current.isEmpty ? "Package.swift" : current + "/Package.swift"
            if FileManager.default.fileExists(atPath: manifest) { found = current; break }
            let parent = (current as NSString).deletingLastPathComponent
            if parent == current || current.isEmpty { break }
            current = parent
        }
        for directory in visited { packageRoots[directory] = found }
        return found
    }
}
