#if canImport(Glibc)
import Foundation
import Glibc

/// Watches directory trees with Linux's inotify.
///
/// inotify watches one directory, not a tree, so every directory below each
/// root gets its own watch, and a directory that appears later (created, or
/// moved in) is watched as soon as it is seen; the files it already holds by
/// then are reported as changed, since their own events came before the watch.
/// Reading blocks, so it happens on a thread of its own rather than on the
/// cooperative pool; cancelling the task wakes that thread through a pipe.
public struct InotifyWatcher: FileWatching {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public let roots: [String]

    public init(roots: [String]) {
        self.roots = roots
    }

    public func watch(ready: @escaping @Sendable () -> Void, reporting report: @escaping @Sendable (Set<String>) -> Void) async throws {
        let descriptor = inotify_init1(Int32(IN_CLOEXEC))
        guard descriptor >= 0 else {
            throw Failure(description: "cannot start watching files (inotify): \(String(cString: strerror(errno))); try --poll")
        }
        var stopPipe: [Int32] = [0, 0]
        guard pipe(&stopPipe) == 0 else {
            close(descriptor)
            throw Failure(description: "cannot start watching files: \(String(cString: strerror(errno)))")
        }
        for end in stopPipe { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        var tree = WatchTree(descriptor: descriptor)
        for root in roots {
            tree.addRecursively(root)
        }
        let watched = tree
        ready()
        let (readEnd, writeEnd) = (stopPipe[0], stopPipe[1])
        await withTaskCancellationHandler {
            await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
                let thread = Thread {
                    var tree = watched
                    Self.readEvents(tree: &tree, stop: readEnd, report: report)
                    done.resume()
                }
                thread.name = "gloss inotify"
                thread.start()
            }
        } onCancel: {
            var byte: UInt8 = 1
            _ = Glibc.write(writeEnd, &byte, 1)
        }
        close(descriptor)
        close(readEnd)
        close(writeEnd)
    }

    private static func readEvents(tree: inout WatchTree, stop: Int32, report: @Sendable (Set<String>) -> Void) {
        let bufferSize = 64 * 1024
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: bufferSize, alignment: 8)
        defer { buffer.deallocate() }
        var polled = [pollfd(fd: tree.descriptor, events: Int16(POLLIN), revents: 0), pollfd(fd: stop, events: Int16(POLLIN), revents: 0)]
        while true {
            polled[0].revents = 0
            polled[1].revents = 0
            let ready = poll(&polled, 2, -1)
            if ready < 0 {
                if errno == EINTR { continue }
                return
            }
            if polled[1].revents != 0 { return }
            let count = read(tree.descriptor, buffer, bufferSize)
            if count < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                return
            }
            var changed: Set<String> = []
            var offset = 0
            let headerSize = MemoryLayout<inotify_event>.size
            while offset + headerSize <= count {
                let watch = buffer.loadUnaligned(fromByteOffset: offset, as: Int32.self)
                let mask = buffer.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
                let nameLength = Int(buffer.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
                let nameStart = (buffer + offset + headerSize).assumingMemoryBound(to: CChar.self)
                let name = nameLength > 0 ? String(cString: nameStart) : ""
                offset += headerSize + nameLength
                tree.handle(watch: watch, mask: mask, name: name, changed: &changed)
            }
            if !changed.isEmpty { report(changed) }
        }
    }
}

/// The inotify watches of one watcher: watch descriptor → directory path.
private struct WatchTree: Sendable {
    let descriptor: Int32
    var directories: [Int32: String] = [:]

    static let mask = UInt32(IN_CREATE | IN_DELETE | IN_CLOSE_WRITE | IN_MODIFY | IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF | IN_ONLYDIR)

    init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    mutating func handle(watch: Int32, mask: UInt32, name: String, changed: inout Set<String>) {
        if mask & UInt32(IN_Q_OVERFLOW) != 0 {
            // Events were lost: say everything changed.
            changed.formUnion(directories.values)
            return
        }
        if mask & UInt32(IN_IGNORED) != 0 {
            directories.removeValue(forKey: watch)
            return
        }
        guard let directory = directories[watch], !name.isEmpty, !WatchedNames.isIgnored(name) else { return }
        let path = directory + "/" + name
        let isDirectory = mask & UInt32(IN_ISDIR) != 0
        if isDirectory, mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
            changed.formUnion(addRecursively(path))
        }
        changed.insert(path)
    }

    /// Watches `directory` and every directory below it, and returns the
    /// files found there.
    @discardableResult
    mutating func addRecursively(_ directory: String) -> Set<String> {
        var found: Set<String> = []
        WatchedNames.walk(directory) { directory in
            let watch = inotify_add_watch(descriptor, directory, Self.mask)
            guard watch >= 0 else { return false }
            directories[watch] = directory
            return true
        } file: { path, _ in
            found.insert(path)
        }
        return found
    }
}
#endif
