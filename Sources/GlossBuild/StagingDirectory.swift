import CFileExchange
import Foundation
import GlossModel

#if canImport(Glibc)
import Glibc
#endif

/// A build's output, written beside the real output directory and swapped into
/// place only when complete.
///
/// A build that fails or is killed leaves the previous output untouched: until
/// `commit()`, nothing but the hidden staging sibling (`.Public.gloss-staging-…`)
/// has been written, and the swap itself is one atomic `renameat2` exchange.
public struct StagingDirectory: Sendable {
    public let outputPath: String
    public let path: String
    /// An earlier generation being brought up to date, whose files may be
    /// hard links shared with the live output.
    let adopted: Bool

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Creates an empty staging directory for `outputPath`, first tidying what an
    /// earlier killed build may have left: a previous output parked by the
    /// two-rename fallback is put back, stale staging directories are removed.
    public init(outputPath: String) throws {
        let output = URL(fileURLWithPath: outputPath).standardizedFileURL.path
        self.outputPath = output
        let parent = (output as NSString).deletingLastPathComponent
        let name = (output as NSString).lastPathComponent
        try Self.recover(parent: parent, name: name, output: output)
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        path = parent + "/" + Self.stagingPrefix(name) + "\(getpid())-\(UInt32.random(in: 0 ... .max))"
        adopted = false
        guard mkdir(path, 0o755) == 0 else {
            throw Failure(description: "cannot create \(path): \(String(cString: strerror(errno)))")
        }
        try write(OutputDirectoryPolicy.markerContents, to: OutputDirectoryPolicy.markerName)
    }

    /// Stages into `directory`, an earlier generation of the site that the
    /// build updates file by file (see ``OutputGenerations``).
    init(outputPath: String, adopting directory: String) throws {
        let output = URL(fileURLWithPath: outputPath).standardizedFileURL.path
        self.outputPath = output
        try Self.recover(parent: (output as NSString).deletingLastPathComponent, name: (output as NSString).lastPathComponent, output: output)
        path = directory
        adopted = true
    }

    /// Removes one file and the folders it leaves empty.
    func remove(_ relativePath: String) {
        guard Self.isSafeRelativePath(relativePath) else { return }
        unlink(path + "/" + relativePath)
        var folder = (relativePath as NSString).deletingLastPathComponent
        while !folder.isEmpty, rmdir(path + "/" + folder) == 0 {
            folder = (folder as NSString).deletingLastPathComponent
        }
    }

