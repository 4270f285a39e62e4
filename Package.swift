// swift-tools-version:6.0
import PackageDescription

// The target graph and its one-way layering are described in ARCHITECTURE.md.
// ConnectCore is the foundation; only CursesTerminal may import CNcurses.
let package = Package(
    name: "connect-tui",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "connect-tui", targets: ["connect-tui"]),
        .library(name: "ConnectCore", targets: ["ConnectCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.0.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.80.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.30.0"),
    ],
    targets: [
        .target(
            name: "ConnectCore",
            dependencies: [
                .product(name: "Logging", package: "swift-log"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        // Foundation's URLSession transport, for the benchmark that compares it with the live one.
        .target(name: "ConnectURLSession", dependencies: ["ConnectCore"]),
        .target(
            name: "ConnectSandbox",
            dependencies: [
                "ConnectCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .target(name: "TokenWizard", dependencies: ["ConnectCore"]),
        .target(name: "TerminalKit", dependencies: ["TOMLKit"]),
        .systemLibrary(
            name: "CNcurses",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncurses-dev"])]
        ),
        .target(name: "CursesTerminal", dependencies: ["CNcurses", "TerminalKit"]),
        .target(name: "IntegrationsUI", dependencies: ["ConnectCore", "TokenWizard", "TerminalKit"]),
        .executableTarget(
            name: "connect-tui",
            dependencies: [
                "ConnectCore", "ConnectSandbox", "TokenWizard", "TerminalKit", "CursesTerminal",
                "IntegrationsUI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The benchmarks' in-process half (`scripts/bench` runs it; not part of `swift test`).
        .executableTarget(
            name: "connect-tui-bench",
            dependencies: ["ConnectCore", "ConnectURLSession", "TokenWizard", "TerminalKit", "IntegrationsUI"],
            path: "Benchmarks/connect-tui-bench"
        ),

        // Fuzz targets for the parsers (`scripts/fuzz` builds them for libFuzzer); a normal
        // build replays files through the same checks.
        .executableTarget(name: "connect-tui-fuzz", dependencies: ["ConnectCore"], path: "Fuzz/connect-tui-fuzz"),

        // Test helpers shared by the test targets (recording transport, fixtures).
        .target(name: "ConnectTestSupport", dependencies: ["ConnectCore"], path: "Tests/ConnectTestSupport"),
        .testTarget(name: "ConnectCoreTests", dependencies: ["ConnectCore", "ConnectTestSupport"]),
        .testTarget(name: "TokenWizardTests", dependencies: ["TokenWizard", "ConnectTestSupport"]),
        .testTarget(
            name: "ConnectSandboxTests",
            dependencies: ["ConnectSandbox", "ConnectTestSupport", .product(name: "Logging", package: "swift-log")]),
        .testTarget(name: "TerminalKitTests", dependencies: ["TerminalKit", "ConnectTestSupport"]),
        .testTarget(name: "IntegrationsUITests", dependencies: ["IntegrationsUI", "ConnectSandbox", "ConnectTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
