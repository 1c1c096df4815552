import Foundation
import GlossBuild

/// Builds the preview site again after files changed.
///
/// The preview server only ever goes through this, so a builder that redoes
/// just what depends on `changedPaths` can replace the full rebuild without
/// touching the server. `changedPaths` are the watched paths as the watcher
/// reports them (`Content/2025/a.md`, `Templates/base.mustache`); an empty set
/// means nothing is known (the first build at start-up): build everything.
/// Whatever it does, a rebuild must put its output in place atomically and
/// only when complete, since the server serves that directory throughout.
public protocol SiteRebuilding: Sendable {
    func rebuild(changedPaths: Set<String>) async -> BuildOutcome
}

/// The whole site, every time: `SiteBuilder.build()`, which stages the site
/// and swaps it in whole.
public struct FullRebuilder: SiteRebuilding {
    public let settings: BuildSettings

    public init(settings: BuildSettings) {
        self.settings = settings
    }

    /// The build is synchronous and spreads itself over every core; it runs on
    /// a thread of its own so the cooperative pool that serves requests is
    /// never blocked behind it.
    public func rebuild(changedPaths: Set<String>) async -> BuildOutcome {
        let builder = SiteBuilder(settings: settings)
        return await withCheckedContinuation { continuation in
            let thread = Thread { continuation.resume(returning: builder.build()) }
            thread.name = "gloss rebuild"
            thread.start()
        }
    }
}
