import Foundation

/// Merges a burst of file changes into one set.
///
/// Saving a file is often several events (write, close, a rename by an
/// editor's safe-save), and "save all" touches many files at once. The batcher
/// collects paths until no new one has arrived for `quietPeriod` (or until
/// `longestWait` has passed since the first, so a file rewritten in a tight
/// loop still gets rebuilds), then hands the whole set on.
public final class ChangeBatcher: @unchecked Sendable {
    public let quietPeriod: Duration
    public let longestWait: Duration

    private let lock = NSLock()
    private let clock = ContinuousClock()
    // Guarded by `lock`.
    private var pending: Set<String> = []
    private var lastChange: ContinuousClock.Instant?

    private let wakeups: AsyncStream<Void>
    private let wake: AsyncStream<Void>.Continuation

    public init(quietPeriod: Duration = .milliseconds(30), longestWait: Duration = .seconds(1)) {
        self.quietPeriod = quietPeriod
        self.longestWait = longestWait
        // One pending wakeup is enough: it means "there is something to take".
        (wakeups, wake) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    /// Adds changed paths; callable from any thread.
    public func add(_ paths: Set<String>) {
        guard !paths.isEmpty else { return }
        let now = clock.now
        lock.withLock {
            pending.formUnion(paths)
            lastChange = now
        }
        wake.yield()
    }

    /// Delivers merged sets to `deliver`, one at a time, until cancelled.
    public func run(delivering deliver: @Sendable (Set<String>) async -> Void) async {
        for await _ in wakeups {
            let start = clock.now
            // Until `quietPeriod` after the last change: a save's few events,
            // a millisecond apart, cost one wait, not one per event.
            while !Task.isCancelled {
                let last = lock.withLock { lastChange } ?? start
                let quietUntil = last.advanced(by: quietPeriod)
                let now = clock.now
                if quietUntil <= now || start.duration(to: now) >= longestWait { break }
                try? await clock.sleep(until: min(quietUntil, start.advanced(by: longestWait)))
            }
            if Task.isCancelled { return }
            let batch = lock.withLock {
                defer { pending.removeAll() }
                return pending
            }
            if !batch.isEmpty { await deliver(batch) }
        }
    }

    /// Runs `watcher` and delivers its changes merged, until cancelled.
    public static func watch(
        with watcher: some FileWatching, quietPeriod: Duration = .milliseconds(30),
        ready: @escaping @Sendable () -> Void = {},
        delivering deliver: @escaping @Sendable (Set<String>) async -> Void
    ) async throws {
        let batcher = ChangeBatcher(quietPeriod: quietPeriod)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await batcher.run(delivering: deliver) }
            group.addTask { try await watcher.watch(ready: ready, reporting: { batcher.add($0) }) }
            defer { group.cancelAll() }
            // Either ending (the watcher failing, or cancellation) ends both.
            try await group.next()
        }
    }
}
