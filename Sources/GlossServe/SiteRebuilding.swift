import Foundation
import Synchronization
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

/// Rebuilds that redo only what changed: the builder's memory of the last
/// build (content as loaded, rendered bodies) is kept between rebuilds, the
/// changed files are read again, and only pages whose inputs changed are
/// rendered and written; the output is still swapped in whole.
public final class IncrementalRebuilder: SiteRebuilding {
    public let settings: BuildSettings
    private let memory = Mutex(BuildMemory())

    public init(settings: BuildSettings) {
        self.settings = settings
    }

    /// The build is synchronous and spreads itself over every core; it runs on
    /// a thread of its own so the cooperative pool that serves requests is
    /// never blocked behind it. The coordinator runs one rebuild at a time.
    public func rebuild(changedPaths: Set<String>) async -> BuildOutcome {
        let builder = SiteBuilder(settings: settings)
        let changed = Self.contentRelative(changedPaths, contentDirectory: settings.contentDirectory)
        return await withCheckedContinuation { continuation in
            let thread = Thread {
                let outcome = self.memory.withLock { builder.build(memory: &$0, changed: changed) }
                continuation.resume(returning: outcome)
            }
            thread.name = "gloss rebuild"
            thread.start()
        }
    }

    /// The watcher's paths (`Content/2025/a.md`) relative to the content
    /// directory (`2025/a.md`); paths outside it (templates) are left out, as
    /// the builder reads those afresh anyway.
    static func contentRelative(_ paths: Set<String>, contentDirectory: String) -> Set<String> {
        let root = URL(fileURLWithPath: contentDirectory).standardizedFileURL.path + "/"
        return Set(paths.compactMap { path in
            let full = URL(fileURLWithPath: path).standardizedFileURL.path
            return full.hasPrefix(root) ? String(full.dropFirst(root.count)) : nil
        })
    }
}
