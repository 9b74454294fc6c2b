import ConcModel
import ConcRules
import Foundation
import GoFrontend
import SwiftFrontend

/// `conclint dump-model`: lowers the files under the given paths — every file, whether or not
/// it mentions concurrency — groups them into packages as a lint run does, and prints each
/// package's model (``ConcModel/ModelDump``) in path order.
public enum ModelDumper {
    /// The dump of every package under `paths`; unreadable files are named on a `# skipped` line.
    public static func dump(_ paths: [String], configuration: Configuration = Configuration(baseDirectory: FileManager.default.currentDirectoryPath)) -> String {
        let discovery = FileDiscovery().discover(paths)
        let loader = SourceLoader(maxFileSize: 8 << 20)
        let grouping = PackageGrouping()
        var resolver = GoVersionResolver()
        var members: [String: [UnitSummary]] = [:]
        var out = ""
        for path in discovery.files {
            guard let language = Language(path: path) else { continue }
            guard let source = loader.load(path).source else { out += "# skipped \(path): unreadable\n"; continue }
            let extensions = configuration.extensions(for: language)
            let lowered: LoweredFile = switch language {
            case .go:
                GoFrontend.lower(source, languageVersion: resolver.version(forFileAt: path).map { ($0.major, $0.minor) },
                                 extensions: extensions, forceLowering: true)
            case .swift: SwiftFrontend.lower(source, extensions: extensions, forceLowering: true)
            }
            members[grouping.key(path: path, language: language, source: source), default: []].append(UnitSummary(lowered.unit))
        }
        for key in members.keys.sorted() {
            for units in UnitSummary.packages(of: members[key] ?? []) {
                let package = PackageModel(name: key, units: units)
                out += ModelDump.text(of: package, facts: LockFacts(package))
            }
        }
        return out
    }
}
