import Foundation
import GlossModel
import GlossRender
import GlossSearch
import GlossSite
import Synchronization

/// The search index's files as planned (docs/search.md): a file per
/// transcript with its passages, a shard per term prefix, and the meta
/// file that names the shards.
///
/// Every file is keyed by exactly what it holds: a transcript's file by its
/// place and revision, a shard by its bytes, which are made from the
/// summaries of the transcripts with terms in it. An edit of one
/// transcript's words plans again its own file and the shards whose lines
/// of its summary changed; the other shards keep their keys.
///
/// A build with a cache keeps there each shard's key and the places of the
/// transcripts with terms in it, with each transcript's summary digest
/// (``SearchPlanCache``): the next build, in a new process, plans again
/// only the shards of the transcripts whose summary changed, and reads
/// from the body store only the summaries of the shards it writes.
struct SearchPlan: Sendable {
    /// Each transcript's summary, by place: in memory, or where the body store keeps it.
    var sources: [Source]
    /// The transcripts, by place, for a summary the store lost.
    var documents: [Document]
    /// Places of the transcripts with terms in each shard, ascending.
    var shardPositions: [String: [Int]]
    /// Each shard's key: a hash of its bytes.
    var shardKeys: [String: UInt64]
    /// How each shard is cut into files: for each of its big terms, how
    /// many parts (``SearchIndex/layout(ofShardBody:)``).
    var shardLayouts: [String: [Int]]
    /// Each shard's files: its own, then its big terms' parts.
    var shards: [String: [PlannedPage]]
    /// Each transcript's files (its own, then its passages' chunks), by place.
    var transcripts: [[PlannedPage]]
    var meta: PlannedPage?
    /// Reads the summaries the shards being made need, once each.
    var loader: Loader?
    /// Whether the plan differs from what the cache holds (nil: not read from one).
    var persisted: PersistedState = .none
    /// How this plan was made, for tests and timings: every shard keyed,
    /// or only those an edit changed.
    var shardsKeyed = 0
    /// The seed the plan was made under, which the cache records.
    var seed: UInt64 = 0

    enum PersistedState: Sendable { case none, same, changed }

    struct Source: Sendable {
        var bytes: [UInt8]
        var stored: BodyLocation?
        var digest: UInt64

        init(_ survey: TranscriptSurvey) {
            bytes = survey.searchTerms
            stored = survey.searchTermsStored
            digest = survey.searchTermsDigest
        }

        /// In memory, or nowhere to read it from.
        var isLoaded: Bool { stored == nil || !bytes.isEmpty }
    }

    /// Each summary read from the store is kept here, so that the shards
    /// made from it read it once.
    final class Loader: Sendable {
        let sources: [Source]
        let documents: [Document]
        let rendering: SiteBuilder.BodyRendering
        private let loaded: Mutex<[Int: [UInt8]]>

        init(sources: [Source], documents: [Document], rendering: SiteBuilder.BodyRendering, loaded: [Int: [UInt8]] = [:]) {
            self.sources = sources
            self.documents = documents
            self.rendering = rendering
            self.loaded = Mutex(loaded)
        }

        func terms(_ position: Int) -> [UInt8] {
            let source = sources[position]
            if source.isLoaded { return source.bytes }
            if let known = loaded.withLock({ $0[position] }) { return known }
            var survey = TranscriptSurvey(anchors: [], links: [], turns: [])
            survey.searchTermsStored = source.stored
            let bytes = rendering.searchTerms(of: survey, for: documents[position])
            loaded.withLock { $0[position] = bytes }
            return bytes
        }

        var kept: [Int: [UInt8]] { loaded.withLock { $0 } }

        /// Reads the summaries of these places not read yet, on all cores.
        func prefetch(_ positions: some Sequence<Int>) {
            let known = loaded.withLock { Set($0.keys) }
            let missing = positions.filter { !sources[$0].isLoaded && !known.contains($0) }
            guard !missing.isEmpty else { return }
            let read = missing.parallelMap { position -> (Int, [UInt8]) in (position, self.terms(position)) }
            loaded.withLock { for (position, bytes) in read { $0[position] = bytes } }
        }
    }

