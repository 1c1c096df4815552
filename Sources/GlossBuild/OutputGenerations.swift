import CFileExchange
import Foundation
import GlossModel

#if canImport(Glibc)
import Glibc
#endif

/// The output directory and the one generation of the site kept beside it,
/// so that a rebuild writes only the pages that changed and still swaps the
/// whole site in with one atomic exchange.
///
/// Two generations take turns: the live output (`Public/`) and the previous
/// one (`.Public.gloss-cache/previous/`). A rebuild brings the previous
/// generation up to date — only pages whose key differs from the key it was
/// written with — then exchanges it with the live one. Each generation's
/// marker file names it, and `.Public.gloss-cache/manifest-ID` lists the key
/// of every file in generation ID, an ID hashed from those keys and the
/// paths, so that the same site always gets the same marker. The paths are
/// in `paths-HASH`, which the manifest names and many generations share. A generation being updated has a
/// marker naming none, so one left half-updated by a killed build is never
/// trusted: it is linked afresh from the live output, or rebuilt whole.
struct OutputGenerations {
    /// Standardized path of the live output.
    let output: String
    /// The hidden sibling holding the previous generation and the manifests.
    let cache: String

    init(outputPath: String) {
        output = URL(fileURLWithPath: outputPath).standardizedFileURL.path
        let parent = (output as NSString).deletingLastPathComponent
        cache = parent + "/." + (output as NSString).lastPathComponent + ".gloss-cache"
    }

    var previous: String { cache + "/previous" }

    /// What a generation holds: the key of every file, and what it was built from.
    struct Manifest: Equatable {
        /// The stamp of every input of the build that wrote it.
        var inputStamp: UInt64
        /// The build reported nothing: the same inputs need no rebuild at all.
        var clean: Bool
        var pageCount: Int
        /// Every output file's path, in the order the build planned them,
        /// which is the same for the same site: the next build compares its
        /// plan with it place by place, without a table of every path.
        var paths: PathList
        /// The key of what each file of `paths` was written from, in the same order.
        var keys: [UInt64]
    }

    /// The paths of a generation's files, in plan order, kept apart from
    /// their keys: an edit changes keys, seldom paths, so a rebuild that
    /// plans the same paths as its baseline shares the baseline's list, and
    /// neither hashes nor writes ten thousand paths again.
    final class PathList: Equatable, Sendable {
        let paths: [String]
        /// A hash of the paths: the name of the file that lists them, checked when it is read.
        let id: UInt64
        /// Read from the file, not planned: its strings are not the plan's,
        /// so comparing a plan with it compares bytes, not references.
        let isRead: Bool

        init(_ paths: [String], isRead: Bool = false) {
            self.paths = paths
            var hasher = StableHasher()
            hasher.combine(paths.count)
            for path in paths { hasher.combine(path) }
            id = hasher.value
            self.isRead = isRead
        }

        /// A list known to hold the same paths as the one `id` names.
        init(_ paths: [String], id: UInt64) {
            self.paths = paths
            self.id = id
            isRead = false
        }

        static func == (a: PathList, b: PathList) -> Bool {
            a === b || (a.id == b.id && a.paths == b.paths)
        }
    }

    // MARK: Reading

