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
/// of every file in generation ID, an ID hashed from those keys, so that the
/// same site always gets the same marker. A generation being updated has a
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
        /// Every output file's path and key, in the order the build planned
        /// them, which is the same for the same site: the next build compares
        /// its plan with it place by place, without a table of every path.
        var files: [FileKey]
    }

    /// An output file and the key of what it was written from.
    struct FileKey: Equatable, Sendable {
        var path: String
        var key: UInt64
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

    /// The manifest of the generation in `directory`, if it is complete.
    /// `known` holds manifests this process wrote or read, by id, so that a
    /// rebuild need not parse again what the last one had.
    func manifest(of directory: String, known: [String: Manifest] = [:]) -> (id: String, manifest: Manifest)? {
        guard let id = Self.generationID(of: directory) else { return nil }
        if let manifest = known[id], FileManager.default.fileExists(atPath: manifestPath(id)) { return (id, manifest) }
        guard let data = FileManager.default.contents(atPath: manifestPath(id)), let manifest = Self.parse(Array(data)) else { return nil }
        return (id, manifest)
    }

    private func manifestPath(_ id: String) -> String { cache + "/manifest-" + id }

    static func parse(_ bytes: [UInt8]) -> Manifest? {
        let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        guard lines.count >= 4, String(decoding: lines[0], as: UTF8.self) == header else { return nil }
        func field(_ line: ArraySlice<UInt8>, _ name: String) -> String? {
            let text = String(decoding: line, as: UTF8.self)
            return text.hasPrefix(name + " ") ? String(text.dropFirst(name.count + 1)) : nil
        }
        guard let input = field(lines[1], "input").flatMap({ UInt64($0, radix: 16) }),
              let clean = field(lines[2], "clean"),
              let pages = field(lines[3], "pages").flatMap({ Int($0) }) else { return nil }
        var files: [FileKey] = []
        files.reserveCapacity(lines.count)
        for line in lines.dropFirst(4) where !line.isEmpty {
            guard let space = line.firstIndex(of: UInt8(ascii: " ")), let key = hexValue(line[line.startIndex..<space]) else { return nil }
            files.append(FileKey(path: String(decoding: line[(space + 1)...], as: UTF8.self), key: key))
        }
        return Manifest(inputStamp: input, clean: clean == "1", pageCount: pages, files: files)
    }

    /// `UInt64(text, radix: 16)` on bytes, without making a string: a
    /// manifest has a line for each of tens of thousands of files.
    private static func hexValue(_ digits: ArraySlice<UInt8>) -> UInt64? {
        guard !digits.isEmpty, digits.count <= 16 else { return nil }
        var value: UInt64 = 0
        for byte in digits {
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt64(digit)
        }
        return value
    }

    static let header = "gloss-manifest 1"

    static func serialize(_ manifest: Manifest) -> [UInt8] {
        var bytes = Array("\(header)\ninput \(String(manifest.inputStamp, radix: 16))\nclean \(manifest.clean ? 1 : 0)\npages \(manifest.pageCount)\n".utf8)
        bytes.reserveCapacity(bytes.count + manifest.files.count * 48)
        for file in manifest.files {
            var path = file.path
            path.withUTF8 { path in
                // A path with a line break cannot be listed; its page is written again next time.
                guard !path.contains(UInt8(ascii: "\n")) else { return }
                appendHex(file.key, to: &bytes)
                bytes.append(UInt8(ascii: " "))
                bytes.append(contentsOf: path)
                bytes.append(UInt8(ascii: "\n"))
            }
        }
        return bytes
    }

    /// `String(value, radix: 16)`, without making a string.
    private static func appendHex(_ value: UInt64, to bytes: inout [UInt8]) {
        var shift = max(0, (64 - value.leadingZeroBitCount + 3) / 4 * 4 - 4)
        while true {
            let digit = UInt8((value >> UInt64(shift)) & 0xF)
            bytes.append(digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10)
            if shift == 0 { break }
            shift -= 4
        }
    }

    // MARK: Writing

    /// A staging directory for the next generation and the keys of what it
    /// already holds: the previous generation when its manifest is intact,
    /// else a hard-linked copy of the live output when that one's is, else an
    /// empty directory (a full build).
    func prepareStaging(known: [String: Manifest] = [:]) throws -> (staging: StagingDirectory, baseline: [FileKey]) {
        try FileManager.default.createDirectory(atPath: cache, withIntermediateDirectories: true)
        if let kept = manifest(of: previous, known: known) {
            return (try adoptPrevious(), kept.manifest.files)
        }
        StagingDirectory.removeTree(previous)
        if let live = manifest(of: output, known: known) {
            try Self.linkTree(from: output, to: previous)
            return (try adoptPrevious(), live.manifest.files)
        }
        return (try StagingDirectory(outputPath: output), [])
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

    /// A generation's id: a hash of every file's key, so that two builds of the
    /// same site write the same marker, byte for byte, wherever they write it.
    /// The files' hashes are summed, which needs no sort of ten thousand paths.
    static func generationID(of manifest: Manifest) -> String {
        var sum: UInt64 = 0
        for file in manifest.files {
            var hasher = StableHasher()
            hasher.combine(file.path)
            hasher.combine(file.key)
            sum &+= hasher.value
        }
        var hasher = StableHasher()
        hasher.combine(manifest.files.count)
        hasher.combine(sum)
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
        try Data(Self.serialize(manifest)).write(to: URL(fileURLWithPath: manifestPath(id)), options: .atomic)
        let oldID = Self.generationID(of: output)
        let keepOld = oldID.map { FileManager.default.fileExists(atPath: manifestPath($0)) } ?? false
        try staging.commit(keepingPreviousAt: keepOld ? previous : nil)
        // Only the two live generations' manifests are worth keeping.
        let keep = Set([id, oldID].compactMap { $0 }.map { "manifest-" + $0 })
        for name in (try? FileManager.default.contentsOfDirectory(atPath: cache)) ?? [] where name.hasPrefix("manifest-") && !keep.contains(name) {
            unlink(cache + "/" + name)
        }
        return (id, keepOld ? oldID : nil)
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
