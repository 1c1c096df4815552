import Foundation
import GlossBuild
import GlossModel
import Testing
@testable import GlossServe

@Suite struct FileResolverTests {
    @Test(arguments: ["/a/../b", "/%2e%2e/b", "/a%2fb", "/a%2Fb", "/a%5cb", "/a\\b", "/a%00", "/%zz", "relative", "/./a", "/%2e/a"])
    func suspiciousPathsAreRefusedBeforeTheDiskIsTouched(path: String) {
        #expect(FileResolver.segments(of: path) == nil)
    }

    @Test func ordinaryPathsAreDecodedIntoSegments() {
        #expect(FileResolver.segments(of: "/") == [])
        #expect(FileResolver.segments(of: "/2025/caf%C3%A9%20talk/") == ["2025", "café talk"])
        #expect(FileResolver.segments(of: "//a///b") == ["a", "b"])
    }

    @Test func hiddenFilesAndDirectoriesAreNotServed() throws {
        let directory = try TemporaryDirectory()
        try directory.write("marker", to: ".gloss-output")
        try directory.write("x", to: ".hidden/page.html")
        let resolver = FileResolver(root: directory.path)
        #expect(resolver.resolve("/.gloss-output") == .notFound)
        #expect(resolver.resolve("/.hidden/page.html") == .notFound)
    }

    @Test func aDirectoryResolvesToItsIndexOnlyWithItsSlash() throws {
        let directory = try TemporaryDirectory()
        try directory.write("<p>hi</p>", to: "talks/index.html")
        let resolver = FileResolver(root: directory.path)
        let real = try #require(FileResolver.realPath(directory.path))
        #expect(resolver.resolve("/talks") == .redirect("/talks/"))
        #expect(resolver.resolve("/talks/") == .file(real + "/talks/index.html"))
        try FileManager.default.createDirectory(atPath: directory.path + "/empty", withIntermediateDirectories: true)
        #expect(resolver.resolve("/empty/") == .notFound)
    }
}

@Suite struct ByteRangeTests {
    @Test func singleRangesAreReadAgainstTheLength() {
        #expect(ByteRange(header: "bytes=0-9", length: 100) == .partial(0 ... 9))
        #expect(ByteRange(header: "bytes=90-", length: 100) == .partial(90 ... 99))
        #expect(ByteRange(header: "bytes=-10", length: 100) == .partial(90 ... 99))
        #expect(ByteRange(header: "bytes=-500", length: 100) == .partial(0 ... 99))
        #expect(ByteRange(header: "bytes=50-5000", length: 100) == .partial(50 ... 99))
    }

    @Test func unsatisfiableAndIgnoredRanges() {
        #expect(ByteRange(header: "bytes=100-", length: 100) == .unsatisfiable)
        #expect(ByteRange(header: "bytes=99999999999999999999999-", length: 100) == .unsatisfiable)
        #expect(ByteRange(header: "bytes=-0", length: 100) == .unsatisfiable)
        #expect(ByteRange(header: nil, length: 100) == .whole)
        #expect(ByteRange(header: "bytes=0-1,4-5", length: 100) == .whole)
        #expect(ByteRange(header: "items=0-1", length: 100) == .whole)
        #expect(ByteRange(header: "bytes=9-2", length: 100) == .whole)
        #expect(ByteRange(header: "bytes=a-b", length: 100) == .whole)
    }
}

@Suite struct HTTPHelpersTests {
    @Test func mediaTypesCoverWhatASiteHolds() {
        let expected = [
            "a.html": "text/html; charset=utf-8", "a.css": "text/css; charset=utf-8", "a.js": "text/javascript; charset=utf-8",
            "a.svg": "image/svg+xml", "a.xml": "application/xml", "a.json": "application/json", "a.vtt": "text/vtt; charset=utf-8",
            "a.png": "image/png", "a.JPG": "image/jpeg", "a.webp": "image/webp", "a.mp3": "audio/mpeg", "a.m4a": "audio/mp4",
            "a.ogg": "audio/ogg", "a.mp4": "video/mp4", "a.webm": "video/webm", "a.woff2": "font/woff2",
            "a.unknown": "application/octet-stream", "dir.d/noextension": "application/octet-stream",
        ]
        for (path, type) in expected {
            #expect(MediaTypes.type(forPath: path) == type, "\(path)")
        }
    }

    @Test func httpDatesRoundTrip() {
        #expect(HTTPDate.format(seconds: 784_111_777) == "Sun, 06 Nov 1994 08:49:37 GMT")
        #expect(HTTPDate.parse("Sun, 06 Nov 1994 08:49:37 GMT") == 784_111_777)
        #expect(HTTPDate.parse("Sunday, 06-Nov-94 08:49:37 GMT") == nil)
    }

