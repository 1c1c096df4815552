import GlossModel
import GlossRender
import GlossSearch
import GlossSite

/// The search index's files as planned (docs/search.md): a file per
/// transcript with its passages, a shard per term prefix, and the meta
/// file that names the shards.
///
/// Every file is keyed by exactly what it holds: a transcript's file by its
/// place and revision, a shard by its bytes, which are made from the
/// summaries of the transcripts with terms in it. An edit of one
/// transcript's words plans again its own file and the shards its old and
/// new terms fall in; the other shards keep their keys.
struct SearchPlan: Sendable {
    /// Each transcript's term summary, by place in the site's order.
    var summaries: [[UInt8]]
    /// Places of the transcripts with terms in each shard, ascending.
    var shardPositions: [String: [Int]]
    var shards: [String: PlannedPage]
    /// Each transcript's file, by place.
    var transcripts: [PlannedPage]
    var meta: PlannedPage?

    var pages: [PlannedPage] {
        transcripts + shards.keys.sorted().compactMap { shards[$0] } + (meta.map { [$0] } ?? [])
    }

    static let directory = "search/"
    static let shardDirectory = directory + "index/"
    static let transcriptDirectory = directory + "doc/"
    static let metaFile = directory + "meta.js"
    /// The page search runs on, whose relative links the index files hold.
    static let pageFile = directory + "index.html"

    /// No index: search is off (`options.search: false`).
    init() {
        summaries = []
        shardPositions = [:]
        shards = [:]
        transcripts = []
        meta = nil
    }

    init(transcripts: [Document], bodies: [RememberedBody], context: SiteBuilder.PlanningContext) {
        summaries = bodies.map(\.survey.searchTerms)
        let summaries = summaries
        let names = summaries.parallelMap { SearchIndex.shardNames(of: $0) }
        var positions: [String: [Int]] = [:]
        for (position, list) in names.enumerated() {
            for name in list { positions[name, default: []].append(position) }
        }
        shardPositions = positions
        let planned = positions.sorted { $0.key < $1.key }.parallelMap { name, places in
            (name, Self.shardPage(name, positions: places, summaries: summaries))
        }
        shards = Dictionary(planned, uniquingKeysWith: { first, _ in first })
        self.transcripts = Array(transcripts.indices).parallelMap { position in
            Self.transcriptPage(position, document: transcripts[position], body: bodies[position], context: context)
        }
        meta = Self.metaPage(transcripts: transcripts.count, shards: Array(shards.keys))
    }

    /// The plan after the transcripts at the given places changed their words.
    mutating func update(_ changes: [Int: (document: Document, body: RememberedBody)], context: SiteBuilder.PlanningContext) {
        guard meta != nil else { return }
        var touched: Set<String> = []
        for (position, change) in changes.sorted(by: { $0.key < $1.key }) {
            let before = Set(SearchIndex.shardNames(of: summaries[position]))
            let now = Set(SearchIndex.shardNames(of: change.body.survey.searchTerms))
            for name in before.subtracting(now) { shardPositions[name]?.removeAll { $0 == position } }
            for name in now.subtracting(before) {
                var places = shardPositions[name] ?? []
                let at = places.firstIndex { $0 > position } ?? places.count
                places.insert(position, at: at)
                shardPositions[name] = places
            }
            touched.formUnion(before)
            touched.formUnion(now)
            summaries[position] = change.body.survey.searchTerms
            transcripts[position] = Self.transcriptPage(position, document: change.document, body: change.body, context: context)
        }
        let summaries = summaries
        let work = touched.sorted().map { ($0, shardPositions[$0] ?? []) }
        let planned = work.parallelMap { name, places in
            (name, places.isEmpty ? nil : Self.shardPage(name, positions: places, summaries: summaries))
        }
        var shardSetChanged = false
        for (name, page) in planned {
            if page == nil { shardPositions[name] = nil }
            if (shards[name] == nil) != (page == nil) { shardSetChanged = true }
            shards[name] = page
        }
        if shardSetChanged { meta = Self.metaPage(transcripts: self.transcripts.count, shards: Array(shards.keys)) }
    }

    private static func shardPage(_ name: String, positions: [Int], summaries: [[UInt8]]) -> PlannedPage {
        let body = SearchIndex.shardBody(positions.map { ($0, SearchIndex.chunk(of: summaries[$0], shard: name)) })
        var key = StableHasher()
        key.combine("search shard 1")
        key.combine(name)
        key.combine(body)
        return PlannedPage(path: shardDirectory + name + ".js", key: key.value) {
            SearchIndex.shardFile(name: name, body: SearchIndex.shardBody(positions.map { ($0, SearchIndex.chunk(of: summaries[$0], shard: name)) }))
        }
    }

    private static func metaPage(transcripts: Int, shards: [String]) -> PlannedPage {
        let bytes = SearchIndex.metaFile(transcripts: transcripts, shards: shards.sorted())
        var key = StableHasher()
        key.combine(bytes)
        return PlannedPage(path: metaFile, key: key.value) { bytes }
    }

    private static func transcriptPage(
        _ position: Int, document: Document, body: RememberedBody, context: SiteBuilder.PlanningContext
    ) -> PlannedPage {
        var key = StableHasher()
        key.combine("search transcript 1")
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
        return PlannedPage(path: transcriptDirectory + String(position) + ".js", key: key.value) {
            SearchIndex.transcriptFile(position: position, info: info, passagesJSON: rendering.searchPassages(of: body, for: document))
        }
    }
}
