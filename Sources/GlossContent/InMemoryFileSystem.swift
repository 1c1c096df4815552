import GlossModel

/// A file tree held in memory, for tests of this module and of the modules
/// that build on it.
///
/// Paths are `/`-separated and relative (`Content/2025/x.md`); directories
/// exist because files are inside them, or because they are listed in
/// `directories` (an empty folder).
public struct InMemoryFileSystem: ContentFileSystem {
    private let files: [String: [UInt8]]
    private let children: [String: Set<String>]
    private let unreadable: Set<String>

    /// - Parameters:
    ///   - files: path → contents as raw bytes.
    ///   - directories: extra, possibly empty, directories.
    ///   - unreadable: paths (files or directories) whose reading fails with
    ///     `Permission denied`, as a folder without read permission would.
    public init(bytes files: [String: [UInt8]], directories: [String] = [], unreadable: Set<String> = []) {
        var children: [String: Set<String>] = [:]
        func addAncestors(of path: String) {
            var child = path
            while let slash = child.lastIndex(of: "/") {
                let parent = String(child[..<slash])
                children[parent, default: []].insert(String(child[child.index(after: slash)...]))
                child = parent
            }
            children["", default: []].insert(child)
        }
        for path in files.keys { addAncestors(of: Self.normalized(path)) }
        for directory in directories.map(Self.normalized) {
            addAncestors(of: directory)
            if children[directory] == nil { children[directory] = [] }
        }
        self.files = Dictionary(uniqueKeysWithValues: files.map { (Self.normalized($0.key), $0.value) })
        self.children = children
        self.unreadable = Set(unreadable.map(Self.normalized))
    }

    /// Files given as UTF-8 text, the usual case in tests.
    public init(_ files: [String: String], directories: [String] = [], unreadable: Set<String> = []) {
        self.init(bytes: files.mapValues { Array($0.utf8) }, directories: directories, unreadable: unreadable)
    }

    public func status(of path: String) throws(FileSystemError) -> FileStatus? {
        let path = Self.normalized(path)
        if let bytes = files[path] {
            var stamp = StableHasher()
            stamp.combine(bytes)
            return FileStatus(kind: .file, identity: path, stamp: stamp.value)
        }
        if children[path] != nil { return FileStatus(kind: .directory, identity: path) }
        return nil
    }

    public func contentsOfDirectory(at path: String) throws(FileSystemError) -> [String] {
        let path = Self.normalized(path)
        if unreadable.contains(path) { throw FileSystemError(reason: "Permission denied") }
        guard let names = children[path] else { throw FileSystemError(reason: "No such file or directory") }
        return Array(names)
    }

    public func readFile(at path: String) throws(FileSystemError) -> [UInt8] {
        let path = Self.normalized(path)
        if unreadable.contains(path) { throw FileSystemError(reason: "Permission denied") }
        guard let bytes = files[path] else {
            throw FileSystemError(reason: children[path] == nil ? "No such file or directory" : "Is a directory")
        }
        return bytes
    }

    /// `./Content//a/` and `Content/a` name the same entry.
    private static func normalized(_ path: String) -> String {
        path.split(separator: "/").filter { $0 != "." }.joined(separator: "/")
    }
}
