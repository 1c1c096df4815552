import GlossModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The real disk, through POSIX calls so that every failure keeps its
/// system reason (`Permission denied`, `Too many levels of symbolic links`).
public struct LocalFileSystem: ContentFileSystem {
    public init() {}

    public func status(of path: String) throws(FileSystemError) -> FileStatus? {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let code = errno
            if code == ENOENT || code == ENOTDIR { return nil }
            throw Self.error(code)
        }
        let kind: FileStatus.Kind = switch info.st_mode & S_IFMT {
        case S_IFREG: .file
        case S_IFDIR: .directory
        default: .other
        }
        var stamp = StableHasher()
        for part in [Int(info.st_size), Int(info.st_mtim.tv_sec), Int(info.st_mtim.tv_nsec), Int(info.st_ctim.tv_sec),
                     Int(info.st_ctim.tv_nsec), Int(bitPattern: UInt(info.st_ino)), Int(bitPattern: UInt(info.st_dev))] {
            stamp.combine(part)
        }
        return FileStatus(kind: kind, identity: "\(info.st_dev):\(info.st_ino)", stamp: stamp.value)
    }

    public func contentsOfDirectory(at path: String) throws(FileSystemError) -> [String] {
        guard let directory = opendir(path) else { throw Self.error(errno) }
        defer { closedir(directory) }
        var names: [String] = []
        while true {
            errno = 0
            guard let entry = readdir(directory) else {
                if errno != 0 { throw Self.error(errno) }
                return names
            }
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
    }

    public func readFile(at path: String) throws(FileSystemError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw Self.error(errno) }
        defer { close(descriptor) }
        var info = stat()
        let expected = fstat(descriptor, &info) == 0 ? max(Int(info.st_size), 0) : 0
        // One byte more than the size, so the read that reports the end needs no second buffer.
        var bytes = [UInt8](repeating: 0, count: expected + 1)
        var filled = 0
        while true {
            if filled == bytes.count {
                // The file grew while being read.
                bytes.append(contentsOf: [UInt8](repeating: 0, count: max(bytes.count, 1 << 16)))
            }
            let count = bytes.withUnsafeMutableBytes { buffer in
                read(descriptor, buffer.baseAddress.map { $0 + filled }, buffer.count - filled)
            }
            if count < 0 {
                let code = errno
                if code == EINTR { continue }
                throw Self.error(code)
            }
            if count == 0 {
                bytes.removeSubrange(filled...)
                return bytes
            }
            filled += count
        }
    }

    private static func error(_ code: Int32) -> FileSystemError {
        FileSystemError(reason: String(cString: strerror(code)))
    }
}
