import Foundation
import GlossMarkdown
import GlossModel
import GlossQuotes
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// Where one rendered body's HTML lies in the store, and the hash its bytes
/// must have: a body whose bytes do not match is never used.
struct BodyLocation: Sendable, Hashable {
    var pack: PackID
    var offset: Int
    var length: Int
    var checksum: UInt64
}

/// A pack file of the body store, `pack-` and a random number in hex: a
/// number, so that the locations of ten thousand bodies share no string to
/// count references to from every core.
struct PackID: Sendable, Hashable {
    var number: UInt64

    static let prefix = "pack-"

    static func random() -> PackID {
        PackID(number: UInt64.random(in: 0 ... .max))
    }

    init(number: UInt64) {
        self.number = number
    }

    /// The pack a file name names, if it names one.
    init?(fileName: String) {
        guard fileName.hasPrefix(Self.prefix), let number = UInt64(fileName.dropFirst(Self.prefix.count), radix: 16),
              fileName == Self.prefix + String(number, radix: 16) else { return nil }
        self.number = number
    }

    var fileName: String { Self.prefix + String(number, radix: 16) }
}

/// Rendered transcript bodies on disk, beside the output
/// (`.Public.gloss-cache/bodies/`), for two reasons: a build holds every
/// body's HTML from the time it is rendered until its page is written, which
/// at 100,000 transcripts is gigabytes; and a build in a new process can take
/// an unchanged transcript's body from the last build instead of rendering it.
///
/// The HTML goes into pack files, appended to as bodies are rendered, and an
/// index lists each transcript's revision, where its HTML is and what the
/// rest of the build needs of it (diagnostics, links, anchors, turns). The
/// index is a ``RecordLog`` and each body has a hash of its own: a damaged
/// or truncated index is discarded whole, a damaged body is rendered again,
/// and neither is ever trusted.
final class BodyStore: Sendable {
    let directory: String
    /// The pack this build appends to, opened at the first append.
    private let writer: Mutex<PackWriter>
    /// Open pack files by name, for reading.
    private let readers = Mutex<[PackID: Int32]>([:])
    private let logged = Mutex(Logged())

    private struct PackWriter {
        var pack: PackID
        var descriptor: Int32 = -1
        var size = 0
        var failed = false
    }

    /// - Parameter appendingTo: a pack of the last build that is small enough
    ///   to append to instead of starting another (the preview server's
    ///   rebuilds render a few bodies each).
    init(directory: String, appendingTo pack: PackID? = nil) {
        self.directory = directory
        writer = Mutex(PackWriter(pack: pack ?? .random()))
    }

    deinit {
        writer.withLock { if $0.descriptor >= 0 { close($0.descriptor) } }
        readers.withLock { for descriptor in $0.values { close(descriptor) } }
    }

    static let indexName = "index"
    /// A pack below this size is appended to by the next build.
    static let smallPack = 16 << 20

    // MARK: Bodies

    /// Appends `html` to this build's pack; nil when it cannot be written
    /// (the caller keeps the HTML in memory instead).
    func append(_ html: String) -> BodyLocation? {
        var html = html
        return html.withUTF8 { append(bytes: $0) }
    }

    /// ``append(_:)`` for bytes: a body's HTML as the renderer made it.
    func append(_ html: [UInt8]) -> BodyLocation? {
        html.withUnsafeBufferPointer { append(bytes: $0) }
    }

