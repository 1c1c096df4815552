import Foundation
import GlossBuild
import Testing

/// `gloss serve` as a user runs it: the binary, its output, its signals.
@Suite struct ServeCommandTests {
    /// The `gloss` binary built beside this test bundle.
    static var gloss: URL? {
        [Bundle.main.executableURL, URL(fileURLWithPath: CommandLine.arguments[0])]
            .compactMap { $0?.deletingLastPathComponent() }
            .flatMap { [$0, $0.deletingLastPathComponent()] }
            .map { $0.appendingPathComponent("gloss") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// Output lines of a running process, read on a thread of their own.
    final class Lines: @unchecked Sendable {
        private let lock = NSLock()
        private var text = ""

        init(_ pipe: Pipe) {
            Thread { [self] in
                while case let data = pipe.fileHandleForReading.availableData, !data.isEmpty {
                    lock.withLock { text += String(decoding: data, as: UTF8.self) }
                }
            }.start()
        }

        var all: String { lock.withLock { text } }

        func wait(for needle: String, timeout: Duration = .seconds(30)) async -> Bool {
            let clock = ContinuousClock()
            let deadline = clock.now + timeout
            while !all.contains(needle), clock.now < deadline {
                try? await Task.sleep(for: .milliseconds(20))
            }
            return all.contains(needle)
        }
    }

    private func start(_ arguments: [String], in directory: String) throws -> (Process, output: Lines, errors: Lines) {
        let process = Process()
        guard let gloss = Self.gloss else {
            throw RawHTTPClient.Failure(description: "the gloss binary was not found beside the test bundle; run the tests with `swift test`")
        }
        process.executableURL = gloss
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        return (process, Lines(output), Lines(errors))
    }

    private func waitForExit(_ process: Process, timeout: Duration = .seconds(15)) async -> Bool {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while process.isRunning, clock.now < deadline {
            try? await Task.sleep(for: .milliseconds(20))
        }
        return !process.isRunning
    }

    @Test func serveBuildsIntoTheHiddenPreviewFolderAndStopsCleanlyOnCtrlC() async throws {
        let directory = try TemporaryDirectory()
        try SiteInitializer().create(at: directory.path + "/site")
        let (process, output, _) = try start(["serve", "--port", "0"], in: directory.path + "/site")
        defer { if process.isRunning { process.terminate() } }
        #expect(await output.wait(for: "Built "))
        let line = try #require(output.all.split(separator: "\n").first { $0.hasPrefix("Serving http://127.0.0.1:") })
        let port = try #require(Int(line.dropFirst("Serving http://127.0.0.1:".count).prefix { $0.isNumber }))
        #expect(line.contains("built in .gloss/preview/"))
        #expect(FileManager.default.fileExists(atPath: directory.path + "/site/.gloss/preview/1863/gettysburg-address/index.html"))
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/site/Public"))

        // An open event stream must not keep the server from stopping.
        let events = try await RawHTTPClient(port: port).openEventStream()
        #expect(try await events.next().name == "ok")
        kill(process.processIdentifier, SIGINT)
        #expect(await waitForExit(process))
        #expect(process.terminationStatus == 0)
        #expect(output.all.hasSuffix("Stopped.\n"))
    }

    @Test func aBusyPortNamedWithPortIsAClearError() async throws {
        let directory = try TemporaryDirectory()
        try SiteInitializer().create(at: directory.path + "/site")
        let site = try await ServedSite.start()
        defer { Task { await site.stop() } }
        let (process, _, errors) = try start(["serve", "--port", String(site.port)], in: directory.path + "/site")
        #expect(await waitForExit(process))
        #expect(process.terminationStatus == 1)
        #expect(errors.all.contains("error: port \(site.port) on 127.0.0.1 is already in use; choose another with --port, or --port 0 for any free port"))
    }
}
