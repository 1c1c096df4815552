import Foundation
import Testing
@testable import GlossServe

/// The preview server over real HTTP: a site built by `gloss init`'s content,
/// served on a free port, asked with a raw socket client.
@Suite struct ServerHTTPTests {
    @Test func pagesAssetsAndMediaHaveTheirContentTypes() async throws {
        let site = try await ServedSite.start()
        defer { Task { await site.stop() } }
        let expected = [
            "/": "text/html; charset=utf-8",
            "/1863/gettysburg-address/": "text/html; charset=utf-8",
            "/assets/gloss.css": "text/css; charset=utf-8",
            "/assets/gloss.js": "text/javascript; charset=utf-8",
            "/assets/mark.svg": "image/svg+xml",
            "/assets/data.json": "application/json",
            "/assets/captions.vtt": "text/vtt; charset=utf-8",
            "/assets/clip.mp4": "video/mp4",
            "/feed.xml": "application/xml",
            "/sitemap.xml": "application/xml",
            "/robots.txt": "text/plain; charset=utf-8",
        ]
        for (path, type) in expected {
            let response = try await site.client.send("GET", path)
            #expect(response.status == 200, "\(path)")
            #expect(response.header("Content-Type") == type, "\(path)")
            #expect(response.header("X-Content-Type-Options") == "nosniff", "\(path)")
        }
    }

    @Test func aDirectoryWithoutItsSlashIsRedirectedAndServesItsIndex() async throws {
        let site = try await ServedSite.start()
        defer { Task { await site.stop() } }
        let redirect = try await site.client.send("GET", "/1863/gettysburg-address?from=feed")
        #expect(redirect.status == 301)
        #expect(redirect.header("Location") == "/1863/gettysburg-address/?from=feed")
        let page = try await site.client.send("GET", "/1863/gettysburg-address/")
        #expect(page.status == 200)
        #expect(page.text.contains("<title>The Gettysburg Address"))
        // A doubled slash cannot turn the redirect into one to another host.
        let doubled = try await site.client.send("GET", "//1863")
        #expect(doubled.status == 301)
        #expect(doubled.header("Location") == "/1863/")
    }

    @Test func aMissingPageGetsTheSitesOwn404PageWithStatus404() async throws {
        let site = try await ServedSite.start()
        defer { Task { await site.stop() } }
        let response = try await site.client.send("GET", "/no/such/page/")
        #expect(response.status == 404)
        #expect(response.header("Content-Type") == "text/html; charset=utf-8")
        #expect(response.text.contains("Page not found"))
        #expect(response.text.contains("<script src=\"/__gloss/live.js\" defer></script>\n</body>"))
    }

    @Test func headSendsTheHeadersOfGetWithoutTheBody() async throws {
        let site = try await ServedSite.start()
        defer { Task { await site.stop() } }
        for path in ["/", "/assets/clip.mp4"] {
            let get = try await site.client.send("GET", path)
            let head = try await site.client.send("HEAD", path)
            #expect(head.status == 200)
            #expect(head.body.isEmpty)
            #expect(head.header("Content-Length") == String(get.body.count))
            #expect(head.header("ETag") == get.header("ETag"))
            #expect(head.header("Content-Type") == get.header("Content-Type"))
        }
    }

    @Test func validatorsGive304ForAnUnchangedFile() async throws {
        let site = try await ServedSite.start()
        defer { Task { await site.stop() } }
        for path in ["/", "/assets/gloss.css"] {
            let first = try await site.client.send("GET", path)
            let entityTag = try #require(first.header("ETag"))
            let lastModified = try #require(first.header("Last-Modified"))
            #expect(first.header("Cache-Control") == "no-cache")

            let byTag = try await site.client.send("GET", path, headers: ["If-None-Match": entityTag])
            #expect(byTag.status == 304)
            #expect(byTag.body.isEmpty)
            let byDate = try await site.client.send("GET", path, headers: ["If-Modified-Since": lastModified])
            #expect(byDate.status == 304)
            let otherTag = try await site.client.send("GET", path, headers: ["If-None-Match": "\"something-else\""])
            #expect(otherTag.status == 200)
            let older = try await site.client.send("GET", path, headers: ["If-Modified-Since": "Sat, 01 Jan 2000 00:00:00 GMT"])
            #expect(older.status == 200)
        }
    }

    @Test func aSingleRangeIsServedWith206() async throws {
        let site = try await ServedSite.start()
        defer { Task { await site.stop() } }
        let clip = ServedSite.clip
        let middle = try await site.client.send("GET", "/assets/clip.mp4", headers: ["Range": "bytes=100-199"])
        #expect(middle.status == 206)
        #expect(middle.header("Content-Range") == "bytes 100-199/1024")
        #expect(middle.body == Array(clip[100 ... 199]))

        let suffix = try await site.client.send("GET", "/assets/clip.mp4", headers: ["Range": "bytes=-24"])
        #expect(suffix.status == 206)
        #expect(suffix.body == Array(clip[1000...]))

        let open = try await site.client.send("GET", "/assets/clip.mp4", headers: ["Range": "bytes=1000-"])
        #expect(open.header("Content-Range") == "bytes 1000-1023/1024")
        #expect(open.body == Array(clip[1000...]))

        let page = try await site.client.send("GET", "/", headers: ["Range": "bytes=0-14"])
        #expect(page.status == 206)
        #expect(page.text == "<!doctype html>")
    }

