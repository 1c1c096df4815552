import Foundation

/// Runs work on indices `0..<count`, at most `jobs` at a time, and returns
/// when all are done. Each index is handed out once, in order, so the
/// results can be put back in order whatever finished first.
public enum Parallel {
    public static func forEach(count: Int, jobs: Int, _ body: @Sendable (Int) -> Void) {
        guard count > 0 else { return }
        guard jobs > 1, count > 1 else {
            for index in 0..<count { body(index) }
            return
        }
        let next = Counter()
        DispatchQueue.concurrentPerform(iterations: min(jobs, count)) { _ in
            while let index = next.take(below: count) { body(index) }
        }
    }
}

/// The next index to hand out, shared by the workers.
private final class Counter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()

    func take(below limit: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard value < limit else { return nil }
        value += 1
        return value - 1
    }
}

/// One slot per index, each written by one worker and read once all have
/// finished; the lock guards the array's storage.
public final class ParallelResults<Value: Sendable>: @unchecked Sendable {
    private var slots: [Value?]
    private let lock = NSLock()

    public init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    public func store(_ value: Value, at index: Int) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    /// The values in index order; a slot nobody filled is left out.
    public var values: [Value] {
        lock.lock()
        defer { lock.unlock() }
        return slots.compactMap { $0 }
    }
}
