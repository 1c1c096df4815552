/// How long each step of a build took, in order: what `gloss build
/// --timings` prints, and where to look first when a build is slow.
public struct BuildTimings: Sendable {
    public private(set) var phases: [(name: String, duration: Duration)] = []
    private let clock = ContinuousClock()

    public init() {}

    mutating func prepend(_ earlier: BuildTimings) {
        phases = earlier.phases + phases
    }

    mutating func measure<T>(_ name: String, _ step: () throws -> T) rethrows -> T {
        let start = clock.now
        defer { phases.append((name, start.duration(to: clock.now))) }
        return try step()
    }
}