    @Test func theScriptGoesBeforeTheLastClosingBodyTag() {
        let page = Array("<body><pre>&lt;/body&gt;</pre></BODY>\n</html>".utf8)
        let injected = String(decoding: LiveReloadScript.inject(into: page), as: UTF8.self)
        #expect(injected == "<body><pre>&lt;/body&gt;</pre><script src=\"/__gloss/live.js\" defer></script>\n</BODY>\n</html>")
        let fragment = String(decoding: LiveReloadScript.inject(into: Array("<p>no body".utf8)), as: UTF8.self)
        #expect(fragment.hasSuffix("<p>no body<script src=\"/__gloss/live.js\" defer></script>\n"))
    }

    @Test func errorEventsCarryEveryDiagnosticAsOneLineOfJSON() {
        let event = ServerEvent.errors([
            .error(at: SourceLocation(file: "Content/b.md", line: 3, column: 7), "front matter: \"date\" must be a date\n<script>", note: "like 2025-02-12"),
            .warning(at: nil, "raw HTML left out"),
        ])
        let lines = event.wireFormat.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "event: errors")
        #expect(lines.count == 4)
        #expect(event.wireFormat.hasSuffix("\n\n"))
        #expect(event.json.contains("\"location\":\"Content/b.md:3:7\""))
        #expect(event.json.contains("\"note\":\"like 2025-02-12\""))
        #expect(event.json.contains("\\n<script>"))
    }
}

/// A rebuilder that records each call and holds the second one until released.
private actor GatedRebuilds {
    private(set) var calls: [Set<String>] = []
    private var gate: CheckedContinuation<Void, Never>?
    private var released = false

    func record(_ paths: Set<String>) async {
        calls.append(paths)
        if calls.count == 2, !released {
            await withCheckedContinuation { gate = $0 }
        }
    }

    func release() {
        released = true
        gate?.resume()
        gate = nil
    }

    var isHeld: Bool { gate != nil }
}

private struct GatedRebuilder: SiteRebuilding {
    let rebuilds: GatedRebuilds

    func rebuild(changedPaths: Set<String>) async -> BuildOutcome {
        await rebuilds.record(changedPaths)
        return BuildOutcome(diagnostics: [], pageCount: 1)
    }
}

@Suite struct RebuildCoordinatorTests {
    @Test func changesDuringARebuildCauseExactlyOneMore() async throws {
        let rebuilds = GatedRebuilds()
        let coordinator = RebuildCoordinator(rebuilder: GatedRebuilder(rebuilds: rebuilds), broadcaster: EventBroadcaster(), onRebuild: { _ in })
        let running = Task { await coordinator.run() }
        defer { running.cancel() }
        await coordinator.note(["Content/a.md"])
        while await !rebuilds.isHeld { try await Task.sleep(for: .milliseconds(5)) }
        // Three saves while the rebuild for a.md runs.
        await coordinator.note(["Content/b.md"])
        await coordinator.note(["Content/c.md"])
        await coordinator.note(["Content/b.md", "Templates/base.mustache"])
        await rebuilds.release()
        let clock = ContinuousClock()
        let deadline = clock.now + .seconds(10)
        while await rebuilds.calls.count < 3, clock.now < deadline { try await Task.sleep(for: .milliseconds(5)) }
        try await Task.sleep(for: .milliseconds(200))
        #expect(await rebuilds.calls == [[], ["Content/a.md"], ["Content/b.md", "Content/c.md", "Templates/base.mustache"]])
    }

    @Test func aFailedBuildIsTheStateNewPagesSeeUntilOneSucceeds() async {
        let broadcaster = EventBroadcaster()
        let problem = Diagnostic.error(at: SourceLocation(file: "Content/a.md", line: 2, column: 1), "broken")
        await broadcaster.buildFailed([problem])
        var events = await broadcaster.subscribe().events.makeAsyncIterator()
        #expect(await events.next() == .errors([problem]))
        await broadcaster.buildSucceeded()
        #expect(await events.next() == .ok)
        #expect(await events.next() == .reload)
        var later = await broadcaster.subscribe().events.makeAsyncIterator()
        #expect(await later.next() == .ok)
    }
}

@Suite struct PreviewDirectoryTests {
    @Test func thePreviewIsAHiddenFolderBesideTheContentThatTheBuildAccepts() throws {
        let directory = try TemporaryDirectory()
        let content = directory.path + "/site/Content"
        let preview = PreviewDirectory.path(contentDirectory: content, templatesDirectory: directory.path + "/site/Templates")
        #expect(preview == directory.path + "/site/.gloss/preview")
        #expect(OutputDirectoryPolicy().refusal(output: preview, displayPath: preview, protected: [(content, content)]) == nil)
    }

    @Test func contentInTheFolderGlossRunsInSendsThePreviewToTheTemporaryDirectory() {
        // `--content .` run in the site: neither inside the content nor its parent.
        let here = FileManager.default.currentDirectoryPath
        for content in [".", here, (here as NSString).deletingLastPathComponent] {
            let preview = PreviewDirectory.path(contentDirectory: content, templatesDirectory: "Templates")
            #expect(preview.hasPrefix(NSTemporaryDirectory() + "gloss-preview-"), "\(content) → \(preview)")
        }
    }
}
