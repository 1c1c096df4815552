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
        // An HTML5 parser that reads pages as browsers do, for `gloss import`.
        .systemLibrary(
            name: "CGumbo",
            pkgConfig: "gumbo",
            providers: [.apt(["libgumbo-dev"])]
        ),
        // libxml2 for RSS and Atom: a strict XML parser that reports line and
        // column, without the extra runtime library FoundationXML would need.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // jemalloc in place of glibc's allocator for the whole process: a build
        // makes millions of small allocations on every core, and glibc's malloc
        // and free were a seventh of its CPU (docs/benchmarks.md, "Allocator").
        .systemLibrary(
            name: "CJemalloc",
            pkgConfig: "jemalloc",
            providers: [.apt(["libjemalloc-dev"])]
        ),
        // zlib's raw deflate for the search index's files, which the page
        // inflates with the browser's DecompressionStream (docs/search.md).
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // Linux's atomic exchange of two paths, which Glibc's Swift overlay does not export.
        .target(name: "CFileExchange"),
        .target(name: "GlossModel"),
        .target(
            name: "GlossContent",
            dependencies: ["GlossModel", .product(name: "Yams", package: "Yams")]
        ),
        .target(name: "GlossMarkdown", dependencies: ["GlossModel", "CCmark"]),
        // Search: folding, words, stemming and the index's file format, pure.
        .target(name: "GlossSearch", dependencies: ["GlossModel", "CZlib"]),
        // Quote check: finding quotations, matching them with passages, verdicts; pure.
        .target(name: "GlossQuotes", dependencies: ["GlossModel"]),
        .target(name: "GlossSite", dependencies: ["GlossModel", "GlossMarkdown"]),
        .target(
            name: "GlossRender",
            dependencies: ["GlossModel", "GlossSite", "GlossTemplate", "GlossExport"]
        ),
        // The data files written beside each transcript: Web Annotation, WebVTT, SRT, JSON.
        .target(name: "GlossExport", dependencies: ["GlossModel"]),
        // Gloss's own Mustache engine: typed values, compiled templates, byte-level rendering.
        .target(name: "GlossTemplate", dependencies: ["GlossModel"]),
        .target(
            name: "GlossBuild",
            dependencies: ["GlossModel", "GlossContent", "GlossMarkdown", "GlossSite", "GlossRender", "GlossSearch", "GlossQuotes", "CFileExchange"]
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
        .target(
            name: "GlossImport",
            dependencies: ["GlossModel", "CGumbo", "CLibXML2", .product(name: "Yams", package: "Yams")]
        ),
        .executableTarget(
            name: "gloss",
            dependencies: ["CJemalloc", "GlossBuild", "GlossImport", "GlossModel", "GlossServe", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // Times an in-process rebuild after one edit, as the preview server does it.
        .executableTarget(name: "rebuild-bench", dependencies: ["CJemalloc", "GlossBuild"]),
        // Renders a list page with GlossTemplate and with swift-mustache and prints both times.
        .executableTarget(
            name: "template-bench",
            dependencies: ["GlossTemplate", .product(name: "Mustache", package: "swift-mustache")]
        ),
        .testTarget(name: "GlossContentTests", dependencies: ["GlossContent"]),
        .testTarget(name: "GlossMarkdownTests", dependencies: ["GlossMarkdown", "CCmark"]),
        .testTarget(name: "GlossSiteTests", dependencies: ["GlossSite"]),
        .testTarget(name: "GlossRenderTests", dependencies: ["GlossRender"]),
        .testTarget(name: "GlossExportTests", dependencies: ["GlossExport", "GlossModel"]),
        // Compares GlossTemplate with swift-mustache on the theme's templates, so it depends on both.
        .testTarget(
            name: "GlossTemplateTests",
            dependencies: ["GlossTemplate", "GlossModel", .product(name: "Mustache", package: "swift-mustache")]
        ),
        .testTarget(name: "GlossBuildTests", dependencies: ["GlossBuild", "CZlib"]),
        .testTarget(name: "GlossSearchTests", dependencies: ["GlossSearch", "CZlib"]),
        .testTarget(name: "GlossQuotesTests", dependencies: ["GlossQuotes", "GlossModel"]),
        // Imports fixtures and builds them with the real pipeline to measure fidelity.
        .testTarget(
            name: "GlossImportTests",
            dependencies: ["GlossImport", "GlossBuild", "GlossContent"],
            exclude: ["Fixtures"]
        ),
        // Also runs `gloss serve` itself, so depends on the binary too.
        .testTarget(name: "GlossServeTests", dependencies: ["GlossServe", "GlossBuild", "GlossModel", "gloss"]),
        // Runs the built `gloss` binary as a user would; depends on it so it is built first.
        .testTarget(name: "GlossCommandTests", dependencies: ["gloss"], exclude: ["Catalog", "Injection"]),
    ],
    swiftLanguageModes: [.v6]
)