    var pages: [PlannedPage] {
        transcripts.flatMap { $0 } + shards.keys.sorted().flatMap { shards[$0] ?? [] } + (meta.map { [$0] } ?? [])
    }

    static let directory = "search/"
    static let shardDirectory = directory + "index/"
    static let transcriptDirectory = directory + "doc/"
    static let metaFile = directory + "meta.js"
    /// The page search runs on, whose relative links the index files hold.
    static let pageFile = directory + "index.html"

    /// No index: search is off (`options.search: false`).
    init() {
        sources = []
        documents = []
        shardPositions = [:]
        shardKeys = [:]
        shardLayouts = [:]
        shards = [:]
        transcripts = []
        meta = nil
    }

    /// The whole index planned; from the cache at `cachePath` when it
    /// holds this site's plan as of a build that differs from this one in a
    /// few transcripts' summaries.
    init(transcripts: [Document], bodies: [RememberedBody], context: SiteBuilder.PlanningContext, cachePath: String? = nil) {
        sources = bodies.map { Source($0.survey) }
        documents = transcripts
        seed = context.seed
        shardPositions = [:]
        shardKeys = [:]
        shardLayouts = [:]
        shards = [:]
        self.transcripts = Array(transcripts.indices).parallelMap { position in
            Self.transcriptPages(position, document: transcripts[position], body: bodies[position], context: context)
        }
        if let cachePath, let cached = SearchPlanCache.read(path: cachePath), planFromCache(cached, context: context) {
            return
        }
        let loader = Loader(sources: sources, documents: documents, rendering: context.rendering)
        // Each summary cut into its shards' lines once, in one pass, and
        // each shard made once: its bytes are kept for the file.
        let chunked = Array(sources.indices).parallelMap { SearchIndex.chunks(of: loader.terms($0)) }
        var groups: [String: [(position: Int, lines: ArraySlice<UInt8>)]] = [:]
        for (position, list) in chunked.enumerated() {
            for (name, lines) in list { groups[name, default: []].append((position, lines)) }
        }
        let made = groups.sorted { $0.key < $1.key }.parallelMap { name, lines -> (String, UInt64, [Int], [UInt8], [Int]) in
            let body = SearchIndex.shardBody(lines)
            return (name, Self.shardKey(name, body: body), lines.map(\.position), body, SearchIndex.layout(ofShardBody: body))
        }
        shardPositions = Dictionary(made.map { ($0.0, $0.2) }, uniquingKeysWith: { first, _ in first })
        shardKeys = Dictionary(made.map { ($0.0, $0.1) }, uniquingKeysWith: { first, _ in first })
        shardLayouts = Dictionary(made.filter { !$0.4.isEmpty }.map { ($0.0, $0.4) }, uniquingKeysWith: { first, _ in first })
        shardsKeyed = made.count
        self.loader = loader
        shards = Dictionary(made.map { name, key, _, body, layout in
            (name, Self.shardPages(name, key: key, layout: layout) { body })
        }, uniquingKeysWith: { first, _ in first })
        meta = Self.metaPage(transcripts: transcripts.count, shards: Array(shards.keys))
        persisted = .changed
    }

    /// The plan the cache holds, brought up to date with the transcripts
    /// whose summary changed since; false (and nothing changed) when the
    /// cache is of another site, order or seed, when too many changed, or
    /// when a changed transcript's old summary cannot be read.
    private mutating func planFromCache(_ cached: SearchPlanCache, context: SiteBuilder.PlanningContext) -> Bool {
        guard cached.seed == context.seed, cached.paths.count == documents.count,
              zip(cached.paths, documents).allSatisfy({ $0 == $1.path }) else { return false }
        let changed = sources.indices.filter { sources[$0].digest != cached.digests[$0] }
        // Past a tenth, planning the whole index costs less than reading the old summaries.
        guard changed.count * 10 <= max(documents.count, 10) else { return false }
        var olds: [Int: [UInt8]] = [:]
        for position in changed {
            guard let location = cached.locations[position], location.checksum == cached.digests[position],
                  let text = context.rendering.store?.read(location) else { return false }
            olds[position] = Array(text.utf8)
        }
        shardPositions = cached.shardPositions
        shardKeys = cached.shardKeys
        shardLayouts = cached.shardLayouts
        persisted = changed.isEmpty && cached.locations == sources.map(\.stored) ? .same : .changed
        let loader = Loader(sources: sources, documents: documents, rendering: context.rendering)
        let work = changed.map { (position: $0, old: olds[$0] ?? [], new: loader.terms($0)) }
        apply(work, loader: loader, rendering: context.rendering, transcriptCount: documents.count, shardSetKnown: false)
        return true
    }