    private func append(bytes: UnsafeBufferPointer<UInt8>) -> BodyLocation? {
        var hasher = StableHasher()
        hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
        return writer.withLock { pack -> BodyLocation? in
            guard !pack.failed else { return nil }
            if pack.descriptor < 0 {
                try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
                pack.descriptor = Glibc.open(directory + "/" + pack.pack.fileName, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
                guard pack.descriptor >= 0 else {
                    pack.failed = true
                    return nil
                }
                pack.size = Int(lseek(pack.descriptor, 0, SEEK_END))
            }
            guard RecordLog.writeFully(UnsafeRawBufferPointer(bytes), to: pack.descriptor) else {
                // What was half written lies past every recorded location.
                pack.failed = true
                return nil
            }
            defer { pack.size += bytes.count }
            return BodyLocation(pack: pack.pack, offset: pack.size, length: bytes.count, checksum: hasher.value)
        }
    }

    /// The HTML at `location`, or nil when it cannot be read or its bytes
    /// are not the ones stored.
    func read(_ location: BodyLocation) -> String? {
        guard let descriptor = reader(for: location.pack), location.length >= 0, location.offset >= 0 else { return nil }
        let text = String(unsafeUninitializedCapacity: location.length) { buffer in
            Self.readChecked(location, from: descriptor, into: buffer) ? location.length : 0
        }
        return text.utf8.count == location.length ? text : nil
    }

    /// The bytes at `location`, as ``read(_:)`` checks them, without
    /// making a string of them.
    func readBytes(_ location: BodyLocation) -> [UInt8]? {
        guard let descriptor = reader(for: location.pack), location.length >= 0, location.offset >= 0 else { return nil }
        var intact = false
        let bytes = [UInt8](unsafeUninitializedCapacity: location.length) { buffer, count in
            intact = Self.readChecked(location, from: descriptor, into: buffer)
            count = intact ? location.length : 0
        }
        return intact ? bytes : nil
    }

    /// Reads `location.length` bytes into `buffer`: whether they were all
    /// read and hash to the checksum stored with them.
    private static func readChecked(_ location: BodyLocation, from descriptor: Int32, into buffer: UnsafeMutableBufferPointer<UInt8>) -> Bool {
        var done = 0
        while done < location.length {
            let count = pread(descriptor, buffer.baseAddress.map { $0 + done }, location.length - done, off_t(location.offset + done))
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return false }
            done += count
        }
        var hasher = StableHasher()
        hasher.combine(bytes: UnsafeRawBufferPointer(UnsafeMutableBufferPointer(rebasing: buffer[..<done])))
        return hasher.value == location.checksum
    }

    private func reader(for pack: PackID) -> Int32? {
        readers.withLock { descriptors -> Int32? in
            if let descriptor = descriptors[pack] { return descriptor }
            let descriptor = Glibc.open(directory + "/" + pack.fileName, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else { return nil }
            descriptors[pack] = descriptor
            return descriptor
        }
    }
}

// MARK: The index

extension BodyStore {
    /// What the index file holds, as of the last read or write: enough to
    /// append only what a build changed.
    struct Logged {
        var seed: UInt64?
        var pack: PackID?
        var entries: [String: (revision: UInt64, location: BodyLocation)] = [:]
        var records = 0
    }

    private enum Record: UInt64 {
        case header = 0, pack, body, removal
    }

    private static let magic = Array("gloss rendered bodies 5\n".utf8)

    private var log: RecordLog { RecordLog(path: directory + "/" + Self.indexName, magic: Self.magic) }

    /// The store in `directory`, and the bodies the last build stored there,
    /// by transcript path, if they were rendered under `seed` and the index
    /// is whole. The last build's pack is appended to while it is small.
    static func open(directory: String, seed: UInt64) -> (store: BodyStore, bodies: [String: RememberedBody]) {
        let log = RecordLog(path: directory + "/" + indexName, magic: magic)
        guard let records = log.read(), let (logged, bodies) = try? decode(records) else { return (BodyStore(directory: directory), [:]) }
        let small = logged.pack.flatMap { fileSize(directory + "/" + $0.fileName) }.map { $0 < smallPack } ?? false
        let store = BodyStore(directory: directory, appendingTo: small ? logged.pack : nil)
        store.logged.withLock { $0 = logged }
        return (store, logged.seed == seed ? bodies : [:])
    }

