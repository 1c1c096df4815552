/// Something that notices changes to files under a set of directories.
///
/// `watch(ready:reporting:)` runs until its task is cancelled. It calls
/// `ready` once every change from then on will be seen, then `report` with
/// the paths it saw change (created, written, deleted, renamed), from any
/// thread and as often as changes come; merging bursts is the job of
/// `ChangeBatcher`. Paths are the watched root as given joined with the path
/// below it, so they read like the build's own diagnostics (`Content/a.md`).
public protocol FileWatching: Sendable {
    func watch(ready: @escaping @Sendable () -> Void, reporting report: @escaping @Sendable (Set<String>) -> Void) async throws
}

enum WatchedNames {
    /// Editors' scratch files are not content: Vim's swap files and its
    /// `4913` write probe, backups ending in `~`, and hidden files generally
    /// (the content walker skips those too).
    static func isIgnored(_ name: some StringProtocol) -> Bool {
        name.hasPrefix(".") || name.hasSuffix("~") || name == "4913"
    }

    /// Whether any segment of a path below a root is ignored.
    static func isIgnored(relativePath: String) -> Bool {
        relativePath.split(separator: "/").contains { isIgnored($0) }
    }
}
