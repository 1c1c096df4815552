import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Watches directory trees by scanning them at an interval and comparing each
/// file's size, modification time and inode with the previous scan.
///
/// For file systems where inotify says nothing (network mounts, some
/// containers and virtual machines' shared folders). It costs a walk of the
/// trees per interval, which is small for a site's sources.
public struct PollingWatcher: FileWatching {
    public let roots: [String]
    public let interval: Duration

    public init(roots: [String], interval: Duration = .milliseconds(250)) {
        self.roots = roots
        self.interval = interval
    }

    public func watch(ready: @escaping @Sendable () -> Void, reporting report: @escaping @Sendable (Set<String>) -> Void) async throws {
        var previous = scan()
        ready()
        while !Task.isCancelled {
            try await Task.sleep(for: interval)
            let current = scan()
            let changed = Self.differences(previous, current)
            if !changed.isEmpty { report(changed) }
            previous = current
        }
    }

    struct Version: Equatable {
        var size: Int
        var inode: UInt64
        var seconds: Int
        var nanoseconds: Int
    }

    /// Paths that appeared, disappeared, or whose version differs.
    static func differences(_ before: [String: Version], _ after: [String: Version]) -> Set<String> {
        var changed = Set(after.keys).symmetricDifference(before.keys)
        for (path, version) in after where before[path].map({ $0 != version }) ?? false {
            changed.insert(path)
        }
        return changed
    }

    func scan() -> [String: Version] {
        var files: [String: Version] = [:]
        for root in roots {
            WatchedNames.walk(root) { _ in true } file: { path, info in
                files[path] = Version(
                    size: Int(info.st_size), inode: UInt64(info.st_ino),
                    seconds: Int(info.st_mtim.tv_sec), nanoseconds: Int(info.st_mtim.tv_nsec)
                )
            }
        }
        return files
    }
}
