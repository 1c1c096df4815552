import Synchronization

/// Zeroed tables of counters, lent to one caller at a time and taken back
/// zeroed: a computation that runs for every transcript, on every core,
/// counts in a table as large as the site without allocating one per call.
final class CounterPool: Sendable {
    /// Unchecked `Sendable`: a table is used by the one caller that borrowed it.
    private struct Table: @unchecked Sendable {
        var counters: UnsafeMutableBufferPointer<UInt16>
    }

    private let idle = Mutex<[Table]>([])

    deinit {
        idle.withLock { tables in
            for table in tables { table.counters.deallocate() }
        }
    }

    /// Runs `body` with a table of at least `size` zeroed counters, which
    /// `body` must leave zeroed.
    func borrow<T>(size: Int, _ body: (UnsafeMutableBufferPointer<UInt16>) -> T) -> T {
        var table = idle.withLock { $0.popLast() } ?? Table(counters: UnsafeMutableBufferPointer(start: nil, count: 0))
        if table.counters.count < size {
            table.counters.deallocate()
            table.counters = .allocate(capacity: size)
            table.counters.initialize(repeating: 0)
        }
        defer {
            let returned = table
            idle.withLock { $0.append(returned) }
        }
        return body(table.counters)
    }
}
