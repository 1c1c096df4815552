/// The file system as the content loader sees it.
///
/// Injected so that tests run on an in-memory tree and the loader never
/// touches the disk behind the caller's back. Every method may be called
/// from several threads at once.
public protocol ContentFileSystem: Sendable {
    /// What is at `path` after following symbolic links, or nil when nothing is.
    /// Throws when the path cannot be examined, e.g. a symbolic link that
    /// points to itself or a folder the user may not enter.
    func status(of path: String) throws(FileSystemError) -> FileStatus?

    /// The names of the entries of the directory at `path`, without `.` and
    /// `..`, in no particular order.
    func contentsOfDirectory(at path: String) throws(FileSystemError) -> [String]

    /// The bytes of the file at `path`, following symbolic links.
    func readFile(at path: String) throws(FileSystemError) -> [UInt8]
}

/// What a path leads to.
public struct FileStatus: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case file
        case directory
        /// A socket, device or anything else Gloss does not read.
        case other
    }

    public var kind: Kind
    /// Equal for two paths that lead to the same item (through a symbolic
    /// link, say), so a walk can notice a link back into a folder it is
    /// already inside instead of descending forever.
    public var identity: String
    /// Changes whenever the contents may have (size, modification and change
    /// times, inode): equal stamps let a rebuild skip reading a file again.
    public var stamp: UInt64

    public init(kind: Kind, identity: String, stamp: UInt64 = 0) {
        self.kind = kind
        self.identity = identity
        self.stamp = stamp
    }
}

/// Why a file system operation failed, in words fit for a diagnostic
/// (`Permission denied`).
public struct FileSystemError: Error, Hashable, Sendable, CustomStringConvertible {
    public var reason: String

    public init(reason: String) {
        self.reason = reason
    }

    public var description: String { reason }
}