    /// The plan after the transcripts at the given places changed their words.
    mutating func update(_ changes: [Int: (document: Document, body: RememberedBody)], context: SiteBuilder.PlanningContext) {
        guard meta != nil else { return }
        let before = loader ?? Loader(sources: sources, documents: documents, rendering: context.rendering)
        var work: [(position: Int, old: [UInt8], new: [UInt8])] = []
        var kept = before.kept
        for (position, change) in changes.sorted(by: { $0.key < $1.key }) {
            let old = before.terms(position)
            sources[position] = Source(change.body.survey)
            documents[position] = change.document
            kept[position] = nil
            transcripts[position] = Self.transcriptPages(position, document: change.document, body: change.body, context: context)
            work.append((position, old, change.body.survey.searchTerms))
        }
        let loader = Loader(sources: sources, documents: documents, rendering: context.rendering, loaded: kept)
        apply(work, loader: loader, rendering: context.rendering, transcriptCount: transcripts.count, shardSetKnown: true)
        if persisted == .same, !work.isEmpty { persisted = .changed }
    }

    /// The shards whose lines of a transcript's summary changed, keyed
    /// again; every other shard's page is planned from its kept key.
    private mutating func apply(
        _ work: [(position: Int, old: [UInt8], new: [UInt8])], loader: Loader, rendering: SiteBuilder.BodyRendering,
        transcriptCount: Int, shardSetKnown: Bool
    ) {
        var touched: Set<String> = []
        for (position, old, new) in work {
            for (name, present) in SearchIndex.changedShards(from: old, to: new) {
                touched.insert(name)
                var places = shardPositions[name] ?? []
                let at = places.firstIndex { $0 >= position } ?? places.count
                let there = at < places.count && places[at] == position
                if present, !there { places.insert(position, at: at) }
                if !present, there { places.remove(at: at) }
                shardPositions[name] = places.isEmpty ? nil : places
            }
        }
        // The summaries of every transcript in a touched shard, read once, on all cores.
        var needed: Set<Int> = []
        for name in touched { needed.formUnion(shardPositions[name] ?? []) }
        loader.prefetch(needed.sorted())
        let keyed = touched.sorted().map { ($0, shardPositions[$0] ?? []) }.parallelMap { name, places -> (String, UInt64?, [Int]) in
            guard !places.isEmpty else { return (name, nil, []) }
            let body = Self.shardBody(name, positions: places, loader: loader)
            return (name, Self.shardKey(name, body: body), SearchIndex.layout(ofShardBody: body))
        }
        shardsKeyed = keyed.count
        var shardSetChanged = !shardSetKnown
        for (name, key, layout) in keyed {
            if (shardKeys[name] == nil) != (key == nil) { shardSetChanged = true }
            shardKeys[name] = key
            shardLayouts[name] = key == nil || layout.isEmpty ? nil : layout
        }
        self.loader = loader
        if shardSetKnown {
            for (name, _, _) in keyed {
                shards[name] = shardKeys[name].map {
                    Self.shardPages(name, key: $0, layout: shardLayouts[name] ?? [], positions: shardPositions[name] ?? [], loader: loader)
                }
            }
            // The pages not keyed again read the summaries through the new loader.
            for name in shards.keys where !touched.contains(name) {
                guard let key = shardKeys[name] else { continue }
                shards[name] = Self.shardPages(name, key: key, layout: shardLayouts[name] ?? [], positions: shardPositions[name] ?? [], loader: loader)
            }
        } else {
            let positions = shardPositions, layouts = shardLayouts
            shards = Dictionary(uniqueKeysWithValues: shardKeys.map { name, key in
                (name, Self.shardPages(name, key: key, layout: layouts[name] ?? [], positions: positions[name] ?? [], loader: loader))
            })
        }
        if shardSetChanged || meta == nil { meta = Self.metaPage(transcripts: transcriptCount, shards: Array(shardKeys.keys)) }
    }

