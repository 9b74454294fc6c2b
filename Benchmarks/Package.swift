// swift-tools-version: 6.1
// ConcRuntime benchmarks, kept out of the main build. The runtime's sources are symlinked
// (Sources/ConcRuntime -> ../../Sources/ConcRuntime) so this package needs no network and none of
// the analyzer's dependencies. Run everything with scripts/bench-runtime.sh (release build).
import PackageDescription

let package = Package(
    name: "ConcRuntimeBenchmarks",
    platforms: [.macOS(.v15)],
    targets: [
        .target(name: "CConcRuntimeShims"),
        .target(
            name: "ConcRuntime",
            dependencies: ["CConcRuntimeShims"],
            swiftSettings: [
                .swiftLanguageMode(.v6),
                // Let the benchmark specialise the runtime's generic channel and parallel code, as
                // whole-module builds of an application would.
                .unsafeFlags(["-cross-module-optimization"]),
            ]),
        .executableTarget(
            name: "RuntimeBench",
            dependencies: ["ConcRuntime"],
            swiftSettings: [.swiftLanguageMode(.v6)]),
    ]
)