    @Test func rangesPastTheEndGet416AndOthersTheWholeFile() async throws {
        let site = try await ServedSite.start()
        defer { Task { await site.stop() } }
        let past = try await site.client.send("GET", "/assets/clip.mp4", headers: ["Range": "bytes=5000-6000"])
        #expect(past.status == 416)
        #expect(past.header("Content-Range") == "bytes */1024")

        let several = try await site.client.send("GET", "/assets/clip.mp4", headers: ["Range": "bytes=0-1,5-6"])
        #expect(several.status == 200)
        #expect(several.body == ServedSite.clip)

        let stale = try await site.client.send("GET", "/assets/clip.mp4", headers: ["Range": "bytes=0-9", "If-Range": "\"an-older-version\""])
        #expect(stale.status == 200)
        #expect(stale.body.count == 1024)

        let current = try #require(try await site.client.send("HEAD", "/assets/clip.mp4").header("ETag"))
        let fresh = try await site.client.send("GET", "/assets/clip.mp4", headers: ["Range": "bytes=0-9", "If-Range": current])
        #expect(fresh.status == 206)
    }

    @Test(arguments: ["POST", "PUT", "DELETE", "PATCH", "OPTIONS"])
    func onlyGetAndHeadAreAllowed(method: String) async throws {
        let site = try await ServedSite.start()
        defer { Task { await site.stop() } }
        let response = try await site.client.send(method, "/")
        #expect(response.status == 405)
        #expect(response.header("Allow") == "GET, HEAD")
        // And the server is still there.
        #expect(try await site.client.send("GET", "/").status == 200)
    }

    @Test func theReloadScriptIsAddedToServedPagesButNeverWritten() async throws {
        let site = try await ServedSite.start()
        defer { Task { await site.stop() } }
        let page = try await site.client.send("GET", "/1863/gettysburg-address/")
        #expect(page.text.hasSuffix("<script src=\"/__gloss/live.js\" defer></script>\n</body>\n</html>\n"))
        let onDisk = try site.read(".gloss/preview/1863/gettysburg-address/index.html")
        #expect(!onDisk.contains("__gloss"))
        #expect(page.body.count == onDisk.utf8.count + LiveReloadScript.tag.count)

        let script = try await site.client.send("GET", "/__gloss/live.js")
        #expect(script.status == 200)
        #expect(script.header("Content-Type") == "text/javascript; charset=utf-8")
        #expect(script.text.contains("new EventSource(\"/__gloss/events\")"))
        #expect(!script.text.contains("innerHTML"))
    }

    /// Every way of spelling a path out of the served folder is refused, and
    /// the secret beside it is never sent.
    @Test(arguments: [
        "/../secret.txt",
        "/../../secret.txt",
        "/assets/../../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E/%2E%2E/secret.txt",
        "/.%2e/secret.txt",
        "/..%2fsecret.txt",
        "/..%2Fsecret.txt",
        "/assets%2f..%2f..%2fsecret.txt",
        "/..%5csecret.txt",
        "/..%5Csecret.txt",
        "/..\\secret.txt",
        "/assets\\..\\..\\secret.txt",
        "/%00",
        "/index.html%00.css",
        "/secret.txt%00",
        "/%252e%252e/secret.txt",
        "/.gloss-output",
        "/%ff%fe",
        "/%2",
    ])
    func traversalIsRefused(path: String) async throws {
        let site = try await ServedSite.start()
        defer { Task { await site.stop() } }
        let response = try await site.client.send("GET", path)
        #expect([400, 404].contains(response.status), "\(path) → \(response.status)")
        #expect(!response.text.contains("TOP SECRET"))
    }

    @Test func symbolicLinksOutOfTheSiteAreRefusedAndThoseInsideFollowed() async throws {
        let site = try await ServedSite.start()
        defer { Task { await site.stop() } }
        let preview = site.previewDirectory
        try FileManager.default.createSymbolicLink(atPath: preview + "/escape.txt", withDestinationPath: site.directory.path + "/secret.txt")
        try FileManager.default.createSymbolicLink(atPath: preview + "/outside", withDestinationPath: site.directory.path)
        try FileManager.default.createSymbolicLink(atPath: preview + "/etc", withDestinationPath: "/etc")
        try FileManager.default.createSymbolicLink(atPath: preview + "/style.css", withDestinationPath: "assets/gloss.css")
        for path in ["/escape.txt", "/outside/secret.txt", "/outside/", "/etc/passwd", "/etc/hostname"] {
            let response = try await site.client.send("GET", path)
            #expect(response.status == 404, "\(path)")
            #expect(!response.text.contains("TOP SECRET"))
            #expect(!response.text.contains("root:"))
        }
        #expect(try await site.client.send("GET", "/style.css").status == 200)
    }

    @Test func aBusyPortIsAClearError() async throws {
        let site = try await ServedSite.start()
        defer { Task { await site.stop() } }
        let second = PreviewServer(
            configuration: .init(port: site.port, siteDirectory: site.previewDirectory, watchedDirectories: []),
            makeRebuilder: { _ in IncrementalRebuilder(settings: .init()) }
        )
        await #expect(throws: PreviewServer.Failure.portInUse(host: "127.0.0.1", port: site.port)) {
            try await second.run()
        }
    }

    @Test func stoppingWithOpenEventStreamsEndsThemAndReturns() async throws {
        let site = try await ServedSite.start()
        let streams = [try await site.client.openEventStream(), try await site.client.openEventStream()]
        for stream in streams {
            #expect(try await stream.next().name == "ok")
        }
        let clock = ContinuousClock()
        let start = clock.now
        await site.stop()
        #expect(start.duration(to: clock.now) < .seconds(5))
    }
}