    /// Keeps the plan in the cache at `path` for the next build, the
    /// summaries' places in the store as `bodies` (by path) now has them.
    mutating func persist(to path: String, bodies: [String: RememberedBody]) {
        guard meta != nil else { return }
        var moved = false
        for (position, document) in documents.enumerated() {
            if let body = bodies[document.path], body.survey.searchTermsDigest == sources[position].digest,
               body.survey.searchTermsStored != sources[position].stored {
                sources[position].stored = body.survey.searchTermsStored
                moved = true
                if persisted == .same { persisted = .changed }
            }
        }
        // The next update reads old summaries where the store now keeps them.
        if moved, let loader { self.loader = Loader(sources: sources, documents: documents, rendering: loader.rendering, loaded: loader.kept) }
        guard persisted != .same else { return }
        let cache = SearchPlanCache(
            seed: seed, paths: documents.map(\.path), digests: sources.map(\.digest), locations: sources.map(\.stored),
            shardPositions: shardPositions, shardKeys: shardKeys, shardLayouts: shardLayouts
        )
        if cache.write(path: path) { persisted = .same }
    }

    private static func shardBody(_ name: String, positions: [Int], loader: Loader) -> [UInt8] {
        SearchIndex.shardBody(positions.map { ($0, SearchIndex.chunk(of: loader.terms($0), shard: name)) })
    }

    private static func shardKey(_ name: String, body: [UInt8]) -> UInt64 {
        var key = StableHasher()
        key.combine("search shard 3")
        key.combine(name)
        key.combine(body)
        return key.value
    }

    private static func shardPages(_ name: String, key: UInt64, layout: [Int], positions: [Int], loader: Loader) -> [PlannedPage] {
        shardPages(name, key: key, layout: layout) { shardBody(name, positions: positions, loader: loader) }
    }

    /// A shard's files, each keyed by the shard's key and its name: the
    /// shard's bytes are made once for all of them.
    private static func shardPages(_ name: String, key: UInt64, layout: [Int], body: @escaping @Sendable () -> [UInt8]) -> [PlannedPage] {
        let names = SearchIndex.shardFileNames(name: name, layout: layout)
        let files = FileGroup(count: names.count) { SearchIndex.shardFiles(name: name, body: body()).map(\.bytes) }
        return names.enumerated().map { index, fileName in
            var fileKey = StableHasher()
            fileKey.combine(key)
            fileKey.combine(fileName)
            return PlannedPage(path: shardDirectory + fileName + ".js", key: index == 0 ? key : fileKey.value) { files.take(index) }
        }
    }

    /// Files made together (a shard's, a transcript's), on the first
    /// request for one of them, and let go once each has been taken.
    final class FileGroup: Sendable {
        let count: Int
        let make: @Sendable () -> [[UInt8]]
        private let state: Mutex<(files: [[UInt8]]?, taken: Int)>

        init(count: Int, make: @escaping @Sendable () -> [[UInt8]]) {
            self.count = count
            self.make = make
            state = Mutex((nil, 0))
        }

        func take(_ index: Int) -> [UInt8] {
            state.withLock { state in
                let files = state.files ?? make()
                state.taken += 1
                state.files = state.taken >= count ? nil : files
                return index < files.count ? files[index] : []
            }
        }
    }

    private static func metaPage(transcripts: Int, shards: [String]) -> PlannedPage {
        let bytes = SearchIndex.metaFile(transcripts: transcripts, shards: shards.sorted())
        var key = StableHasher()
        key.combine(bytes)
        return PlannedPage(path: metaFile, key: key.value) { bytes }
    }