    /// The generation id in `directory`'s marker, if it has one.
    static func generationID(of directory: String) -> String? {
        guard let data = FileManager.default.contents(atPath: directory + "/" + OutputDirectoryPolicy.markerName),
              let text = String(data: data, encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix(markerPrefix) {
            let id = line.dropFirst(markerPrefix.count)
            if !id.isEmpty, id.allSatisfy(\.isHexDigit) { return String(id) }
        }
        return nil
    }

    static let markerPrefix = "generation: "

    /// The manifest of the generation in `directory`, if it is complete and
    /// whole: its id must be the hash of what it lists. `known` holds
    /// manifests this process wrote or read, by id, so that a rebuild need
    /// not read again what the last one had.
    func manifest(of directory: String, known: [String: Manifest] = [:]) -> (id: String, manifest: Manifest)? {
        guard let id = Self.generationID(of: directory) else { return nil }
        if let manifest = known[id], FileManager.default.fileExists(atPath: manifestPath(id)) { return (id, manifest) }
        guard let data = FileManager.default.contents(atPath: manifestPath(id)), let header = Self.parse(Array(data)) else { return nil }
        let paths = known.values.first { $0.paths.id == header.pathsID }?.paths ?? readPaths(header.pathsID)
        guard let paths, paths.paths.count == header.keys.count else { return nil }
        let manifest = Manifest(inputStamp: header.inputStamp, clean: header.clean, pageCount: header.pageCount, paths: paths, keys: header.keys)
        guard Self.generationID(of: manifest) == id else { return nil }
        return (id, manifest)
    }

    private func manifestPath(_ id: String) -> String { cache + "/manifest-" + id }

    private func pathsPath(_ id: UInt64) -> String { cache + "/paths-" + String(id, radix: 16) }

    /// A manifest file's fields; its paths are in the file its `pathsID` names.
    struct ManifestFile {
        var inputStamp: UInt64
        var clean: Bool
        var pageCount: Int
        var pathsID: UInt64
        var keys: [UInt64]
    }

    /// Six lines of text, then the keys as little-endian 64-bit words.
    static func parse(_ bytes: [UInt8]) -> ManifestFile? {
        var lines: [String] = []
        var start = 0
        while lines.count < 6 {
            guard let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) else { return nil }
            lines.append(String(decoding: bytes[start..<end], as: UTF8.self))
            start = end + 1
        }
        func field(_ index: Int, _ name: String) -> String? {
            lines[index].hasPrefix(name + " ") ? String(lines[index].dropFirst(name.count + 1)) : nil
        }
        guard lines[0] == header,
              let input = field(1, "input").flatMap({ UInt64($0, radix: 16) }),
              let clean = field(2, "clean"),
              let pages = field(3, "pages").flatMap({ Int($0) }),
              let pathsID = field(4, "paths").flatMap({ UInt64($0, radix: 16) }),
              let count = field(5, "keys").flatMap({ Int($0) }),
              count >= 0, count <= bytes.count, bytes.count - start == count * 8 else { return nil }
        var keys = [UInt64](repeating: 0, count: count)
        keys.withUnsafeMutableBytes { keyBytes in
            bytes.withUnsafeBytes { keyBytes.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0[start...])) }
        }
        return ManifestFile(inputStamp: input, clean: clean == "1", pageCount: pages, pathsID: pathsID, keys: keys.map { UInt64(littleEndian: $0) })
    }

    static let header = "gloss-manifest 2"
    static let pathsHeader = "gloss-paths 1"

    static func serialize(_ manifest: Manifest) -> [UInt8] {
        var bytes = Array("""
            \(header)
            input \(String(manifest.inputStamp, radix: 16))
            clean \(manifest.clean ? 1 : 0)
            pages \(manifest.pageCount)
            paths \(String(manifest.paths.id, radix: 16))
            keys \(manifest.keys.count)

            """.utf8)
        bytes.reserveCapacity(bytes.count + manifest.keys.count * 8)
        for key in manifest.keys {
            withUnsafeBytes(of: key.littleEndian) { bytes.append(contentsOf: $0) }
        }
        return bytes
    }

    /// The path list file: a header line, then one path a line. A path
    /// with a line break cannot be listed, so such a list is not written,
    /// and the next build writes every page again.
    static func serialize(_ paths: PathList) -> [UInt8]? {
        var bytes = Array((pathsHeader + "\n").utf8)
        bytes.reserveCapacity(paths.paths.count * 40)
        for path in paths.paths {
            var path = path
            let listed = path.withUTF8 { path -> Bool in
                guard !path.contains(UInt8(ascii: "\n")) else { return false }
                bytes.append(contentsOf: path)
                bytes.append(UInt8(ascii: "\n"))
                return true
            }
            guard listed else { return nil }
        }
        return bytes
    }

    /// The path list `id` names, if its file is there and hashes to `id`.
    private func readPaths(_ id: UInt64) -> PathList? {
        guard let data = FileManager.default.contents(atPath: pathsPath(id)) else { return nil }
        let bytes = [UInt8](data)
        let header = Array((Self.pathsHeader + "\n").utf8)
        guard bytes.starts(with: header) else { return nil }
        let lines = bytes[header.count...].split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        guard lines.last?.isEmpty ?? false else { return nil }
        let list = PathList(lines.dropLast().map { String(decoding: $0, as: UTF8.self) }, isRead: true)
        return list.id == id ? list : nil
    }

    // MARK: Writing

    /// A staging directory for the next generation and the keys of what it
    /// already holds: the previous generation when its manifest is intact,
    /// else a hard-linked copy of the live output when that one's is, else an
    /// empty directory (a full build).
    func prepareStaging(known: [String: Manifest] = [:]) throws -> (staging: StagingDirectory, baseline: Manifest?) {
        try FileManager.default.createDirectory(atPath: cache, withIntermediateDirectories: true)
        if let kept = manifest(of: previous, known: known) {
            return (try adoptPrevious(), kept.manifest)
        }
        StagingDirectory.removeTree(previous)
        if let live = manifest(of: output, known: known) {
            try Self.linkTree(from: output, to: previous)
            return (try adoptPrevious(), live.manifest)
        }
        return (try StagingDirectory(outputPath: output), nil)
    }

    /// The previous generation as the staging directory, its marker first
    /// replaced by one naming no generation: from here until the new marker is
    /// written, the directory is not trusted. Its manifest is left alone, as
    /// the live output may be the same generation and share it.
    private func adoptPrevious() throws -> StagingDirectory {
        let staging = try StagingDirectory(outputPath: output, adopting: previous)
        try staging.write(OutputDirectoryPolicy.markerContents, to: OutputDirectoryPolicy.markerName)
        return staging
    }

    /// A generation's id: a hash of its paths' id and every file's key, so
    /// that two builds of the same site write the same marker, byte for
    /// byte, wherever they write it.
    static func generationID(of manifest: Manifest) -> String {
        var hasher = StableHasher()
        hasher.combine(manifest.paths.id)
        manifest.keys.withUnsafeBytes { hasher.combine(bytes: $0) }
        return String(hasher.value, radix: 16)
    }

    /// Records the staged generation's manifest under its id, swaps it in,
    /// and keeps the old live output as the previous generation when it has
    /// a manifest (else removes it).
    /// Returns the new generation's id, and the old live one's if it was kept.
    @discardableResult
    func commit(_ staging: StagingDirectory, manifest: Manifest) throws -> (id: String, kept: String?) {
        let id = Self.generationID(of: manifest)
        let marker = OutputDirectoryPolicy.markerContents + Array((Self.markerPrefix + id + "\n").utf8)
        try staging.write(marker, to: OutputDirectoryPolicy.markerName)
        // The paths' file is written only when they changed since it was.
        let newPaths = !FileManager.default.fileExists(atPath: pathsPath(manifest.paths.id))
        // Paths that cannot be listed leave the manifest naming a list that
        // is not there: the next build writes every page again.
        if newPaths, let listed = Self.serialize(manifest.paths) {
            try Data(listed).write(to: URL(fileURLWithPath: pathsPath(manifest.paths.id)), options: .atomic)
        }
        try Data(Self.serialize(manifest)).write(to: URL(fileURLWithPath: manifestPath(id)), options: .atomic)
        let oldID = Self.generationID(of: output)
        let keepOld = oldID.map { FileManager.default.fileExists(atPath: manifestPath($0)) } ?? false
        try staging.commit(keepingPreviousAt: keepOld ? previous : nil)
        // Only the two live generations' manifests, and the path lists they
        // name, are worth keeping; a path list goes only when a new one came.
        var keep = Set([id, oldID].compactMap { $0 }.map { "manifest-" + $0 })
        if newPaths {
            keep.insert("paths-" + String(manifest.paths.id, radix: 16))
            if keepOld, let oldID, let old = Self.pathsID(ofManifestAt: manifestPath(oldID)) { keep.insert("paths-" + String(old, radix: 16)) }
        }
        for name in (try? FileManager.default.contentsOfDirectory(atPath: cache)) ?? []
        where (name.hasPrefix("manifest-") || (newPaths && name.hasPrefix("paths-"))) && !keep.contains(name) {
            unlink(cache + "/" + name)
        }
        return (id, keepOld ? oldID : nil)
    }

    /// The path list a manifest file names, read from its first lines only.
    private static func pathsID(ofManifestAt path: String) -> UInt64? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let head = try? handle.read(upToCount: 256) else { return nil }
        let lines = String(decoding: head, as: UTF8.self).split(separator: "\n")
        guard lines.count > 4, lines[4].hasPrefix("paths ") else { return nil }
        return UInt64(lines[4].dropFirst("paths ".count), radix: 16)
    }

    /// Copies a tree as hard links: a second generation for the cost of
    /// directory entries, not file contents. Staged writes unlink a file
    /// before writing it, so the live output is never written through a link.
    ///
    /// The marker is not copied: a copy cut short by a killed build must not
    /// name the generation it was copied from, or the next build would take
    /// the half-linked tree for a whole one and swap it in.
    static func linkTree(from source: String, to destination: String) throws {
        guard mkdir(destination, 0o755) == 0 || errno == EEXIST else {
            throw StagingDirectory.Failure(description: "cannot create \(destination): \(String(cString: strerror(errno)))")
        }
        let entries = ((try? FileManager.default.contentsOfDirectory(atPath: source)) ?? []).filter { $0 != OutputDirectoryPolicy.markerName }
        let failures: [String] = entries.parallelMap { name in
            linkEntry(source + "/" + name, destination + "/" + name)
        }.compactMap { $0 }
        if let failure = failures.first { throw StagingDirectory.Failure(description: failure) }
    }

    private static func linkEntry(_ source: String, _ destination: String) -> String? {
        var info = stat()
        guard lstat(source, &info) == 0 else { return nil }
        if info.st_mode & S_IFMT == S_IFDIR {
            guard mkdir(destination, 0o755) == 0 || errno == EEXIST else {
                return "cannot create \(destination): \(String(cString: strerror(errno)))"
            }
            for name in (try? FileManager.default.contentsOfDirectory(atPath: source)) ?? [] {
                if let failure = linkEntry(source + "/" + name, destination + "/" + name) { return failure }
            }
            return nil
        }
        guard link(source, destination) == 0 else {
            return "cannot link \(destination): \(String(cString: strerror(errno)))"
        }
        return nil
    }
}
