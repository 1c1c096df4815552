import Foundation
import Testing
@testable import GlossServe

/// Collects what a watcher delivers, for a test to wait on.
private actor Deliveries {
    private(set) var batches: [Set<String>] = []

    func append(_ batch: Set<String>) { batches.append(batch) }

    func removeAll() { batches.removeAll() }

    /// Waits until `predicate` holds of the batches, or `timeout` passes.
    /// Timeouts are generous: the suite shares two cores with heavy tests.
    func wait(timeout: Duration = .seconds(20), until predicate: ([Set<String>]) -> Bool) async -> Bool {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while clock.now < deadline {
            if predicate(batches) { return true }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return predicate(batches)
    }
}

@Suite struct WatcherTests {
    /// Starts `watcher` merged by a batcher and returns once it says it is ready.
    private func startWatching(
        _ watcher: some FileWatching, in directory: TemporaryDirectory, deliveries: Deliveries
    ) async throws -> Task<Void, any Error> {
        let (readiness, ready) = AsyncStream.makeStream(of: Void.self)
        let watching = Task {
            try await ChangeBatcher.watch(with: watcher, quietPeriod: .milliseconds(80), ready: { ready.yield() }) {
                await deliveries.append($0)
            }
        }
        var waiting = readiness.makeAsyncIterator()
        await waiting.next()
        return watching
    }

    private func burst(in directory: TemporaryDirectory) throws {
        for index in 0 ..< 10 {
            try directory.write("version \(index)", to: "Content/2025/file-\(index).md")
        }
        try directory.write("changed", to: "Content/site.yaml")
    }

    private func expectedBurst(_ directory: TemporaryDirectory) -> Set<String> {
        Set((0 ..< 10).map { directory.path + "/Content/2025/file-\($0).md" } + [directory.path + "/Content/site.yaml"])
    }

    private func expectOneChangeSet(from watcher: some FileWatching, in directory: TemporaryDirectory) async throws {
        let deliveries = Deliveries()
        let watching = try await startWatching(watcher, in: directory, deliveries: deliveries)
        defer { watching.cancel() }
        try burst(in: directory)
        let expected = expectedBurst(directory)
        #expect(await deliveries.wait { $0.reduce(into: Set<String>()) { $0.formUnion($1) }.isSuperset(of: expected) })
        // Nothing more follows the merged set.
        try await Task.sleep(for: .milliseconds(400))
        let delivered = await deliveries.batches
        #expect(delivered.count == 1)
        #expect(delivered.first == expected)
    }

    @Test func inotifyMergesABurstOfSavesIntoOneChangeSet() async throws {
        let directory = try TemporaryDirectory()
        try directory.write("initial", to: "Content/site.yaml")
        try directory.write("initial", to: "Content/2025/file-0.md")
        try await expectOneChangeSet(from: InotifyWatcher(roots: [directory.path + "/Content"]), in: directory)
    }

    @Test func pollingMergesABurstOfSavesIntoOneChangeSet() async throws {
        let directory = try TemporaryDirectory()
        try directory.write("initial", to: "Content/site.yaml")
        try directory.write("initial", to: "Content/2025/file-0.md")
        try await expectOneChangeSet(from: PollingWatcher(roots: [directory.path + "/Content"], interval: .milliseconds(40)), in: directory)
    }

    @Test func inotifyWatchesDirectoriesCreatedAfterItStarted() async throws {
        let directory = try TemporaryDirectory()
        try directory.write("initial", to: "Content/site.yaml")
        let deliveries = Deliveries()
        let watching = try await startWatching(InotifyWatcher(roots: [directory.path + "/Content"]), in: directory, deliveries: deliveries)
        defer { watching.cancel() }
        try directory.write("new", to: "Content/2026/new.md")
        let nested = directory.path + "/Content/2026/new.md"
        #expect(await deliveries.wait { $0.contains { $0.contains(nested) } })
        // A later edit inside the new directory is seen through its own watch.
        try await Task.sleep(for: .milliseconds(300))
        await deliveries.removeAll()
        try directory.write("edited", to: "Content/2026/new.md")
        #expect(await deliveries.wait { $0.contains { $0.contains(nested) } })
    }

    @Test func editorScratchFilesAreIgnored() async throws {
        let directory = try TemporaryDirectory()
        try directory.write("initial", to: "Content/site.yaml")
        let deliveries = Deliveries()
        let watching = try await startWatching(InotifyWatcher(roots: [directory.path + "/Content"]), in: directory, deliveries: deliveries)
        defer { watching.cancel() }
        try directory.write("swap", to: "Content/.site.yaml.swp")
        try directory.write("backup", to: "Content/site.yaml~")
        try directory.write("probe", to: "Content/4913")
        // A real edit after them, so the test knows the watcher had its chance.
        try directory.write("edited", to: "Content/site.yaml")
        #expect(await deliveries.wait { !$0.isEmpty })
        try await Task.sleep(for: .milliseconds(200))
        #expect(await deliveries.batches == [[directory.path + "/Content/site.yaml"]])
    }
}
