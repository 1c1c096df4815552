import Foundation
import GlossContent
import GlossModel

/// Transcripts as the last build decoded them (front matter, annotations,
/// slug), kept beside the output in `.NAME.gloss-cache/documents`: decoding
/// YAML is most of what loading costs, and a rebuild in a new process finds
/// an unchanged transcript here by the hash of its files instead.
///
/// Only transcripts that decoded without a word of complaint are kept, so
/// that a kept one never hides a warning. The file is a ``RecordLog``: a
/// damaged one, or one another gloss binary wrote, is ignored (and written
/// anew).
struct DocumentCache {
    let path: String
    /// The gloss binary: another version may decode the same YAML differently.
    let stamp: UInt64

    /// What the file holds as of the last read or write.
    struct Logged: Equatable {
        /// The revision kept of each transcript, by path.
        var paths: [String: UInt64]
        var records: Int

        var revisions: Set<UInt64> { Set(paths.values) }
    }

    private enum Record: UInt64 {
        case header = 0, document, removal
    }

    private var log: RecordLog { RecordLog(path: path, magic: Array("gloss decoded transcripts 4\n".utf8)) }

    /// The kept transcripts by revision, empty when there are none to trust,
    /// and what the file holds.
    func read() -> ([UInt64: KnownDocument], Logged?) {
        guard let records = log.read(), let (documents, logged) = try? Self.decode(records, stamp: stamp) else { return ([:], nil) }
        return (documents, logged)
    }

    /// Keeps every transcript of `content` that decoded cleanly: appends the
    /// ones the file does not hold yet and forgets those gone, or writes the
    /// file anew when most of it is outdated. Returns what the file holds.
    func write(_ content: LoadedContent, over logged: Logged?) -> Logged? {
        if let logged, let reread = content.reread {
            return append(reread, of: content, over: logged)
        }
        let kept = Self.keepable(content)
        let paths = kept.mapValues(\.document.revision)
        if let logged {
            let revisions = Set(paths.values), before = logged.revisions
            let added = kept.values.filter { !before.contains($0.document.revision) }.sorted { $0.document.revision < $1.document.revision }
            let removed = before.subtracting(revisions).sorted()
            let changes = added.map { Self.record($0) } + removed.map { revision in
                Self.record(.removal) { $0.writeFixed(revision) }
            }
            if changes.isEmpty { return Logged(paths: paths, records: logged.records) }
            if logged.records + changes.count <= 2 * paths.count + 64 {
                return log.append(changes.map(RecordLog.framed)) ? Logged(paths: paths, records: logged.records + changes.count) : nil
            }
        }
        return rewrite(kept)
    }

    /// A transcript worth keeping: one that decoded without a word of complaint.
    private static func keepable(_ file: TranscriptFile?) -> KnownDocument? {
        guard let file, file.parsed.diagnostics.isEmpty, let document = file.parsed.document, let offset = file.parsed.bodyOffset else { return nil }
        return KnownDocument(document: document, bodyOffset: offset, stamp: file.stamp)
    }

    /// Every transcript of `content` worth keeping, by path.
    private static func keepable(_ content: LoadedContent) -> [String: KnownDocument] {
        content.transcriptFiles.compactMapValues { keepable($0) }
    }

    /// After a load that read only `paths` again: their records, appended.
    private func append(_ reread: Set<String>, of content: LoadedContent, over logged: Logged) -> Logged? {
        var paths = logged.paths
        var changes: [[UInt8]] = []
        for path in reread.sorted() {
            let known = Self.keepable(content.transcriptFiles[path])
            let before = paths[path]
            guard known?.document.revision != before else { continue }
            if let known { changes.append(Self.record(known)) }
            if let before { changes.append(Self.record(.removal) { $0.writeFixed(before) }) }
            paths[path] = known?.document.revision
        }
        if changes.isEmpty { return logged }
        if logged.records + changes.count <= 2 * paths.count + 64 {
            return log.append(changes.map(RecordLog.framed)) ? Logged(paths: paths, records: logged.records + changes.count) : nil
        }
        return rewrite(Self.keepable(content))
    }

    /// The whole file written anew.
    private func rewrite(_ kept: [String: KnownDocument]) -> Logged? {
        let all = [RecordLog.framed(Self.record(.header) { $0.writeFixed(stamp) })]
            + kept.values.sorted { $0.document.revision < $1.document.revision }.parallelMap { RecordLog.framed(Self.record($0)) }
        return log.rewrite(all) ? Logged(paths: kept.mapValues(\.document.revision), records: all.count) : nil
    }

