import Foundation

/// Turns report paths into SARIF artifact locations (§3.4): relative to `%SRCROOT%` when the file
/// lies under the source root, an absolute `file://` URI otherwise. Path segments are
/// percent-encoded (RFC 3986).
struct SARIFArtifactURIs: Sendable {
    /// The `uriBaseId` of the source root.
    static let baseID = "%SRCROOT%"

    /// The absolute source root, standardized, without a trailing slash (`/` stays `/`).
    let sourceRoot: String

    init(sourceRoot: String) {
        let standardized = URL(fileURLWithPath: sourceRoot).standardizedFileURL.path
        self.sourceRoot = standardized.count > 1 && standardized.hasSuffix("/")
            ? String(standardized.dropLast()) : standardized
    }

    /// The `originalUriBaseIds` entry: `file:///root/` (with the trailing slash §3.14.14 asks for).
    var rootLocation: SARIFArtifactLocation {
        SARIFArtifactLocation(uri: "file://" + Self.encode(sourceRoot == "/" ? "/" : sourceRoot + "/"), uriBaseId: nil)
    }

    /// The location of the file at `path` (as given to conclint: relative to the working
    /// directory, which is normally the source root, or absolute).
    func location(of path: String) -> SARIFArtifactLocation {
        let absolute = path.hasPrefix("/") ? path : sourceRoot + "/" + path
        let standardized = URL(fileURLWithPath: absolute).standardizedFileURL.path
        let prefix = sourceRoot == "/" ? "/" : sourceRoot + "/"
        if standardized.hasPrefix(prefix) {
            return SARIFArtifactLocation(
                uri: Self.encode(String(standardized.dropFirst(prefix.count))), uriBaseId: Self.baseID)
        }
        return SARIFArtifactLocation(uri: "file://" + Self.encode(standardized), uriBaseId: nil)
    }

    private static func encode(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: ";")
        return path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
    }
}
