import Foundation
import Testing

/// Hostile clients: paths that try to leave the preview folder however they
/// are spelled, methods the server does not serve, requests too large to
/// accept, and connections opened and never used. After each one the server
/// must still be up and answer an ordinary request promptly.
@Suite(.serialized) struct ServerAbuseTests {
    /// How long an ordinary request may take while the server is under abuse.
    static let prompt: Duration = .seconds(3)

    // MARK: Traversal

    @Test(arguments: [
        // Overlong UTF-8 for `.` and `/`, which a lax decoder turns into `..`.
        "/%c0%ae%c0%ae/secret.txt",
        "/%c0%ae%c0%ae/%c0%ae%c0%ae/secret.txt",
        "/..%c0%afsecret.txt",
        "/%c0%ae%c0%ae%c0%afsecret.txt",
        "/%e0%80%ae%e0%80%ae/secret.txt",
        "/%c1%9c%c1%9csecret.txt",
        // Encoded twice, and in every case.
        "/%252e%252e/%252e%252e/secret.txt",
        "/%252e%252e%252fsecret.txt",
        "/%2E%2e/secret.txt",
        "/%2e%2E/%2E%2e/secret.txt",
        "/.%2E/secret.txt",
        "/%2e./secret.txt",
        // Path parameters, as some servers strip them after checking.
        "/..;/secret.txt",
        "/assets/..;/..;/secret.txt",
        "/.;/secret.txt",
        // Windows separators, raw and encoded.
        "/..\\..\\secret.txt",
        "/assets\\..\\..\\secret.txt",
        "/%5c..%5c..%5csecret.txt",
        // Dots that are not ASCII: one-dot and two-dot leaders, fullwidth and
        // small full stops, raw and encoded.
        "/\u{2025}/secret.txt",
        "/\u{2024}\u{2024}/secret.txt",
        "/\u{FF0E}\u{FF0E}/secret.txt",
        "/%ef%bc%8e%ef%bc%8e/secret.txt",
        "/%e2%80%a5/secret.txt",
        "/%ef%b9%92%ef%b9%92/secret.txt",
        "/%u002e%u002e/secret.txt",
        // Absolute forms and doubled slashes.
        "http://127.0.0.1/../secret.txt",
        "//../secret.txt",
        "/.//..//secret.txt",
        "/assets/./../../secret.txt",
        "/./.gloss/secret.txt",
        "/..../secret.txt",
    ])
    func traversalInAnyEncodingIsRefused(path: String) async throws {
        let site = try await ServedSite.start()
        defer { Task { await site.stop() } }
        let response = try await site.client.send("GET", path)
        #expect([400, 404].contains(response.status), "\(path) → \(response.status)")
        #expect(!response.text.contains("TOP SECRET"))
        try await Self.expectStillServing(site)
    }

    @Test func aVeryLongTraversalIsRefused() async throws {
        let site = try await ServedSite.start()
        defer { Task { await site.stop() } }
        for path in [
            "/" + String(repeating: "../", count: 10_000) + "secret.txt",
            "/" + String(repeating: "%2e%2e/", count: 5_000) + "secret.txt",
            "/" + String(repeating: "a/", count: 20_000) + "index.html",
        ] {
            let reply = try await Self.exchange(site, Array("GET \(path) HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".utf8))
            #expect(reply.status.map { [400, 404, 414, 431].contains($0) } ?? true, "\(path.prefix(40))… → \(reply.status ?? 0)")
            #expect(!reply.text.contains("TOP SECRET"))
        }
        try await Self.expectStillServing(site)
    }

    // MARK: Methods