    private static func record(_ kind: Record, _ fill: (inout ByteWriter) -> Void) -> [UInt8] {
        RecordLog.record(kind: kind.rawValue, fill)
    }

    static func record(_ known: KnownDocument) -> [UInt8] {
        record(.document) { writer in
            let document = known.document
            writer.writeFixed(document.revision)
            writer.writeFixed(document.listingRevision)
            writer.writeFixed(known.stamp ?? 0)
            writer.write(known.bodyOffset)
            writer.write(document.path)
            writer.write(document.displayPath)
            writer.write(document.slug)
            writer.write(document.bodyStartLine)
            writer.write(document.frontMatter)
            writer.write(document.annotations) { $0.write($1) }
        }
    }

    private enum Entry: Sendable {
        case header(stamp: UInt64)
        case document(KnownDocument)
        case removal(revision: UInt64)
    }

    /// The file's records, decoded on all cores, then replayed in order;
    /// nothing when another gloss wrote them.
    static func decode(_ records: [ByteReader], stamp: UInt64) throws -> ([UInt64: KnownDocument], Logged) {
        let entries = records.parallelMap { record -> Entry? in
            var reader = record
            return try? decodeEntry(&reader)
        }
        var documents: [UInt64: KnownDocument] = [:]
        documents.reserveCapacity(entries.count)
        var header: UInt64?
        for entry in entries {
            guard let entry else { throw ByteReader.Malformed() }
            if case .header = entry {
                guard header == nil else { throw ByteReader.Malformed() }
            } else if header == nil {
                throw ByteReader.Malformed()
            }
            switch entry {
            case .header(let stamp): header = stamp
            case .removal(let revision): documents[revision] = nil
            case .document(let known): documents[known.document.revision] = known
            }
        }
        guard header == stamp else { throw ByteReader.Malformed() }
        var paths: [String: UInt64] = [:]
        for (revision, known) in documents { paths[known.document.path] = revision }
        return (documents, Logged(paths: paths, records: records.count))
    }

    private static func decodeEntry(_ reader: inout ByteReader) throws -> Entry {
        guard let kind = Record(rawValue: try reader.readUInt64()) else { throw ByteReader.Malformed() }
        let entry: Entry
        switch kind {
        case .header: entry = .header(stamp: try reader.readFixed())
        case .removal: entry = .removal(revision: try reader.readFixed())
        case .document:
            let revision = try reader.readFixed()
            let listingRevision = try reader.readFixed()
            let stamp: UInt64 = try reader.readFixed()
            let offset = try reader.readInt()
            var document = Document(
                path: try reader.readString(), displayPath: try reader.readString(), slug: try reader.readString(),
                frontMatter: FrontMatter(title: ""), body: "", bodyStartLine: try reader.readInt()
            )
            document.frontMatter = try reader.readFrontMatter()
            document.annotations = try reader.readArray { try $0.readAnnotation() }
            document.revision = revision
            document.listingRevision = listingRevision
            entry = .document(KnownDocument(document: document.withoutBody(), bodyOffset: offset, stamp: stamp == 0 ? nil : stamp))
        }
        guard reader.isAtEnd else { throw ByteReader.Malformed() }
        return entry
    }
}

// MARK: Coding front matter

extension ByteWriter {
    mutating func write(_ date: CalendarDate?) {
        write(date != nil)
        if let date {
            write(date.year)
            write(date.month)
            write(date.day)
        }
    }

    mutating func write(_ location: SourceLocation?) {
        write(location != nil)
        if let location { write(location) }
    }

    mutating func write(_ front: FrontMatter) {
        write(front.title)
        write(front.date)
        write(front.kind)
        write(front.event)
        write(front.place)
        write(front.speakers) { writer, speaker in
            writer.write(speaker.id)
            writer.write(speaker.role)
            writer.write(speaker.location)
            writer.write(speaker.name)
            writer.write(speaker.aliases) { $0.write($1) }
        }
        write(front.source != nil)
        if let source = front.source {
            write(source.title)
            write(source.publisher)
            write(source.url)
            write(source.retrieved)
        }
        write(front.media != nil)
        if let media = front.media {
            write(media.kind.rawValue)
            write(media.url)
            write(Optional(media.offset))
        }
        write(front.topics) { $0.write($1) }
        write(front.summary)
        write(front.draft)
        write(front.slug)
        write(front.quoteOverrides) { writer, override in
            writer.write(override.quote)
            switch override.ruling {
            case .passage(let slug, let passageID):
                writer.write(0)
                writer.write(slug)
                writer.write(passageID)
            case .unpublished(let description):
                writer.write(1)
                writer.write(description)
            }
            writer.write(override.location)
            writer.write(override.sourceLocation)
        }
        write(front.params.sorted { $0.key < $1.key }) { writer, entry in
            writer.write(entry.key)
            writer.write(entry.value)
        }
    }

