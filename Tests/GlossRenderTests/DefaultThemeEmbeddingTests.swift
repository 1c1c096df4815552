import Foundation
import GlossRender
import Testing

/// The binary carries `Templates/` as `DefaultTheme.generated.swift`; these must not drift apart.
@Suite struct DefaultThemeEmbeddingTests {
    /// `Templates/` at the repository root, found from this file's path.
    static let templatesDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Templates", isDirectory: true)

    static func filesOnDisk() throws -> [String: [UInt8]] {
        let root = templatesDirectory.path
        let paths = FileManager.default.enumerator(atPath: root)?.allObjects as? [String] ?? []
        var files: [String: [UInt8]] = [:]
        for path in paths where !path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
            var isDirectory: ObjCBool = false
            let full = root + "/" + path
            guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            files[path] = try [UInt8](Data(contentsOf: URL(fileURLWithPath: full)))
        }
        return files
    }

    @Test func builtInThemeMatchesTemplatesDirectory() throws {
        let onDisk = try Self.filesOnDisk()
        #expect(!onDisk.isEmpty, "Templates/ not found at \(Self.templatesDirectory.path)")
        let embedded = Theme.builtIn.files
        #expect(Set(embedded.keys) == Set(onDisk.keys), "run scripts/embed-theme")
        for (path, bytes) in onDisk {
            #expect(embedded[path] == bytes, "\(path) differs from the embedded copy: run scripts/embed-theme")
        }
    }

    @Test func assetsStayWithinTheSizeBudget() throws {
        let renderer = try Fixtures.renderer()
        #expect(Set(renderer.assets.keys) == ["assets/gloss.css", "assets/gloss.js", "assets/search.css", "assets/search.js"])
        // What every page loads.
        let everyPage = ["assets/gloss.css", "assets/gloss.js"].reduce(0) { $0 + (renderer.assets[$1]?.count ?? 0) }
        #expect(everyPage <= 20 * 1024)
        // What the search page alone adds (docs/search.md); ranking with the
        // parts of common words loaded as needed made it 5 KB larger.
        let search = ["assets/search.css", "assets/search.js"].reduce(0) { $0 + (renderer.assets[$1]?.count ?? 0) }
        #expect(search <= 32 * 1024)
    }
}
