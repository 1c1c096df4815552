import Logging
import ServiceLifecycle

/// The preview's background work as one service: once the server listens,
/// build the site, then watch the sources and rebuild on change, until a
/// graceful shutdown, which also ends every open event stream.
struct RebuildService: Service {
    let ports: AsyncStream<Int>
    let host: String
    let watcher: any FileWatching
    let quietPeriod: Duration
    let broadcaster: EventBroadcaster
    let makeRebuilder: @Sendable (_ siteURL: String) -> any SiteRebuilding
    let onListening: @Sendable (_ siteURL: String, _ port: Int) -> Void
    let onRebuild: @Sendable (RebuildCoordinator.Report) -> Void

    func run() async throws {
        let service = self
        do {
            try await cancelWhenGracefulShutdown {
                try await service.watchAndRebuild()
            }
        } catch is CancellationError {
            // Stopping is the normal way out.
        }
        await broadcaster.close()
    }

    private func watchAndRebuild() async throws {
        var listening = ports.makeAsyncIterator()
        guard let port = await listening.next() else { return }
        let siteURL = PreviewServer.siteURL(host: host, port: port)
        onListening(siteURL, port)
        let coordinator = RebuildCoordinator(rebuilder: makeRebuilder(siteURL), broadcaster: broadcaster, onRebuild: onRebuild)
        let watcher = watcher
        let quietPeriod = quietPeriod
        let (readiness, ready) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                try await ChangeBatcher.watch(with: watcher, quietPeriod: quietPeriod, ready: { ready.yield() }) {
                    await coordinator.note($0)
                }
            }
            // The first build waits for the watcher, so a save made during
            // it is not missed.
            group.addTask {
                var waiting = readiness.makeAsyncIterator()
                guard await waiting.next() != nil else { return }
                await coordinator.run()
            }
            defer { group.cancelAll() }
            try await group.next()
        }
    }
}
