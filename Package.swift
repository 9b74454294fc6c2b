// swift-tools-version: 6.1
import PackageDescription

// Targets follow the one-way pipeline described in docs/ARCHITECTURE.md:
// GoSyntax / SwiftParser → front ends → ConcModel → ConcRules → ConcReport → ConcLintKit → conclint.
// ConcRuntime is independent of all of them.
let strict: [SwiftSetting] = [.swiftLanguageMode(.v6)]

let package = Package(
    name: "conclint",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "conclint", targets: ["conclint"]),
        .library(name: "ConcRuntime", targets: ["ConcRuntime"]),
        .library(name: "ConcLintKit", targets: ["ConcLintKit"]),
        .plugin(name: "ConclintCommandPlugin", targets: ["ConclintCommandPlugin"]),
    ],
    dependencies: [
        .package(url: "https://github.com/swiftlang/swift-syntax", from: "603.0.1"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.2"),
        .package(url: "https://github.com/apple/swift-system", from: "1.8.1"),
    ],
    targets: [
        .target(name: "GoSyntax", swiftSettings: strict),
        .target(name: "ConcModel", swiftSettings: strict),
        .target(name: "GoFrontend", dependencies: ["GoSyntax", "ConcModel"], swiftSettings: strict),
        .target(
            name: "SwiftFrontend",
            dependencies: [
                "ConcModel",
                .product(name: "SwiftSyntax", package: "swift-syntax"),
                .product(name: "SwiftParser", package: "swift-syntax"),
                .product(name: "SwiftParserDiagnostics", package: "swift-syntax"),
                .product(name: "SwiftDiagnostics", package: "swift-syntax"),
            ],
            swiftSettings: strict),
        .target(
            name: "ConcRules", dependencies: ["ConcModel"], swiftSettings: strict,
            plugins: ["RuleCatalogPlugin"]),
        .executableTarget(
            name: "rule-catalog-generator", dependencies: [.product(name: "Yams", package: "Yams")],
            swiftSettings: strict),
        .plugin(
            name: "RuleCatalogPlugin", capability: .buildTool(),
            dependencies: ["rule-catalog-generator"]),
        .target(
            name: "ConcReport", dependencies: ["ConcRules"], swiftSettings: strict, plugins: ["BuildInfoPlugin"]),
        // `conclint --version` and the reports name the commit: read from .git at build time.
        .executableTarget(name: "build-info-generator", swiftSettings: strict),
        .plugin(name: "BuildInfoPlugin", capability: .buildTool(), dependencies: ["build-info-generator"]),
        .target(
            name: "ConcLintKit",
            dependencies: [
                "GoFrontend", "SwiftFrontend", "ConcRules", "ConcReport",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Subprocess", package: "swift-subprocess"),
                // swift-subprocess's FilePath is System's on Apple platforms, SystemPackage's elsewhere.
                .product(
                    name: "SystemPackage", package: "swift-system",
                    condition: .when(platforms: [.linux, .windows, .android, .wasi, .openbsd])),
            ],
            swiftSettings: strict),
        .plugin(
            name: "ConclintCommandPlugin",
            capability: .command(
                intent: .custom(verb: "conclint", description: "Find concurrency hazards in the package's Swift and Go sources"))),
        .executableTarget(
            name: "conclint",
            dependencies: [
                "ConcLintKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict),
        .executableTarget(name: "gosyntax-tool", dependencies: ["GoSyntax"], swiftSettings: strict),
        .executableTarget(
            name: "swift-parse-bench", dependencies: [.product(name: "SwiftParser", package: "swift-syntax")],
            swiftSettings: strict),
        // The spin-wait instruction (PAUSE / YIELD), which Swift cannot spell.
        .target(name: "CConcRuntimeShims"),
        .target(name: "ConcRuntime", dependencies: ["CConcRuntimeShims"], swiftSettings: strict),
        .testTarget(name: "GoSyntaxTests", dependencies: ["GoSyntax"], swiftSettings: strict),
        .testTarget(
            name: "ConcLintKitTests",
            dependencies: [
                "ConcLintKit", "ConcReport", "ConcRules", "ConcModel", "SwiftFrontend", "GoFrontend", "GoSyntax",
                "conclint", "build-info-generator", .product(name: "SwiftParser", package: "swift-syntax"),
                .product(name: "SwiftSyntax", package: "swift-syntax"),
            ],
            swiftSettings: strict),
        .testTarget(name: "ConcRuntimeTests", dependencies: ["ConcRuntime"], swiftSettings: strict),
    ]
)
