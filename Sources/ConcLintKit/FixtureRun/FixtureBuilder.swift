import ConcModel
import Foundation

/// Compiles fixtures into race-instrumented programs and says how to run them.
///
/// - Swift: `swiftc -sanitize=thread -swift-version 5` against ``RuntimeLibrary``. Language
///   mode 5 because the triggering fixtures are racy on purpose, which Swift 6 mode would refuse
///   to compile; warnings are suppressed for the same reason.
/// - Go: `go build -race` (`go test -race -c` for a `_test.go` file) in the fixture's folder; a
///   folder with its own `go.mod` builds as that module, with its `go` version, from a copy of
///   the module holding only this fixture (``moduleDirectory(for:)``). Building first
///   and running the binary, rather than `go run`, keeps compile time out of the run's timeout
///   and lets a timeout kill the program itself (`go run` would leave its child running).
///   `GOTOOLCHAIN=local`, `GOWORK=off` and `GOPROXY=off` keep the build from fetching anything.
///
/// Programs are cached in the build cache under a ``CacheKey`` of the source, the tool version,
/// the flags (and the folder's `go.mod`/`go.sum`, or the runtime build), so an unchanged fixture
/// is not compiled again.
struct FixtureBuilder: Sendable {
    /// How long one compile may take.
    static let compileTimeout: Duration = .seconds(600)

    /// A tool and its version text (`swiftc --version`, `go version`).
    struct Tool: Sendable {
        /// Its absolute path.
        var path: String
        /// Its version text, part of every cache key.
        var version: String
    }

    /// The Swift compiler, when Swift fixtures run.
    var swiftc: Tool?
    /// The runtime library the Swift fixtures link, when Swift fixtures run.
    var runtime: RuntimeLibrary?
    /// The Go tool, when Go fixtures run.
    var go: Tool?
    /// The build cache: programs go to `bin/`, logs to `logs/`.
    var cache: String

    /// The command that compiles `fixture` into `program`, or `nil` when its tool is missing.
    func compileCommand(for fixture: FixtureCase, program: String) -> ToolCommand? {
        switch fixture.language {
        case .swift:
            guard let swiftc, let runtime else { return nil }
            let library = runtime.directory
            return ToolCommand(
                executable: swiftc.path,
                arguments: [
                    "-sanitize=thread", "-swift-version", "5", "-suppress-warnings", "-g", "-Onone",
                    "-I", library, "-L", library, "-Xlinker", "-rpath", "-Xlinker", library,
                    absolute(fixture.path), "-o", program,
                ],
                directory: binDirectory)
        case .go:
            guard let go else { return nil }
            let verb = fixture.isGoTest ? ["test", "-race", "-c"] : ["build", "-race"]
            let module = moduleDirectory(for: fixture)
            return ToolCommand(
                executable: go.path, arguments: verb + ["-o", program, module == nil ? fixture.fileName : "."],
                directory: module ?? fixture.directory,
                environment: ["GOTOOLCHAIN": "local", "GOWORK": "off", "GOPROXY": "off"])
        }
    }

    /// For a Go fixture whose folder has a `go.mod`: the folder it is built in as that module,
    /// `<cache>/go-modules/<rule>-<case>/`, holding copies of the `go.mod`, `go.sum` and the
    /// fixture alone. Files named on the `go build` command line would be built outside any
    /// module, at the toolchain's language version; the module's `go` line must decide (the
    /// loop-variable fixtures need Go 1.21 semantics), and the folder's other fixtures each
    /// declare their own `main`.
    func moduleDirectory(for fixture: FixtureCase) -> String? {
        let goMod = (fixture.directory as NSString).appendingPathComponent("go.mod")
        guard FileManager.default.fileExists(atPath: goMod) else { return nil }
        let stem = (fixture.fileName as NSString).deletingPathExtension
        return URL(fileURLWithPath: cache).appending(path: "go-modules/\(fixture.ruleID)-\(stem)").path
    }

    /// Fills ``moduleDirectory(for:)`` afresh; `false` when a copy failed.
    func stageModule(for fixture: FixtureCase, in module: String) -> Bool {
        let fileManager = FileManager.default
        try? fileManager.removeItem(atPath: module)
        do {
            try fileManager.createDirectory(atPath: module, withIntermediateDirectories: true)
            for name in ["go.mod", "go.sum", fixture.fileName] {
                let source = (fixture.directory as NSString).appendingPathComponent(name)
                guard fileManager.fileExists(atPath: source) else { continue }
                try fileManager.copyItem(atPath: source, toPath: (module as NSString).appendingPathComponent(name))
            }
            return true
        } catch {
            return false
        }
    }

