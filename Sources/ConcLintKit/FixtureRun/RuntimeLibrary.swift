import Foundation

/// ConcRuntime compiled with ThreadSanitizer as a shared library, for the Swift fixtures to
/// import and link: `libConcRuntime.so` (`.dylib` on Apple platforms) and
/// `ConcRuntime.swiftmodule` in one folder of the build cache.
///
/// The library is compiled straight from the package's `Sources/ConcRuntime/*.swift` with one
/// `swiftc` call rather than with `swift build`: it needs no package resolution, builds nothing
/// else, does not fight a running `swift build` for the package's `.build` lock, and gives a
/// module built with `-sanitize=thread` whatever configuration the package itself was built in.
/// A shared library (rather than an archive) carries its own dependencies (Synchronization,
/// Dispatch), so a fixture links it with `-I`/`-L`/rpath alone. The folder is named by a
/// ``CacheKey`` over the sources, the `swiftc` version and the flags, so a later run reuses it
/// and any change rebuilds it.
struct RuntimeLibrary: Sendable {
    /// The folder holding the library and its module.
    var directory: String

    /// The module and library name.
    static let moduleName = "ConcRuntime"
    /// The library's file name on this platform.
    static var libraryFileName: String {
        #if canImport(Darwin)
            "lib\(moduleName).dylib"
        #else
            "lib\(moduleName).so"
        #endif
    }
    /// The sources' folder inside a package.
    static let sourcesSubpath = "Sources/ConcRuntime"

    /// The nearest folder at or above each of `starts`, in turn, that holds
    /// `Sources/ConcRuntime` with at least one `.swift` file.
    static func packageRoot(searchingUpFrom starts: [String]) -> String? {
        for start in starts {
            var folder = URL(fileURLWithPath: start).standardizedFileURL
            while true {
                if !sources(inPackageAt: folder.path).isEmpty { return folder.path }
                let parent = folder.deletingLastPathComponent()
                if parent.path == folder.path { break }
                folder = parent
            }
        }
        return nil
    }

    /// The ConcRuntime source files of the package at `root`, sorted; empty when there are none.
    static func sources(inPackageAt root: String) -> [String] {
        let folder = (root as NSString).appendingPathComponent(sourcesSubpath)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".swift") }.sorted().map { (folder as NSString).appendingPathComponent($0) }
    }

    /// The `swiftc` arguments that build the library into `directory` from `sources`.
    static func compilerArguments(sources: [String], into directory: String) -> [String] {
        var arguments = [
            "-emit-library", "-emit-module", "-module-name", moduleName, "-module-link-name", moduleName,
            "-parse-as-library", "-swift-version", "6", "-sanitize=thread", "-g", "-Onone",
            "-emit-module-path", (directory as NSString).appendingPathComponent("\(moduleName).swiftmodule"),
            "-o", (directory as NSString).appendingPathComponent(libraryFileName),
        ]
        #if canImport(Darwin)
            arguments += ["-Xlinker", "-install_name", "-Xlinker", "@rpath/\(libraryFileName)"]
        #endif
        return arguments + sources
    }

    /// The library for the package at `root`: the cached build when its key matches, else a new
    /// one compiled into the cache.
    ///
    /// A build goes to a scratch folder that is renamed into place when it succeeded, so an
    /// interrupted or concurrent build never leaves a half-written library behind.
    ///
    /// - Parameters:
    ///   - root: the package root (holding `Sources/ConcRuntime`).
    ///   - swiftc: the compiler, and its `--version` text for the key.
    ///   - cache: the build cache folder.
    /// - Returns: the library, or the compiler's output when the build failed.
    static func build(
        packageAt root: String, swiftc: (path: String, version: String), cache: String
    ) async -> Result<RuntimeLibrary, RuntimeBuildFailure> {
        let sources = sources(inPackageAt: root)
        var key = CacheKey()
        key.add(swiftc.version)
        key.add(compilerArguments(sources: [], into: "").joined(separator: " "))
        for source in sources {
            key.add((source as NSString).lastPathComponent)
            key.add(FileManager.default.contents(atPath: source) ?? Data())
        }
        let directory = (cache as NSString).appendingPathComponent("runtime-\(key)")
        let library = RuntimeLibrary(directory: directory)
        if library.isComplete { return .success(library) }
        let scratch = directory + ".partial-\(ProcessInfo.processInfo.processIdentifier)"
        let fileManager = FileManager.default
        try? fileManager.removeItem(atPath: scratch)
        do {
            try fileManager.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        } catch {
            return .failure(RuntimeBuildFailure(reason: "cannot create \(scratch): \(error)", log: nil))
        }
        let log = directory + ".log"
        let capture: RunCapture
        do {
            // In the scratch folder: swiftc leaves its object file in the working directory.
            capture = try await ProcessRunner().run(
                swiftc.path, arguments: compilerArguments(sources: sources, into: scratch), in: scratch,
                timeout: FixtureBuilder.compileTimeout, log: log)
        } catch {
            return .failure(RuntimeBuildFailure(reason: error.description, log: nil))
        }
        guard capture.ending == .exited(0), RuntimeLibrary(directory: scratch).isComplete else {
            try? fileManager.removeItem(atPath: scratch)
            return .failure(RuntimeBuildFailure(reason: "swiftc failed (\(capture.ending))", log: log))
        }
        try? fileManager.removeItem(atPath: (scratch as NSString).appendingPathComponent("\(moduleName).o"))
        do {
            try fileManager.moveItem(atPath: scratch, toPath: directory)
        } catch {
            // Another run may have moved its own build into place first; use that one.
            try? fileManager.removeItem(atPath: scratch)
            guard library.isComplete else {
                return .failure(RuntimeBuildFailure(reason: "cannot move the build into \(directory): \(error)", log: nil))
            }
        }
        return .success(library)
    }

    /// Whether the folder holds both the library and its module.
    var isComplete: Bool {
        [Self.libraryFileName, "\(Self.moduleName).swiftmodule"].allSatisfy {
            FileManager.default.fileExists(atPath: (directory as NSString).appendingPathComponent($0))
        }
    }
}

/// ConcRuntime did not compile: why, and the compiler's log when there is one.
struct RuntimeBuildFailure: Error, Sendable {
    /// One line.
    var reason: String
    /// The compiler output's file, when the compiler ran.
    var log: String?
}
