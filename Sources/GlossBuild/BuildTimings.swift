/// How long each step of a build took, in order: what `gloss build
/// --timings` prints, and where to look first when a build is slow.
public struct BuildTimings: Sendable {
    public private(set) var phases: [(name: String, duration: Duration)] = []
    private let clock = ContinuousClock()
    /// Told of each step as it starts.
    var progress: (@Sendable (BuildProgress) -> Void)?

    public init() {}

    init(progress: (@Sendable (BuildProgress) -> Void)?) {
        self.progress = progress
    }

    mutating func prepend(_ earlier: BuildTimings) {
        phases = earlier.phases + phases
    }

    mutating func measure<T>(_ name: String, _ step: () throws -> T) rethrows -> T {
        progress?(BuildProgress(step: name, done: 0, total: 0))
        let start = clock.now
        defer { phases.append((name, start.duration(to: clock.now))) }
        return try step()
    }
}