    /// A transcript's file and its chunks' files: how many chunks there are
    /// follows from the length of its passages, which the body store knows
    /// without reading them.
    private static func transcriptPages(
        _ position: Int, document: Document, body: RememberedBody, context: SiteBuilder.PlanningContext
    ) -> [PlannedPage] {
        var key = StableHasher()
        key.combine("search transcript 3")
        key.combine(context.seed)
        key.combine(position)
        key.combine(document.slug)
        key.combine(document.revision)
        let registry = context.rendering.registry
        let speakers = document.frontMatter.speakers.map { appearance in
            let known = registry[appearance.id]
            return (id: appearance.id, name: known?.name ?? appearance.name ?? appearance.id, role: appearance.role ?? known?.role)
        }
        let info = SearchIndex.TranscriptInfo(
            url: SiteURL.relative(from: pageFile, to: SiteURL.pageDirectory(forSlug: document.slug)),
            title: document.frontMatter.title, date: document.frontMatter.date?.description,
            kind: document.frontMatter.kind, speakers: speakers
        )
        let rendering = context.rendering
        let length = switch body.survey.searchPassages {
        case .inMemory(let json): json.utf8.count
        case .stored(let location): location.length
        case .dropped: rendering.searchPassages(of: body, for: document).count
        }
        let chunks = SearchIndex.chunkCount(passagesBytes: length)
        let files = FileGroup(count: chunks + 1) {
            SearchIndex.transcriptFiles(position: position, info: info, passagesJSON: rendering.searchPassages(of: body, for: document))
        }
        let own = key.value
        var pages = [PlannedPage(path: transcriptDirectory + String(position) + ".js", key: own) { files.take(0) }]
        for chunk in 0 ..< chunks {
            var chunkKey = StableHasher()
            chunkKey.combine(own)
            chunkKey.combine(chunk)
            pages.append(PlannedPage(path: transcriptDirectory + "\(position)-\(chunk).js", key: chunkKey.value) { files.take(chunk + 1) })
        }
        return pages
    }
}

/// The search plan as a build left it, in the build cache
/// (`.NAME.gloss-cache/search`): the seed, each transcript's path, summary
/// digest and where the body store keeps its summary, by place, and each
/// shard's key and the places of the transcripts with terms in it. A
/// ``RecordLog``: a damaged file is not read at all, and the next build
/// plans the whole index.
struct SearchPlanCache: Sendable, Equatable {
    var seed: UInt64
    var paths: [String]
    var digests: [UInt64]
    var locations: [BodyLocation?]
    var shardPositions: [String: [Int]]
    var shardKeys: [String: UInt64]
    var shardLayouts: [String: [Int]]

    static let fileName = "search"
    private static let magic = Array("gloss search plan 2\n".utf8)
    private static let transcriptsPerRecord = 1024
    private static let shardsPerRecord = 256

    private enum Record: UInt64 { case header = 0, transcripts, shards }

    private enum Part: Sendable {
        case transcripts(start: Int, [(String, UInt64, BodyLocation?)])
        case shards([(String, UInt64, [Int], [Int])])
    }

    /// The cache at `path`, if whole and consistent.
    static func read(path: String) -> SearchPlanCache? {
        guard let records = RecordLog(path: path, magic: magic).read(), var header = records.first else { return nil }
        do {
            guard try header.readUInt64() == Record.header.rawValue else { return nil }
            let seed = try header.readFixed()
            let count = try header.readInt()
            guard count >= 0, header.isAtEnd else { return nil }
            let parts = Array(records.dropFirst()).parallelMap { record -> Part? in
                var reader = record
                return try? decodePart(&reader, count: count)
            }
            var cache = SearchPlanCache(
                seed: seed, paths: Array(repeating: "", count: count), digests: Array(repeating: 0, count: count),
                locations: Array(repeating: nil, count: count), shardPositions: [:], shardKeys: [:], shardLayouts: [:]
            )
            var covered = 0
            for part in parts {
                switch part {
                case nil: return nil
                case .transcripts(let start, let list)?:
                    // Transcripts come in order, each once.
                    guard start == covered else { return nil }
                    for (offset, (path, digest, location)) in list.enumerated() {
                        cache.paths[start + offset] = path
                        cache.digests[start + offset] = digest
                        cache.locations[start + offset] = location
                    }
                    covered += list.count
                case .shards(let list)?:
                    for (name, key, positions, layout) in list {
                        guard cache.shardKeys.updateValue(key, forKey: name) == nil else { return nil }
                        cache.shardPositions[name] = positions
                        if !layout.isEmpty { cache.shardLayouts[name] = layout }
                    }
                }
            }
            guard covered == count else { return nil }
            return cache
        } catch {
            return nil
        }
    }