    /// Records where `bodies` are (those stored in a pack; the others are
    /// left out), first moving the bodies of mostly dead packs into this
    /// build's, then deletes every pack the index no longer names. Returns
    /// `bodies` with their new locations.
    ///
    /// A new index is written `batch` records at a time, each batch made as
    /// the file is written: at 100,000 transcripts the records come to
    /// hundreds of megabytes.
    func commit(_ bodies: [String: RememberedBody], seed: UInt64, batch: Int = 2048) -> [String: RememberedBody] {
        var bodies = bodies
        compact(&bodies)
        let current = writer.withLock { $0.pack }
        var stored: [String: (revision: UInt64, location: BodyLocation)] = [:]
        for (path, body) in bodies {
            if case .stored(let location) = body.html { stored[path] = (body.revision, location) }
        }
        let written = logged.withLock { logged -> Bool in
            // Filtered first, then sorted: an edit changes a few of thousands.
            let changed = stored.filter { path, entry in
                guard let earlier = logged.entries[path] else { return true }
                return earlier.revision != entry.revision || earlier.location != entry.location
            }.keys.sorted()
            let removed = logged.entries.keys.filter { stored[$0] == nil }.sorted()
            let movesPack = logged.pack != current
            let changeCount = (movesPack ? 1 : 0) + changed.count + removed.count
            let ok: Bool
            if logged.seed == seed, logged.records + changeCount <= 2 * stored.count + 64 {
                var changes: [[UInt8]] = []
                if movesPack { changes.append(Self.record(.pack) { $0.write(current.fileName) }) }
                changes += Self.bodyRecords(changed, bodies: bodies)
                for path in removed { changes.append(Self.record(.removal) { $0.write(path) }) }
                ok = log.append(changes.map(RecordLog.framed))
                logged.records += changes.count
            } else {
                let head = [Self.record(.header) { $0.writeFixed(seed) }, Self.record(.pack) { $0.write(current.fileName) }].map(RecordLog.framed)
                let paths = stored.keys.sorted()
                let batches = stride(from: 0, to: max(paths.count, 1), by: batch).lazy.map { start in
                    (start == 0 ? head : []) + Self.bodyRecords(Array(paths[start ..< min(start + batch, paths.count)]), bodies: bodies, framed: true)
                }
                try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
                ok = log.rewrite(batches: batches)
                logged.records = head.count + paths.count
            }
            logged = ok ? Logged(seed: seed, pack: current, entries: stored, records: logged.records) : Logged()
            return ok
        }
        guard written else { return bodies }
        var named = Set(stored.values.map(\.location.pack))
        for body in bodies.values {
            if case .stored(let passages) = body.survey.searchPassages { named.insert(passages.pack) }
            if let terms = body.survey.searchTermsStored { named.insert(terms.pack) }
        }
        for file in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [] {
            let pack = PackID(fileName: file)
            guard pack.map({ !named.contains($0) && $0 != current }) ?? file.hasPrefix(Self.indexName + ".tmp-") else { continue }
            if let pack { readers.withLock { if let descriptor = $0.removeValue(forKey: pack) { close(descriptor) } } }
            unlink(directory + "/" + file)
        }
        return bodies
    }

    /// A pack of an earlier build that is more than half dead gives its live
    /// bodies to this build's pack, so that the store never holds much more
    /// than one copy of each body.
    private func compact(_ bodies: inout [String: RememberedBody]) {
        let current = writer.withLock { $0.pack }
        var live: [PackID: Int] = [:]
        for body in bodies.values {
            if case .stored(let location) = body.html { live[location.pack, default: 0] += location.length }
            if case .stored(let location) = body.survey.searchPassages { live[location.pack, default: 0] += location.length }
            if let location = body.survey.searchTermsStored { live[location.pack, default: 0] += location.length }
        }
        let sparse = Set(live.compactMap { pack, bytes -> PackID? in
            guard pack != current, let size = Self.fileSize(directory + "/" + pack.fileName), bytes * 2 < size else { return nil }
            return pack
        })
        guard !sparse.isEmpty else { return }
        for (path, body) in bodies {
            guard case .stored(let location) = body.html else { continue }
            var moved = body
            // The search passages go with the HTML, so that a record names one pack.
            let passages: BodyLocation? = if case .stored(let passages) = body.survey.searchPassages { passages } else { nil }
            let terms = body.survey.searchTermsStored
            guard sparse.contains(location.pack) || passages.map({ sparse.contains($0.pack) }) == true
                || terms.map({ sparse.contains($0.pack) }) == true else { continue }
            if let html = read(location), let relocated = append(html) {
                moved.html = .stored(relocated)
            } else {
                moved.html = .dropped
            }
            if let passages {
                if let json = read(passages), let relocated = append(json) {
                    moved.survey.searchPassages = .stored(relocated)
                } else {
                    moved.survey.searchPassages = .dropped
                }
            }
            if let terms {
                // A summary that cannot be moved keeps its place, and is made
                // again when a shard needs it and finds it gone.
                moved.survey.searchTermsStored = read(terms).flatMap { append($0) } ?? terms
            }
            bodies[path] = moved
        }
    }

