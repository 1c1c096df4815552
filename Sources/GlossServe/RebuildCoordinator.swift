import GlossBuild
import GlossModel

/// Decides when to rebuild, and tells pages about each result.
///
/// Changes are noted as they come; one rebuild runs at a time. Changes that
/// arrive while a rebuild runs are merged, and cause exactly one more rebuild
/// once it ends, with all their paths: a save during a slow build never
/// queues a rebuild per event, and never goes unbuilt.
public actor RebuildCoordinator {
    /// One finished rebuild, for the console.
    public struct Report: Sendable {
        public var changedPaths: Set<String>
        public var outcome: BuildOutcome
        public var duration: Duration
    }

    private let rebuilder: any SiteRebuilding
    private let broadcaster: EventBroadcaster
    private let onRebuild: @Sendable (Report) -> Void

    private var pending: Set<String> = []
    private let wakeups: AsyncStream<Void>
    private let wake: AsyncStream<Void>.Continuation

    public init(rebuilder: any SiteRebuilding, broadcaster: EventBroadcaster, onRebuild: @escaping @Sendable (Report) -> Void) {
        self.rebuilder = rebuilder
        self.broadcaster = broadcaster
        self.onRebuild = onRebuild
        (wakeups, wake) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    /// Files changed; a rebuild follows as soon as none is running.
    public func note(_ paths: Set<String>) {
        guard !paths.isEmpty else { return }
        pending.formUnion(paths)
        wake.yield()
    }

    /// Builds the site once, then rebuilds on every noted change, until cancelled.
    public func run() async {
        await rebuild([])
        for await _ in wakeups {
            if Task.isCancelled { return }
            let changes = pending
            pending.removeAll()
            guard !changes.isEmpty else { continue }
            await rebuild(changes)
        }
    }

    private func rebuild(_ changes: Set<String>) async {
        let clock = ContinuousClock()
        let start = clock.now
        let outcome = await rebuilder.rebuild(changedPaths: changes)
        let duration = start.duration(to: clock.now)
        if outcome.diagnostics.hasErrors {
            await broadcaster.buildFailed(outcome.diagnostics)
        } else {
            await broadcaster.buildSucceeded()
        }
        onRebuild(Report(changedPaths: changes, outcome: outcome, duration: duration))
    }
}