    private static func decodePart(_ reader: inout ByteReader, count: Int) throws -> Part {
            let part: Part
            switch Record(rawValue: try reader.readUInt64()) {
            case .transcripts:
                let start = try reader.readInt()
                let list = try reader.readArray { reader -> (String, UInt64, BodyLocation?) in
                    (try reader.readString(), try reader.readFixed(), try reader.readBool()
                        ? BodyLocation(pack: try reader.readPack(), offset: try reader.readInt(), length: try reader.readInt(), checksum: try reader.readFixed())
                        : nil)
                }
                guard start >= 0, start + list.count <= count else { throw ByteReader.Malformed() }
                part = .transcripts(start: start, list)
            case .shards:
                part = .shards(try reader.readArray { reader -> (String, UInt64, [Int], [Int]) in
                    let name = try reader.readString(), key = try reader.readFixed()
                    var last = -1
                    let positions = try reader.readArray { reader -> Int in
                        // Ascending places, each after the last.
                        let step = try reader.readInt()
                        guard step >= 0, step < count else { throw ByteReader.Malformed() }
                        last += step + 1
                        guard last < count else { throw ByteReader.Malformed() }
                        return last
                    }
                    let layout = try reader.readArray { reader -> Int in
                        let parts = try reader.readInt()
                        guard parts > 0 else { throw ByteReader.Malformed() }
                        return parts
                    }
                    guard !positions.isEmpty, !name.isEmpty else { throw ByteReader.Malformed() }
                    return (name, key, positions, layout)
                })
            default: throw ByteReader.Malformed()
            }
            guard reader.isAtEnd else { throw ByteReader.Malformed() }
            return part
    }

    /// Writes the cache anew; false when it cannot.
    func write(path: String) -> Bool {
        let count = paths.count
        var header = ByteWriter()
        header.write(Record.header.rawValue)
        header.writeFixed(seed)
        header.write(count)
        let paths = paths, digests = digests, locations = locations
        let transcriptRecords = Array(stride(from: 0, to: count, by: Self.transcriptsPerRecord)).parallelMap { start -> [UInt8] in
            var writer = ByteWriter()
            writer.write(Record.transcripts.rawValue)
            writer.write(start)
            let end = min(start + Self.transcriptsPerRecord, count)
            writer.write(end - start)
            for position in start ..< end {
                writer.write(paths[position])
                writer.writeFixed(digests[position])
                writer.write(locations[position] != nil)
                if let location = locations[position] {
                    writer.write(location.pack.fileName)
                    writer.write(location.offset)
                    writer.write(location.length)
                    writer.writeFixed(location.checksum)
                }
            }
            return RecordLog.framed(writer.bytes)
        }
        let names = shardKeys.keys.sorted()
        let shardPositions = shardPositions, shardKeys = shardKeys, shardLayouts = shardLayouts
        let shardRecords = Array(stride(from: 0, to: names.count, by: Self.shardsPerRecord)).parallelMap { start -> [UInt8] in
            var writer = ByteWriter()
            writer.write(Record.shards.rawValue)
            let end = min(start + Self.shardsPerRecord, names.count)
            writer.write(end - start)
            for name in names[start ..< end] {
                writer.write(name)
                writer.writeFixed(shardKeys[name] ?? 0)
                let positions = shardPositions[name] ?? []
                writer.write(positions.count)
                var last = -1
                for position in positions {
                    writer.write(position - last - 1)
                    last = position
                }
                let layout = shardLayouts[name] ?? []
                writer.write(layout.count)
                for parts in layout { writer.write(parts) }
            }
            return RecordLog.framed(writer.bytes)
        }
        let directory = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        return RecordLog(path: path, magic: Self.magic).rewrite([RecordLog.framed(header.bytes)] + transcriptRecords + shardRecords)
    }
}
