import Foundation

#if canImport(Glibc)
import Glibc
#endif

extension Array where Element: Sendable {
    /// `map` across all cores, keeping order.
    ///
    /// The work runs on threads of Gloss's own with the main thread's stack
    /// size: parsing nests as deeply as the input does (YAML, Markdown), and
    /// Dispatch's worker threads have much smaller stacks than the main thread.
    public func parallelMap<T: Sendable>(_ transform: @escaping @Sendable (Element) -> T) -> [T] {
        let workers = Swift.min(count, ProcessInfo.processInfo.activeProcessorCount)
        guard workers > 1 else { return map(transform) }
        let job = ParallelJob(elements: self, transform: transform)
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setstacksize(&attributes, ParallelWork.stackSize)
        var threads: [pthread_t] = []
        for _ in 1..<workers {
            var thread = pthread_t()
            let context = Unmanaged<ParallelWork>.passRetained(job).toOpaque()
            let started = pthread_create(&thread, &attributes, { context in
                guard let context else { return nil }
                Unmanaged<ParallelWork>.fromOpaque(context).takeRetainedValue().work()
                return nil
            }, context)
            if started == 0 {
                threads.append(thread)
            } else {
                Unmanaged<ParallelWork>.fromOpaque(context).release()
            }
        }
        job.work()  // the calling thread takes part too
        for thread in threads { pthread_join(thread, nil) }
        return job.results
    }
}

/// What a worker thread runs: take the next index until none is left.
class ParallelWork: @unchecked Sendable {
    /// 8 MiB, as Linux gives the main thread.
    static let stackSize = 8 << 20

    func work() {}
}

/// One `parallelMap`: the input, the transform and a slot per result.
///
/// Unchecked `Sendable`: `next` is only touched under `lock`, and each slot of
/// `slots` is written by exactly one thread, before `results` reads them all
/// after every thread has been joined.
private final class ParallelJob<Element: Sendable, T: Sendable>: ParallelWork, @unchecked Sendable {
    private let elements: [Element]
    private let transform: @Sendable (Element) -> T
    private let slots: UnsafeMutableBufferPointer<T?>
    private let lock = NSLock()
    private var next = 0

    init(elements: [Element], transform: @escaping @Sendable (Element) -> T) {
        self.elements = elements
        self.transform = transform
        slots = .allocate(capacity: elements.count)
        slots.initialize(repeating: nil)
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    override func work() {
        while let index = claim() {
            slots[index] = transform(elements[index])
        }
    }

    private func claim() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < elements.count else { return nil }
        next += 1
        return next - 1
    }

    var results: [T] {
        // Every index below `elements.count` was claimed and written before the joins.
        slots.map { $0! }
    }
}