    mutating func write(_ value: Value) {
        switch value {
        case .null: write(0)
        case .bool(let flag):
            write(1)
            write(flag)
        case .int(let number):
            write(2)
            write(number)
        case .double(let number):
            write(3)
            writeFixed(number.bitPattern)
        case .string(let text):
            write(4)
            write(text)
        case .array(let values):
            write(5)
            write(values) { $0.write($1) }
        case .dictionary(let entries):
            write(6)
            write(entries.sorted { $0.key < $1.key }) { writer, entry in
                writer.write(entry.key)
                writer.write(entry.value)
            }
        }
    }

    mutating func write(_ annotation: Annotation) {
        write(annotation.quote)
        write(annotation.prefix)
        write(annotation.suffix)
        write(annotation.kind.rawValue)
        write(annotation.rating)
        write(annotation.note)
        write(annotation.sources) { writer, source in
            writer.write(source.title)
            writer.write(source.url)
        }
        write(annotation.author)
        write(annotation.date)
        write(annotation.location)
    }
}

extension ByteReader {
    mutating func readDate() throws -> CalendarDate? {
        guard try readBool() else { return nil }
        guard let date = CalendarDate(year: try readInt(), month: try readInt(), day: try readInt()) else { throw Malformed() }
        return date
    }

    mutating func readOptionalLocation() throws -> SourceLocation? {
        try readBool() ? try readLocation() : nil
    }

    mutating func readFrontMatter() throws -> FrontMatter {
        var front = FrontMatter(title: try readString())
        front.date = try readDate()
        front.kind = try readOptionalString()
        front.event = try readOptionalString()
        front.place = try readOptionalString()
        front.speakers = try readArray { reader in
            SpeakerAppearance(
                id: try reader.readString(), role: try reader.readOptionalString(), location: try reader.readOptionalLocation(),
                name: try reader.readOptionalString(), aliases: try reader.readArray { try $0.readString() }
            )
        }
        if try readBool() {
            front.source = Source(title: try readOptionalString(), publisher: try readOptionalString(),
                                  url: try readOptionalString(), retrieved: try readDate())
        }
        if try readBool() {
            guard let kind = Media.Kind(rawValue: try readString()) else { throw Malformed() }
            front.media = Media(kind: kind, url: try readString(), offset: try readOptionalDouble() ?? 0)
        }
        front.topics = try readArray { try $0.readString() }
        front.summary = try readOptionalString()
        front.draft = try readBool()
        front.slug = try readOptionalString()
        front.quoteOverrides = try readArray { reader in
            let quote = try reader.readString()
            let ruling: QuoteOverride.Ruling
            switch try reader.readInt() {
            case 0: ruling = .passage(slug: try reader.readString(), passageID: try reader.readString())
            case 1: ruling = .unpublished(description: try reader.readString())
            default: throw Malformed()
            }
            return QuoteOverride(quote: quote, ruling: ruling, location: try reader.readLocation(), sourceLocation: try reader.readOptionalLocation())
        }
        front.params = try readEntries()
        return front
    }

    private mutating func readEntries() throws -> [String: Value] {
        let entries = try readArray { reader in (try reader.readString(), try reader.readValue()) }
        return Dictionary(entries, uniquingKeysWith: { first, _ in first })
    }

    mutating func readValue() throws -> Value {
        switch try readInt() {
        case 0: .null
        case 1: .bool(try readBool())
        case 2: .int(try readInt())
        case 3: .double(Double(bitPattern: try readFixed()))
        case 4: .string(try readString())
        case 5: .array(try readArray { try $0.readValue() })
        case 6: .dictionary(try readEntries())
        default: throw Malformed()
        }
    }

    mutating func readAnnotation() throws -> Annotation {
        let quote = try readString()
        let prefix = try readOptionalString()
        let suffix = try readOptionalString()
        guard let kind = Annotation.Kind(rawValue: try readString()) else { throw Malformed() }
        return Annotation(
            quote: quote, prefix: prefix, suffix: suffix, kind: kind, rating: try readOptionalString(), note: try readString(),
            sources: try readArray { SourceLink(title: try $0.readOptionalString(), url: try $0.readString()) },
            author: try readOptionalString(), date: try readDate(),
            location: try readLocation()
        )
    }
}