    /// Writes one file, creating its directories. Safe to call from several threads.
    public func write(_ bytes: [UInt8], to relativePath: String) throws {
        guard Self.isSafeRelativePath(relativePath) else {
            throw Failure(description: "refusing to write \"\(relativePath)\": it would land outside the output directory")
        }
        let target = path + "/" + relativePath
        // Never write through a hard link into the live output.
        if adopted { unlink(target) }
        var descriptor = open(target, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        if descriptor < 0, errno == ENOENT {
            try Self.makeDirectories((target as NSString).deletingLastPathComponent)
            descriptor = open(target, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        }
        guard descriptor >= 0 else {
            throw Failure(description: "cannot write \(target): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { buffer in
                guard let base = buffer.baseAddress else { return 0 }
                return Glibc.write(descriptor, base + written, buffer.count - written)
            }
            if result < 0 {
                if errno == EINTR { continue }
                throw Failure(description: "cannot write \(target): \(String(cString: strerror(errno)))")
            }
            written += result
        }
    }

    /// Puts the staged site in place of the output directory and removes the
    /// old one, or moves it to `keep` to serve as the next staging.
    public func commit(keepingPreviousAt keep: String? = nil) throws {
        let fileManager = FileManager.default
        guard fileManager.fileExists(atPath: outputPath) else {
            try rename(path, to: outputPath)
            return
        }
        if gloss_exchange_paths(path, outputPath) == 0 {
            // `path` now holds the previous output.
            if let keep {
                if keep != path {
                    Self.removeTree(keep)
                    try rename(path, to: keep)
                }
            } else {
                Self.removeTree(path)
            }
            return
        }
        guard errno == ENOSYS || errno == EINVAL else {
            throw Failure(description: "cannot replace \(outputPath): \(String(cString: strerror(errno)))")
        }
        // Without an atomic exchange, park the old output under a name the next
        // build recognises and restores if this one dies between the renames.
        let parent = (outputPath as NSString).deletingLastPathComponent
        let parked = parent + "/" + Self.previousPrefix((outputPath as NSString).lastPathComponent) + "\(getpid())"
        try rename(outputPath, to: parked)
        try rename(path, to: outputPath)
        Self.removeTree(parked)
    }

    /// Removes the staging directory, leaving the output as it was.
    public func discard() {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Removes a directory tree, its top-level entries on all cores: removing
    /// a large site is mostly the kernel's work, and it parallelises. The
    /// marker goes first, so that a removal cut short by a killed build never
    /// leaves a partial tree that still names its generation.
    static func removeTree(_ directory: String) {
        let fileManager = FileManager.default
        unlink(directory + "/" + OutputDirectoryPolicy.markerName)
        let entries = (try? fileManager.contentsOfDirectory(atPath: directory)) ?? []
        _ = entries.parallelMap { entry in
            try? FileManager.default.removeItem(atPath: directory + "/" + entry)
        }
        try? fileManager.removeItem(atPath: directory)
    }

    static func stagingPrefix(_ name: String) -> String { ".\(name).gloss-staging-" }
    static func previousPrefix(_ name: String) -> String { ".\(name).gloss-previous-" }

    /// Only directories that carry Gloss's marker are ever removed or restored,
    /// so a look-alike name made by someone else is left alone.
    static func recover(parent: String, name: String, output: String) throws {
        let fileManager = FileManager.default
        guard let siblings = try? fileManager.contentsOfDirectory(atPath: parent) else { return }
        let ours = { (sibling: String) in
            fileManager.fileExists(atPath: parent + "/" + sibling + "/" + OutputDirectoryPolicy.markerName)
        }
        for sibling in siblings.sorted() where sibling.hasPrefix(previousPrefix(name)) && ours(sibling) {
            if fileManager.fileExists(atPath: output) {
                try? fileManager.removeItem(atPath: parent + "/" + sibling)
            } else {
                try? fileManager.moveItem(atPath: parent + "/" + sibling, toPath: output)
            }
        }
        for sibling in siblings where sibling.hasPrefix(stagingPrefix(name)) {
            if ours(sibling) {
                try? fileManager.removeItem(atPath: parent + "/" + sibling)
            } else {
                // A build killed between creating its staging directory and
                // marking it leaves it empty; rmdir removes nothing else.
                rmdir(parent + "/" + sibling)
            }
        }
    }

    static func isSafeRelativePath(_ relativePath: String) -> Bool {
        // On the bytes, once per file written: no leading `/`, no `\\` or
        // NUL anywhere, and no segment that is empty, `.` or `..`.
        var path = relativePath
        return path.withUTF8 { bytes in
            guard let first = bytes.first, first != UInt8(ascii: "/") else { return false }
            var segmentStart = 0
            for index in 0...bytes.count {
                if index < bytes.count {
                    let byte = bytes[index]
                    if byte == UInt8(ascii: "\\") || byte == 0 { return false }
                    guard byte == UInt8(ascii: "/") else { continue }
                }
                let length = index - segmentStart
                let dots = length <= 2 && bytes[segmentStart..<index].allSatisfy { $0 == UInt8(ascii: ".") }
                if length == 0 || dots { return false }
                segmentStart = index + 1
            }
            return true
        }
    }

    static func makeDirectories(_ directory: String) throws {
        if mkdir(directory, 0o755) == 0 || errno == EEXIST { return }
        guard errno == ENOENT else {
            throw Failure(description: "cannot create \(directory): \(String(cString: strerror(errno)))")
        }
        try makeDirectories((directory as NSString).deletingLastPathComponent)
        guard mkdir(directory, 0o755) == 0 || errno == EEXIST else {
            throw Failure(description: "cannot create \(directory): \(String(cString: strerror(errno)))")
        }
    }

    private func rename(_ from: String, to: String) throws {
        guard Glibc.rename(from, to) == 0 else {
            throw Failure(description: "cannot move \(from) to \(to): \(String(cString: strerror(errno)))")
        }
    }
}
