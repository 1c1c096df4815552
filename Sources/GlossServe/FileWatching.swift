import Foundation

#if canImport(Glibc)
import Glibc
#endif

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

    /// Walks the tree under `directory`, leaving out ignored names and not
    /// following symbolic links: `enter` is called for each directory (the
    /// first included) and says whether to look inside; `file` gets every
    /// other entry with its `lstat`.
    static func walk(_ directory: String, enter: (String) -> Bool, file: (String, stat) -> Void) {
        guard enter(directory), let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        for name in names where !isIgnored(name) {
            let path = directory + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            if info.st_mode & S_IFMT == S_IFDIR {
                walk(path, enter: enter, file: file)
            } else {
                file(path, info)
            }
        }
    }
}
