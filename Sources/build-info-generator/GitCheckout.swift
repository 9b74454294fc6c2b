import Foundation

/// A git checkout found from its working tree, read from the files git keeps: no `git` process,
/// no network, so it works wherever the sources came with their `.git`.
///
/// Handles a plain repository (`.git` is a directory), a linked worktree or submodule (`.git` is a
/// file `gitdir: PATH`, and the worktree's `commondir` names the shared directory), a detached
/// `HEAD`, and a branch whose ref is loose (`refs/heads/NAME`) or only in `packed-refs`.
/// Repositories using the reftable ref backend are not read (their `HEAD` names no real ref).
struct GitCheckout: Equatable {
    /// The checkout's own git directory: `.git`, or the directory a `.git` file names.
    let gitDirectory: URL
    /// Where shared refs and `packed-refs` live: ``gitDirectory``, or the one its `commondir` names.
    let commonDirectory: URL

    /// The checkout whose working tree is `workingTree`, or `nil` when it has no `.git`.
    init?(workingTree: URL) {
        let dotGit = workingTree.appending(path: ".git")
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dotGit.path, isDirectory: &isDirectory) else { return nil }
        if isDirectory.boolValue {
            gitDirectory = dotGit
        } else {
            // A linked worktree or a submodule: `gitdir: PATH`, relative to the working tree.
            guard let text = Self.firstLine(of: dotGit), text.hasPrefix("gitdir:") else { return nil }
            let path = text.dropFirst("gitdir:".count).trimmingCharacters(in: .whitespaces)
            gitDirectory = Self.resolve(path, against: workingTree)
        }
        guard FileManager.default.fileExists(atPath: gitDirectory.appending(path: "HEAD").path) else { return nil }
        if let common = Self.firstLine(of: gitDirectory.appending(path: "commondir")), !common.isEmpty {
            commonDirectory = Self.resolve(common, against: gitDirectory)
        } else {
            commonDirectory = gitDirectory
        }
    }

    /// The full object name of the commit `HEAD` names, or `nil` when it cannot be read.
    func headCommit() -> String? {
        guard let head = Self.firstLine(of: gitDirectory.appending(path: "HEAD")) else { return nil }
        return resolve(head, depth: 0)
    }

    /// Whether `text` is a full object name: 40 (SHA-1) or 64 (SHA-256) lowercase hex digits.
    static func isObjectName(_ text: some StringProtocol) -> Bool {
        (text.count == 40 || text.count == 64) && text.allSatisfy { $0.isHexDigit && !$0.isUppercase }
    }

    /// Follows `ref: NAME` lines (HEAD, symbolic refs) to an object name; stops after a few hops
    /// so a cycle of symbolic refs ends.
    private func resolve(_ content: String, depth: Int) -> String? {
        if Self.isObjectName(content) { return content }
        guard depth < 5, content.hasPrefix("ref:") else { return nil }
        let name = content.dropFirst("ref:".count).trimmingCharacters(in: .whitespaces)
        // Only names below refs/: never let a crafted HEAD read a file elsewhere.
        guard name.hasPrefix("refs/"), !name.split(separator: "/").contains("..") else { return nil }
        // Per-worktree refs (refs/bisect, refs/worktree) are in the worktree's own directory.
        for directory in [gitDirectory, commonDirectory] {
            if let loose = Self.firstLine(of: directory.appending(path: name)) {
                return resolve(loose, depth: depth + 1)
            }
        }
        return packedRef(named: name)
    }

    /// The object name `packed-refs` records for `name`.
    private func packedRef(named name: String) -> String? {
        guard let text = try? String(contentsOf: commonDirectory.appending(path: "packed-refs"), encoding: .utf8)
        else { return nil }
        for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") && !line.hasPrefix("^") {
            let fields = line.split(separator: " ", maxSplits: 1)
            if fields.count == 2, fields[1] == name, Self.isObjectName(fields[0]) { return String(fields[0]) }
        }
        return nil
    }

    /// The first line of a small text file, trimmed; `nil` when it cannot be read.
    private static func firstLine(of file: URL) -> String? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file.path, isDirectory: &isDirectory), !isDirectory.boolValue,
            let text = try? String(contentsOf: file, encoding: .utf8)
        else { return nil }
        return text.split(whereSeparator: \.isNewline).first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
    }

    /// `path` as written in a git file: absolute, or relative to `base`.
    private static func resolve(_ path: String, against base: URL) -> URL {
        path.hasPrefix("/") ? URL(fileURLWithPath: path) : base.appending(path: path).standardizedFileURL
    }
}