    /// The command that runs the compiled `program` of `fixture`, in the fixture's folder.
    ///
    /// Sanitizer reports are sent to standard error whatever `TSAN_OPTIONS` / `GORACE` say
    /// otherwise, since the verdict is read from the output. The sanitizers' one-second sleep at
    /// exit (`atexit_sleep_ms`) is kept although it costs a second per fixture: it is what lets
    /// them see races with threads still running when `main` returns.
    func runCommand(for fixture: FixtureCase, program: String) -> ToolCommand {
        let environment = ProcessInfo.processInfo.environment
        switch fixture.language {
        case .swift:
            let options = [environment["TSAN_OPTIONS"], "log_path=stderr"].compactMap { $0 }.joined(separator: ":")
            return ToolCommand(
                executable: program, arguments: [], directory: fixture.directory,
                environment: ["TSAN_OPTIONS": options])
        case .go:
            let options = [environment["GORACE"], "log_path=stderr"].compactMap { $0 }.joined(separator: " ")
            return ToolCommand(
                executable: program, arguments: fixture.isGoTest ? ["-test.count=1"] : [],
                directory: fixture.directory, environment: ["GORACE": options])
        }
    }

    /// The cached program for `fixture`: its path, under `bin/` named by its cache key.
    func programPath(for fixture: FixtureCase) -> String? {
        let tool: Tool?
        var key = CacheKey()
        switch fixture.language {
        case .swift:
            tool = swiftc
            key.add(runtime?.directory ?? "")
        case .go:
            tool = go
            for name in ["go.mod", "go.sum"] {
                let path = (fixture.directory as NSString).appendingPathComponent(name)
                key.add(FileManager.default.contents(atPath: path) ?? Data())
            }
            key.add(fixture.isGoTest ? "test" : "build")
        }
        guard let tool, let source = FileManager.default.contents(atPath: fixture.path) else { return nil }
        key.add(tool.version)
        key.add(compileCommand(for: fixture, program: "")?.arguments.joined(separator: " ") ?? "")
        key.add(source)
        let stem = (fixture.fileName as NSString).deletingPathExtension
        return (binDirectory as NSString).appendingPathComponent("\(fixture.ruleID)-\(stem)-\(key)")
    }

    /// Compiles `fixture`, or reuses its cached program.
    ///
    /// - Returns: the program's path, or the ``FixtureOutcome/failed(reason:)`` outcome (with
    ///   the compiler's first error line) and the compile log.
    func build(_ fixture: FixtureCase, log: String) async -> Result<String, BuildFailure> {
        guard let program = programPath(for: fixture) else {
            return .failure(BuildFailure(reason: "cannot read \(fixture.path)", log: nil))
        }
        if FileManager.default.isExecutableFile(atPath: program) { return .success(program) }
        let partial = program + ".partial-\(ProcessInfo.processInfo.processIdentifier)"
        guard let command = compileCommand(for: fixture, program: partial) else {
            return .failure(BuildFailure(reason: "no compiler for \(fixture.language.rawValue)", log: nil))
        }
        if fixture.language == .go, let module = moduleDirectory(for: fixture), !stageModule(for: fixture, in: module) {
            return .failure(BuildFailure(reason: "cannot copy the fixture's module into \(module)", log: nil))
        }
        let capture: RunCapture
        do {
            capture = try await command.run(ProcessRunner(), timeout: Self.compileTimeout, log: log)
        } catch {
            return .failure(BuildFailure(reason: error.description, log: nil))
        }
        guard capture.ending == .exited(0), FileManager.default.isExecutableFile(atPath: partial) else {
            try? FileManager.default.removeItem(atPath: partial)
            return .failure(BuildFailure(reason: "did not compile: " + Self.firstError(in: capture), log: log))
        }
        try? FileManager.default.removeItem(atPath: program)
        do {
            try FileManager.default.moveItem(atPath: partial, toPath: program)
        } catch {
            return .success(partial)  // still a good program; only the cache entry is missing
        }
        return .success(program)
    }

    /// The compiler's first error line, or how it ended when no line says `error`.
    static func firstError(in capture: RunCapture) -> String {
        let lines = capture.output.split(whereSeparator: \.isNewline)
        let line = lines.first { $0.contains("error:") } ?? lines.first { !$0.isEmpty }
        return line.map { VerdictClassifier.clipped(String($0)) } ?? "\(capture.ending)"
    }

    /// The folder compiled programs go to.
    var binDirectory: String { (cache as NSString).appendingPathComponent("bin") }

    /// `path` made absolute against the working directory.
    private func absolute(_ path: String) -> String { URL(fileURLWithPath: path).standardizedFileURL.path }
}

/// A fixture that did not compile.
struct BuildFailure: Error, Sendable {
    /// One line for the table.
    var reason: String
    /// The compiler output's file, when the compiler ran.
    var log: String?
}
