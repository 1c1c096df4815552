import Foundation
import GlossBuild
@testable import GlossServe

/// Every rebuild the server reported, for a test to wait on.
actor RebuildLog {
    private(set) var reports: [RebuildCoordinator.Report] = []

    func append(_ report: RebuildCoordinator.Report) { reports.append(report) }

    func waitForCount(_ count: Int, timeout: Duration = .seconds(30)) async -> Bool {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while reports.count < count, clock.now < deadline {
            try? await Task.sleep(for: .milliseconds(10))
        }
        return reports.count >= count
    }
}

/// A small real site (what `gloss init` writes, plus a few media files),
/// served by a `PreviewServer` on a free port for the length of a test.
final class ServedSite: Sendable {
    let directory: TemporaryDirectory
    let root: String
    let previewDirectory: String
    let port: Int
    let log: RebuildLog
    private let server: Task<Void, any Error>

    var client: RawHTTPClient { RawHTTPClient(port: port) }

    /// 1 KiB whose every byte is its offset modulo 256, so a range's bytes are predictable.
    static let clip: [UInt8] = (0 ..< 1024).map { UInt8($0 % 256) }

    private init(directory: TemporaryDirectory, root: String, previewDirectory: String, port: Int, log: RebuildLog, server: Task<Void, any Error>) {
        self.directory = directory
        self.root = root
        self.previewDirectory = previewDirectory
        self.port = port
        self.log = log
        self.server = server
    }

    static func start(polling: Bool = false, idleTimeout: Duration = .seconds(30)) async throws -> ServedSite {
        let directory = try TemporaryDirectory()
        let root = directory.path + "/site"
        try SiteInitializer().create(at: root)
        try Data(clip).write(to: URL(fileURLWithPath: root + "/Templates/assets/clip.mp4"))
        try directory.write("WEBVTT\n\n00:00.000 --> 00:01.000\nFour score\n", to: "site/Templates/assets/captions.vtt")
        try directory.write("<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n", to: "site/Templates/assets/mark.svg")
        try directory.write("{\"a\": 1}\n", to: "site/Templates/assets/data.json")
        // Something a traversal would love to reach: beside the served folder.
        try directory.write("TOP SECRET", to: "site/.gloss/secret.txt")
        try directory.write("TOP SECRET", to: "secret.txt")

        let previewDirectory = root + "/.gloss/preview"
        let log = RebuildLog()
        let (ports, portFound) = AsyncStream.makeStream(of: Int.self)
        let server = PreviewServer(
            configuration: .init(
                host: "127.0.0.1", port: 0, siteDirectory: previewDirectory,
                watchedDirectories: [root + "/Content", root + "/Templates"], polling: polling,
                idleTimeout: idleTimeout
            ),
            makeRebuilder: { siteURL in
                IncrementalRebuilder(settings: BuildSettings(
                    contentDirectory: root + "/Content", templatesDirectory: root + "/Templates",
                    outputDirectory: previewDirectory, baseURL: siteURL
                ))
            },
            onListening: { _, port in portFound.yield(port) },
            onRebuild: { report in Task { await log.append(report) } }
        )
        let running = Task { try await server.run() }
        var listening = ports.makeAsyncIterator()
        guard let port = await listening.next() else {
            running.cancel()
            throw RawHTTPClient.Failure(description: "the server never listened")
        }
        let site = ServedSite(directory: directory, root: root, previewDirectory: previewDirectory, port: port, log: log, server: running)
        guard await log.waitForCount(1) else {
            await site.stop()
            throw RawHTTPClient.Failure(description: "the first build never finished")
        }
        return site
    }

    func write(_ text: String, to relativePath: String) throws {
        try directory.write(text, to: "site/" + relativePath)
    }

    func read(_ relativePath: String) throws -> String {
        try String(contentsOfFile: root + "/" + relativePath, encoding: .utf8)
    }

    /// Stops the server and waits until it has.
    func stop() async {
        server.cancel()
        _ = await server.result
    }
}
