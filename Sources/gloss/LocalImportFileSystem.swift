import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The disk as `gloss import` uses it: read inputs (standard input for
/// `-`), and write each transcript whole or not at all.
struct LocalImportFileSystem: Sendable {
    struct Failure: Error {
        var reason: String
    }

    func read(_ path: String) throws -> [UInt8] {
        if path == "-" {
            return Array(FileHandle.standardInput.readDataToEndOfFile())
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw Failure(reason: "it is a folder; expected a file")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Failure(reason: FileManager.default.fileExists(atPath: path) ? "permission denied" : "no such file")
        }
        return Array(data)
    }

    func exists(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0
    }

    /// Writes to a temporary file beside `path`, then moves it into place in
    /// one step: `rename` when replacing, `link` otherwise, which fails
    /// rather than overwrite a file that appeared in the meantime.
    func write(_ bytes: [UInt8], to path: String, replacing: Bool) throws {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw Failure(reason: "cannot create the folder \(folder)")
            }
        }
        let name = (path as NSString).lastPathComponent
        let temporary = (folder.isEmpty ? "" : folder + "/") + ".\(name).gloss-import-\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else { throw Failure(reason: String(cString: strerror(errno))) }
        var written = 0
        while written < bytes.count {
            let result = bytes[written...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            guard result > 0 else {
                let reason = String(cString: strerror(errno))
                close(descriptor)
                unlink(temporary)
                throw Failure(reason: reason)
            }
            written += result
        }
        fsync(descriptor)
        close(descriptor)
        let moved = replacing ? rename(temporary, path) : link(temporary, path)
        let code = errno
        if !replacing || moved != 0 { unlink(temporary) }
        guard moved == 0 else {
            throw Failure(reason: code == EEXIST ? "the file exists; pass --force to replace it" : String(cString: strerror(code)))
        }
    }
}
