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
    // Guarded by `lock`.
    private var pending: Set<String> = []
    private var generation = 0

    private let wakeups: AsyncStream<Void>
    private let wake: AsyncStream<Void>.Continuation

    public init(quietPeriod: Duration = .milliseconds(50), longestWait: Duration = .seconds(1)) {
        self.quietPeriod = quietPeriod
        self.longestWait = longestWait
        // One pending wakeup is enough: it means "there is something to take".
        (wakeups, wake) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    /// Adds changed paths; callable from any thread.
    public func add(_ paths: Set<String>) {
        guard !paths.isEmpty else { return }
        lock.withLock {
            pending.formUnion(paths)
            generation += 1
        }
        wake.yield()
    }

    /// Delivers merged sets to `deliver`, one at a time, until cancelled.
    public func run(delivering deliver: @Sendable (Set<String>) async -> Void) async {
        let clock = ContinuousClock()
        for await _ in wakeups {
            let start = clock.now
            while !Task.isCancelled {
                let seen = lock.withLock { generation }
                try? await clock.sleep(for: quietPeriod)
                if lock.withLock({ generation }) == seen || start.duration(to: clock.now) >= longestWait { break }
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
        with watcher: some FileWatching, quietPeriod: Duration = .milliseconds(50),
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
