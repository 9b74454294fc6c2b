// swift-tools-version: 6.1
// Builds only ConcRuntime and its tests (symlinked from the main package) so that
// scripts/test-runtime-tsan.sh can run them under ThreadSanitizer without building swift-syntax.
import PackageDescription

let strict: [SwiftSetting] = [.swiftLanguageMode(.v6)]

let package = Package(
    name: "RuntimeTSan",
    platforms: [.macOS(.v15)],
    targets: [
        .target(name: "CConcRuntimeShims"),
        .target(name: "ConcRuntime", dependencies: ["CConcRuntimeShims"], swiftSettings: strict),
        .testTarget(name: "ConcRuntimeTests", dependencies: ["ConcRuntime"], swiftSettings: strict),
    ]
)
