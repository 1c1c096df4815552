// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Gloss",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "gloss", targets: ["gloss"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.60.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // Linux's atomic exchange of two paths, which Glibc's Swift overlay does not export.
        .target(name: "CFileExchange"),
        .target(name: "GlossModel"),
        .target(
            name: "GlossContent",
            dependencies: ["GlossModel", .product(name: "Yams", package: "Yams")]
        ),
        .target(name: "GlossMarkdown", dependencies: ["GlossModel", "CCmark"]),
        .target(name: "GlossSite", dependencies: ["GlossModel", "GlossMarkdown"]),
        .target(
            name: "GlossRender",
            dependencies: ["GlossModel", "GlossSite", .product(name: "Mustache", package: "swift-mustache")]
        ),
        .target(
            name: "GlossBuild",
            dependencies: ["GlossModel", "GlossContent", "GlossMarkdown", "GlossSite", "GlossRender", "CFileExchange"]
        ),
        .target(
            name: "GlossServe",
            dependencies: [
                "GlossBuild", "GlossModel",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "gloss",
            dependencies: ["GlossBuild", "GlossModel", "GlossServe", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(name: "GlossContentTests", dependencies: ["GlossContent"]),
        .testTarget(name: "GlossMarkdownTests", dependencies: ["GlossMarkdown", "CCmark"]),
        .testTarget(name: "GlossSiteTests", dependencies: ["GlossSite"]),
        .testTarget(name: "GlossRenderTests", dependencies: ["GlossRender"]),
        .testTarget(name: "GlossBuildTests", dependencies: ["GlossBuild"]),
        // Also runs `gloss serve` itself, so depends on the binary too.
        .testTarget(name: "GlossServeTests", dependencies: ["GlossServe", "GlossBuild", "GlossModel", "gloss"]),
        // Runs the built `gloss` binary as a user would; depends on it so it is built first.
        .testTarget(name: "GlossCommandTests", dependencies: ["gloss"]),
    ],
    swiftLanguageModes: [.v6]
)