    @Test(arguments: ["POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "PROPFIND", "MKCOL"])
    func methodsOtherThanGetAndHeadAreRefused(method: String) async throws {
        let site = try await ServedSite.start()
        defer { Task { await site.stop() } }
        let response = try await site.client.send(method, "/")
        #expect(response.status == 405, "\(method) → \(response.status)")
        #expect(response.header("Allow") == "GET, HEAD")
        try await Self.expectStillServing(site)
    }

    @Test func aBodySentWithAMethodIsNotWrittenAnywhere() async throws {
        let site = try await ServedSite.start()
        defer { Task { await site.stop() } }
        let body = "planted"
        let request = "PUT /planted.txt HTTP/1.1\r\nHost: x\r\nContent-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n\(body)"
        let reply = try await Self.exchange(site, Array(request.utf8))
        #expect(reply.status == 405)
        #expect(!FileManager.default.fileExists(atPath: site.previewDirectory + "/planted.txt"))
        #expect(try await site.client.send("GET", "/planted.txt").status == 404)
    }

    /// CONNECT (authority form), methods that are not tokens and request
    /// lines that are not HTTP: refused, or the connection closed; never served.
    @Test(arguments: [
        "CONNECT 127.0.0.1:22 HTTP/1.1",
        "CONNECT / HTTP/1.1",
        "G\u{1}T / HTTP/1.1",
        "GET\t/ HTTP/1.1",
        "(GET) / HTTP/1.1",
        "\u{FEFF}GET / HTTP/1.1",
        "GET / HTTP/9.9",
        "BREW / HTTP/1.1",
        "get / HTTP/1.1",
        "Head / HTTP/1.1",
        "GET /",
        "SSH-2.0-OpenSSH_9.6",
        "\u{16}\u{3}\u{1}\u{0}",
    ])
    func garbageRequestLinesAreNotServed(line: String) async throws {
        let site = try await ServedSite.start()
        defer { Task { await site.stop() } }
        let reply = try await Self.exchange(site, Array("\(line)\r\nHost: x\r\nConnection: close\r\n\r\n".utf8))
        if let status = reply.status {
            #expect(status >= 400, "\(line.debugDescription) → \(status)")
        }
        #expect(!reply.text.contains("TOP SECRET"))
        try await Self.expectStillServing(site)
    }

    // MARK: Size

    @Test func aOneMegabyteHeaderIsRefused() async throws {
        let site = try await ServedSite.start()
        defer { Task { await site.stop() } }
        let header = "X-Big: " + String(repeating: "a", count: 1 << 20)
        let reply = try await Self.exchange(site, Array("GET / HTTP/1.1\r\nHost: x\r\n\(header)\r\n\r\n".utf8))
        #expect(reply.status != 200, "a 1 MB header was accepted")
        try await Self.expectStillServing(site)
    }

    @Test func tenThousandHeadersAreRefused() async throws {
        let site = try await ServedSite.start()
        defer { Task { await site.stop() } }
        let headers = (0 ..< 10_000).map { "X-H\($0): \($0)\r\n" }.joined()
        let reply = try await Self.exchange(site, Array("GET / HTTP/1.1\r\nHost: x\r\n\(headers)\r\n".utf8))
        #expect(reply.status != 200, "10,000 headers were accepted")
        try await Self.expectStillServing(site)
    }

    @Test func aRequestLineOf100KilobytesIsRefused() async throws {
        let site = try await ServedSite.start()
        defer { Task { await site.stop() } }
        let target = "/" + String(repeating: "a", count: 100 * 1024)
        let reply = try await Self.exchange(site, Array("GET \(target) HTTP/1.1\r\nHost: x\r\n\r\n".utf8))
        #expect(reply.status != 200, "a 100 KB request line was served")
        try await Self.expectStillServing(site)
    }

    /// The 1 MB header again, sent many times at once: the server neither
    /// runs out of memory nor stops answering.
    @Test func manyOversizedRequestsAtOnceLeaveTheServerUp() async throws {
        let site = try await ServedSite.start()
        defer { Task { await site.stop() } }
        let request = Array("GET / HTTP/1.1\r\nHost: x\r\nX-Big: \(String(repeating: "b", count: 1 << 20))\r\n\r\n".utf8)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0 ..< 16 {
                group.addTask { _ = try await Self.exchange(site, request) }
            }
            try await group.waitForAll()
        }
        try await Self.expectStillServing(site)
    }

    // MARK: Connections

    @Test func fiveHundredIdleConnectionsDoNotKeepOthersOut() async throws {
        let site = try await ServedSite.start()
        defer { Task { await site.stop() } }
        let idle = try await RawHTTPClient.offThePool { [port = site.port] in
            try (0 ..< 500).map { _ in try Socket(port: port, timeoutSeconds: 5) }
        }
        defer { idle.forEach { $0.close() } }
        try await Self.expectStillServing(site)
        try await Self.expectStillServing(site)
    }

    /// Slowloris: connections that send a request head a few bytes at a time
    /// and never finish it.
    @Test func partialHeadersTrickledSlowlyDoNotKeepOthersOut() async throws {
        let site = try await ServedSite.start()
        defer { Task { await site.stop() } }
        let port = site.port
        let slow = try await RawHTTPClient.offThePool {
            try (0 ..< 200).map { _ in
                let socket = try Socket(port: port, timeoutSeconds: 5)
                try socket.write(Array("GET / HTTP/1.1\r\nHost: x\r\n".utf8))
                return socket
            }
        }
        defer { slow.forEach { $0.close() } }
        for round in 0 ..< 3 {
            try await RawHTTPClient.offThePool {
                for socket in slow { try? socket.write(Array("X-\(round): y\r\n".utf8)) }
            }
            try await Self.expectStillServing(site)
            try await Task.sleep(for: .milliseconds(200))
        }
    }

    /// Connections that send a partial request head and then nothing are
    /// closed by the server after its idle timeout (here 1 s).
    @Test func aStalledRequestHeadIsClosedByTheServer() async throws {
        let site = try await ServedSite.start(idleTimeout: .seconds(1))
        defer { Task { await site.stop() } }
        let port = site.port
        let clock = ContinuousClock()
        let started = clock.now
        let ending = try await RawHTTPClient.offThePool {
            let socket = try Socket(port: port, timeoutSeconds: 60)
            defer { socket.close() }
            try socket.write(Array("GET / HTTP/1.1\r\nHost: x\r\nX-Partial: ".utf8))
            return try socket.readToEnd()
        }
        let waited = clock.now - started
        #expect(waited < .seconds(10), "a stalled connection was kept for \(waited)")
        #expect(!String(decoding: ending, as: UTF8.self).contains("200 OK"))
        try await Self.expectStillServing(site)
    }

    @Test func anIdleKeepAliveConnectionIsClosedByTheServer() async throws {
        let site = try await ServedSite.start(idleTimeout: .seconds(1))
        defer { Task { await site.stop() } }
        let port = site.port
        let afterResponse = try await RawHTTPClient.offThePool {
            let socket = try Socket(port: port, timeoutSeconds: 10)
            defer { socket.close() }
            try socket.write(Array("GET /robots.txt HTTP/1.1\r\nHost: x\r\n\r\n".utf8))
            return try socket.readToEnd()
        }
        #expect(String(decoding: afterResponse, as: UTF8.self).hasPrefix("HTTP/1.1 200"))
    }

    /// The idle timeout never cuts an open event stream: it is a response
    /// still being sent.
    @Test func anEventStreamOutlivesTheIdleTimeout() async throws {
        let site = try await ServedSite.start(idleTimeout: .seconds(1))
        defer { Task { await site.stop() } }
        let events = try await site.client.openEventStream()
        #expect(try await events.next().name == "ok")
        try await Task.sleep(for: .seconds(3))
        var page = try site.read("Content/1863/gettysburg-address.md")
        page += "\nA line added later.\n"
        try site.write(page, to: "Content/1863/gettysburg-address.md")
        #expect(try await events.next(named: "reload").name == "reload")
    }

    // MARK: Helpers

    /// What came back for raw request bytes: the response, if the server sent
    /// one before closing. A server may close instead of answering an abusive
    /// request, so a write or read that fails after some bytes is not an error.
    struct Reply {
        var status: Int?
        var text: String
    }

    static func exchange(_ site: ServedSite, _ request: [UInt8]) async throws -> Reply {
        let port = site.port
        let raw = try await RawHTTPClient.offThePool { () -> [UInt8] in
            let socket = try Socket(port: port, timeoutSeconds: 20)
            defer { socket.close() }
            try? socket.write(request)
            var all: [UInt8] = []
            while let some = try? socket.readSome(), !some.isEmpty { all += some }
            return all
        }
        let response = try? RawHTTPClient.parse(raw, method: "GET")
        return Reply(status: response?.status, text: String(decoding: raw, as: UTF8.self))
    }

    /// An ordinary client gets the home page, in full and in time.
    static func expectStillServing(_ site: ServedSite, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let clock = ContinuousClock()
        let started = clock.now
        let response = try await site.client.send("GET", "/")
        let took = clock.now - started
        #expect(response.status == 200, sourceLocation: sourceLocation)
        #expect(response.text.contains("</html>"), sourceLocation: sourceLocation)
        #expect(took < prompt, "an ordinary request took \(took)", sourceLocation: sourceLocation)
    }
}
