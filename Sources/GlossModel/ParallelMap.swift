import Dispatch

extension Array where Element: Sendable {
    /// `map` across all cores, keeping order. Each slot of the result is written
    /// by exactly one iteration, which is what makes the unchecked buffer safe.
    public func parallelMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        guard count > 1 else { return map(transform) }
        let results = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
        results.initialize(repeating: nil)
        defer { results.deallocate() }
        nonisolated(unsafe) let slots = results
        withoutActuallyEscaping(transform) { transform in
            let elements = self
            DispatchQueue.concurrentPerform(iterations: count) { index in
                slots[index] = transform(elements[index])
            }
        }
        return results.map { $0! }
    }
}