    static func fileSize(_ path: String) -> Int? {
        var status = stat()
        return stat(path, &status) == 0 ? Int(status.st_size) : nil
    }

    private static func record(_ kind: Record, _ fill: (inout ByteWriter) -> Void) -> [UInt8] {
        RecordLog.record(kind: kind.rawValue, fill)
    }

    /// The records of these paths' bodies, made on all cores.
    private static func bodyRecords(_ paths: [String], bodies: [String: RememberedBody], framed: Bool = false) -> [[UInt8]] {
        paths.parallelMap { path -> [UInt8]? in
            guard let body = bodies[path], case .stored(let location) = body.html else { return nil }
            let record = record(path: path, body: body, at: location)
            return framed ? RecordLog.framed(record) : record
        }.compactMap { $0 }
    }

    private static func record(path: String, body: RememberedBody, at location: BodyLocation) -> [UInt8] {
        record(.body) { writer in
            writer.write(path)
            writer.writeFixed(body.revision)
            writer.write(location.pack.fileName)
            writer.write(location.offset)
            writer.write(location.length)
            writer.writeFixed(location.checksum)
            writer.write(body.body.diagnostics) { $0.write($1) }
            writer.write(body.body.pendingLinks) { $0.write($1) }
            writer.write(body.survey.anchors.sorted()) { $0.write($1) }
            writer.write(body.survey.links) { $0.write($1) }
            writer.write(body.survey.turns) { $0.write($1) }
            writer.write(body.survey.searchTermsStored != nil)
            if let terms = body.survey.searchTermsStored {
                writer.write(terms.pack.fileName)
                writer.write(terms.offset)
                writer.write(terms.length)
                writer.writeFixed(terms.checksum)
            }
            if case .stored(let passages) = body.survey.searchPassages {
                writer.write(true)
                writer.write(passages.pack.fileName)
                writer.write(passages.offset)
                writer.write(passages.length)
                writer.writeFixed(passages.checksum)
            } else {
                writer.write(false)
            }
            writer.write(body.survey.quotations) { $0.write($1) }
        }
    }

    /// One record of the index, decoded.
    private enum Entry: Sendable {
        case header(seed: UInt64)
        case pack(PackID)
        case removal(path: String)
        case body(path: String, RememberedBody)
    }

    /// The index's records, replayed: the first must be a header. Records
    /// are decoded on all cores, then applied in order.
    static func decode(_ records: [ByteReader]) throws -> (Logged, [String: RememberedBody]) {
        let entries = records.parallelMap { record -> Entry? in
            var reader = record
            return try? decodeEntry(&reader)
        }
        var logged = Logged()
        var bodies: [String: RememberedBody] = [:]
        bodies.reserveCapacity(entries.count)
        for entry in entries {
            guard let entry else { throw ByteReader.Malformed() }
            if case .header = entry {
                guard logged.seed == nil else { throw ByteReader.Malformed() }
            } else if logged.seed == nil {
                throw ByteReader.Malformed()
            }
            switch entry {
            case .header(let seed): logged.seed = seed
            case .pack(let name): logged.pack = name
            case .removal(let path):
                logged.entries[path] = nil
                bodies[path] = nil
            case .body(let path, let body):
                guard case .stored(let location) = body.html else { throw ByteReader.Malformed() }
                logged.entries[path] = (body.revision, location)
                bodies[path] = body
            }
        }
        logged.records = records.count
        return (logged, bodies)
    }

    private static func decodeEntry(_ reader: inout ByteReader) throws -> Entry {
        guard let kind = Record(rawValue: try reader.readUInt64()) else { throw ByteReader.Malformed() }
        let entry: Entry
        switch kind {
        case .header: entry = .header(seed: try reader.readFixed())
        case .pack: entry = .pack(try reader.readPack())
        case .removal: entry = .removal(path: try reader.readString())
        case .body:
            let path = try reader.readString()
            let revision = try reader.readFixed()
            let location = BodyLocation(pack: try reader.readPack(), offset: try reader.readInt(), length: try reader.readInt(), checksum: try reader.readFixed())
            var body = RenderedMarkdown(html: "", headings: [], diagnostics: try reader.readArray { try $0.readDiagnostic() })
            body.pendingLinks = try reader.readArray { try $0.readLinkReference() }
            let survey = TranscriptSurvey(
                anchors: Set(try reader.readArray { try $0.readString() }),
                links: try reader.readArray { try $0.readLinkReference() },
                turns: try reader.readArray { try $0.readTurnExcerpt() },
                searchTermsStored: try reader.readBool()
                    ? BodyLocation(pack: try reader.readPack(), offset: try reader.readInt(), length: try reader.readInt(), checksum: try reader.readFixed())
                    : nil,
                searchPassages: try reader.readBool()
                    ? .stored(BodyLocation(pack: try reader.readPack(), offset: try reader.readInt(), length: try reader.readInt(), checksum: try reader.readFixed()))
                    : .dropped,
                quotations: try reader.readArray { try $0.readLocatedQuotation() }
            )
            entry = .body(path: path, RememberedBody(revision: revision, body: body, html: .stored(location), survey: survey))
        }
        guard reader.isAtEnd else { throw ByteReader.Malformed() }
        return entry
    }
}

// MARK: Coding the survey's parts

extension ByteWriter {
    mutating func write(_ location: SourceLocation) {
        write(location.file)
        write(location.line)
        write(location.column)
    }

    mutating func write(_ diagnostic: Diagnostic) {
        write(diagnostic.severity == .error)
        write(diagnostic.location != nil)
        if let location = diagnostic.location { write(location) }
        write(diagnostic.message)
        write(diagnostic.note)
    }

    mutating func write(_ link: LinkReference) {
        write(link.destination)
        write(link.location)
        write(link.isImage)
        write(link.passageID)
        write(link.inNote)
    }

    mutating func write(_ located: LocatedQuotation) {
        let quotation = located.quotation
        write(quotation.text)
        write(quotation.start)
        write(quotation.end)
        write(quotation.depth)
        write(quotation.wordCount)
        write(quotation.attribution?.name)
        write(quotation.attribution?.isPronoun ?? false)
        write(located.location)
        write(located.isBlock)
    }

    mutating func write(_ turn: TurnExcerpt) {
        write(turn.slug)
        write(turn.passageID)
        write(turn.speakerID)
        write(turn.excerpt)
        write(turn.wordCount)
        write(turn.seconds)
    }
}

extension ByteReader {
    /// A pack's file name, as the index records it.
    mutating func readPack() throws -> PackID {
        guard let pack = PackID(fileName: try readString()) else { throw Malformed() }
        return pack
    }

    mutating func readLocation() throws -> SourceLocation {
        SourceLocation(file: try readString(), line: try readInt(), column: try readInt())
    }

    mutating func readDiagnostic() throws -> Diagnostic {
        let severity: Diagnostic.Severity = try readBool() ? .error : .warning
        let location = try readBool() ? try readLocation() : nil
        return Diagnostic(severity, at: location, try readString(), note: try readOptionalString())
    }

    mutating func readLinkReference() throws -> LinkReference {
        LinkReference(destination: try readString(), location: try readLocation(), isImage: try readBool(),
                      passageID: try readOptionalString(), inNote: try readBool())
    }

    mutating func readLocatedQuotation() throws -> LocatedQuotation {
        let text = try readString(), start = try readInt(), end = try readInt(), depth = try readInt(), words = try readInt()
        let name = try readOptionalString(), isPronoun = try readBool()
        return LocatedQuotation(
            quotation: FoundQuotation(
                text: text, start: start, end: end, depth: depth,
                attribution: name.map { Attribution(name: $0, isPronoun: isPronoun) }, wordCount: words
            ),
            location: try readLocation(), isBlock: try readBool()
        )
    }

    mutating func readTurnExcerpt() throws -> TurnExcerpt {
        TurnExcerpt(slug: try readString(), passageID: try readString(), speakerID: try readString(),
                    excerpt: try readString(), wordCount: try readInt(), seconds: try readOptionalDouble())
    }
}
