import Foundation
import GlossModel
import GlossSite
import GlossTemplate

/// Turns documents into finished HTML pages with a compiled theme.
///
/// Every link on a page is relative to that page (via ``SiteURL``), so the
/// output works at a domain root, under a sub-path and from `file://`.
public struct PageRenderer: Sendable {
    /// Theme assets by output path (`assets/gloss.css`), to copy into the output directory.
    public let assets: [String: [UInt8]]
    /// The `id`s the theme's templates write literally (`main`, `transcript-title`):
    /// ids in a transcript's body must avoid them.
    public let templateIDs: Set<String>

    /// Transcripts on each home page (`index.html`, `page/2/index.html` …).
    public let pageSize: Int

    /// The theme's templates, compiled and checked; every page template is in it.
    private let templates: TemplateSet
    let site: SiteConfig
    let speakers: [String: Speaker]
    /// The registry in its order, for the speakers index.
    private let speakerList: [Speaker]

    /// Compiles every template of `theme`.
    ///
    /// - Throws: ``ThemeError`` listing every template syntax error and every
    ///   `{{> partial}}` or `{{< parent}}` naming a template that does not exist,
    ///   every cycle of such references, every nesting too deep to render
    ///   safely and every dynamic partial, each at its file, line and column
    ///   (see ``Theme/templateSet(pages:)``).
    /// - Parameter pageSize: transcripts on each home page (at least 1).
    public init(theme: Theme, site: SiteConfig, speakers: [Speaker], pageSize: Int = 20) throws(ThemeError) {
        templates = try theme.templateSet(pages: Self.pageTemplateNames)
        self.pageSize = max(1, pageSize)
        assets = theme.assets
        templateIDs = Self.literalIDs(in: theme)
        self.site = site
        // The registry is checked for duplicate ids where it is loaded; here the first one wins.
        self.speakers = Dictionary(speakers.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var seen: Set<String> = []
        speakerList = speakers.filter { seen.insert($0.id).inserted }
    }

    /// Values of `id="…"` attributes written without a Mustache tag in them.
    static func literalIDs(in theme: Theme) -> Set<String> {
        var ids: Set<String> = []
        for (path, bytes) in theme.files where path.hasSuffix(Theme.templateExtension) {
            let text = String(decoding: bytes, as: UTF8.self)
            var rest = text[...]
            while let start = rest.range(of: "id=\"") {
                rest = rest[start.upperBound...]
                guard let end = rest.firstIndex(of: "\"") else { break }
                let value = rest[..<end]
                if !value.isEmpty, !value.contains("{{") { ids.insert(String(value)) }
                rest = rest[end...]
            }
        }
        return ids
    }

    /// The page of one transcript, to be written to `SiteURL.pageFile(forSlug: document.slug)`.
    public func transcriptPage(_ input: TranscriptPageInput) -> String {
        String(decoding: transcriptPageBytes(input), as: UTF8.self)
    }

    private func transcriptPageBytes(_ input: TranscriptPageInput) -> [UInt8] {
        let document = input.document
        let page = SiteURL.pageFile(forSlug: document.slug)
        var model = pageModel(page: page)
        let related = input.related.filter { $0.slug != document.slug }.map {
            TranscriptViewModel($0, page: page, speakers: speakers)
        }
        // The verdicts marked in the words; the structured data below reads
        // the body as written.
        model.transcript = TranscriptViewModel(
            document, page: page, speakers: speakers, body: QuoteMarks.marking(input.bodyHTML, quotes: input.quotes, page: page),
            citedBy: citedBy(input, page: page), related: related
        )
        model.transcript?.dataLinks = dataLinks(hasTimestamps: input.hasTimestamps)
        model.transcript?.checkedQuotes = input.quotes.checked.enumerated().map { index, quote in
            CheckedQuoteViewModel(quote, page: page, anchor: QuoteMarks.anchor(ofCheckedQuote: index))
        }
        model.transcript?.quotedIn = input.quotes.quotedIn.map { QuotedInViewModel($0, page: page) }
        model.transcript?.structuredData = structuredData(document: document, bodyHTML: input.bodyHTML)
        return renderBytes(Self.transcriptTemplateName, model)
    }

    /// A transcript's page, planned. `body` makes the body's HTML (links
    /// filled in) when the page is rendered; `bodyKey` stands for everything
    /// it depends on beyond the document (how each link was resolved).
    public func planTranscriptPage(
        document: Document, bodyKey: UInt64, body: @escaping @Sendable () -> String,
        citations: [Citation], related: [Document], documents: [String: Document], seed: UInt64, hasTimestamps: Bool = false,
        quotes: PageQuotes = PageQuotes()
    ) -> PlannedPage {
        var key = PageKey(seed: seed, "transcript")
        key.add(document)
        key.add(document.revision)
        key.add(bodyKey)
        key.add(hasTimestamps ? 1 : 0)
        for citation in citations {
            key.add(citation.fromSlug)
            key.add(citation.fromPassageID)
            key.add(citation.toPassageID)
            key.add(citation.inAnnotation ? 1 : 0)
            if let citing = documents[citation.fromSlug] { key.add(citing) }
        }
        key.add(related)
        key.add(quotes)
        return PlannedPage(path: SiteURL.pageFile(forSlug: document.slug), key: key.value) { [self] in
            var input = TranscriptPageInput(
                document: document, bodyHTML: body(), citations: citations, related: related, documents: documents,
                hasTimestamps: hasTimestamps
            )
            input.quotes = quotes
            return transcriptPageBytes(input)
        }
    }

    /// Citing transcripts newest first, each with its links in the order given, repeats left out.
    private func citedBy(_ input: TranscriptPageInput, page: String) -> [CitingTranscriptViewModel] {
        var bySlug: [String: [Citation]] = [:]
        var seen: Set<Citation> = []
        for citation in input.citations
        where citation.toSlug == input.document.slug && citation.fromSlug != input.document.slug
            && input.documents[citation.fromSlug] != nil && seen.insert(citation).inserted {
            bySlug[citation.fromSlug, default: []].append(citation)
        }
        return Self.sortedNewestFirst(bySlug.keys.compactMap { input.documents[$0] }).map {
            CitingTranscriptViewModel($0, citations: bySlug[$0.slug] ?? [], page: page)
        }
    }

    /// The first home page (`index.html`); see ``homePages(documents:)``.
    public func homePage(documents: [Document]) -> String {
        homePages(documents: documents)[0].html
    }

    /// The home pages: `index.html`, then `page/2/index.html` … with
    /// ``pageSize`` transcripts each, newest first, and links to the
    /// neighbouring pages and to each year's archive. Always at least one page.
    ///
    /// The renderer sorts: by date, newest first, undated ones last, then by
    /// title and slug so the order never depends on the file system. The caller
    /// decides which documents to list (drafts or not).
    public func homePages(documents: [Document]) -> [(path: String, html: String)] {
        Self.made(planHomePages(documents: documents, seed: 0))
    }

    /// ``homePages(documents:)``, planned.
    public func planHomePages(documents: [Document], seed: UInt64) -> [PlannedPage] {
        let sorted = Self.sortedNewestFirst(documents)
        let total = Self.pageCount(sorted.count, size: pageSize)
        let years = Self.yearCounts(sorted)
        return (1...total).map { number in
            let page = Self.homeFile(page: number)
            let slice = sorted.dropFirst((number - 1) * pageSize).prefix(pageSize)
            var key = PageKey(seed: seed, "home")
            key.add(number)
            key.add(total)
            for entry in years { key.add(entry.year); key.add(entry.count) }
            key.add(slice)
            return PlannedPage(path: page, key: key.value) { [self] in
                var model = pageModel(page: page)
                model.home = HomeViewModel(
                    transcripts: slice.map { TranscriptViewModel($0, page: page, speakers: speakers) },
                    pagination: PaginationViewModel(number: number, total: total, page: page),
                    archive: years.map { ArchiveYearViewModel(year: $0.year, count: $0.count, page: page) }
                )
                return renderBytes(Self.homeTemplateName, model)
            }
        }
    }

    /// Transcripts on one page of a topic's or a year's list: one page of
    /// every transcript with a common topic grew past 800 KB at 10,000
    /// transcripts, so these lists are cut into pages like the home page's.
    public static let listPageSize = 50

    /// Pages needed to list `count` entries `size` to a page; an empty list still has its page.
    private static func pageCount(_ count: Int, size: Int) -> Int {
        max(1, (count + size - 1) / size)
    }

    /// The pages of every year with dated transcripts, newest year first:
    /// `archive/YEAR/index.html`, then `archive/YEAR/page/2/index.html` …
    /// with ``listPageSize`` transcripts each, newest first.
    public func archivePages(documents: [Document]) -> [(path: String, html: String)] {
        Self.made(planArchivePages(documents: documents, seed: 0))
    }

    /// ``archivePages(documents:)``, planned.
    public func planArchivePages(documents: [Document], seed: UInt64) -> [PlannedPage] {
        let sorted = Self.sortedNewestFirst(documents)
        let years = Self.yearCounts(sorted)
        var byYear: [Int: [Document]] = [:]
        for document in sorted {
            if let year = document.frontMatter.date?.year { byYear[year, default: []].append(document) }
        }
        let size = Self.listPageSize
        return years.flatMap { entry in
            let listed = byYear[entry.year] ?? []
            let total = Self.pageCount(listed.count, size: size)
            return (1...total).map { number in
                let page = Self.archiveFile(year: entry.year, page: number)
                let slice = listed.dropFirst((number - 1) * size).prefix(size)
                var key = PageKey(seed: seed, "archive")
                key.add(entry.year)
                key.add(number)
                key.add(total)
                for other in years { key.add(other.year); key.add(other.count) }
                key.add(slice)
                return PlannedPage(path: page, key: key.value) { [self] in
                    var model = pageModel(page: page)
                    model.archive = ArchivePageViewModel(
                        year: entry.year,
                        transcripts: slice.map { TranscriptViewModel($0, page: page, speakers: speakers) },
                        years: years.map { ArchiveYearViewModel(year: $0.year, count: $0.count, page: page, current: entry.year) },
                        pagination: PaginationViewModel(number: number, total: total, page: page) {
                            Self.archiveDirectory(year: entry.year, page: $0)
                        }
                    )
                    return renderBytes(Self.archiveTemplateName, model)
                }
            }
        }
    }

    /// `speakers/index.html`: every speaker of the registry, by name, with
    /// their number of turns and of transcripts among `documents`.
    public func speakersIndexPage(turns: [TurnExcerpt], documents: [Document]) -> String {
        String(decoding: planSpeakersIndexPage(appearances: speakerAppearances(turns: turns, documents: documents), seed: 0).make(), as: UTF8.self)
    }

    /// ``speakersIndexPage(turns:documents:)``, planned, from ``speakerAppearances(turns:documents:)``.
    public func planSpeakersIndexPage(appearances: [SpeakerAppearances], seed: UInt64) -> PlannedPage {
        let page = Self.speakersIndexFile
        var key = PageKey(seed: seed, "speakers")
        for entry in appearances {
            key.add(entry.speaker.id)
            key.add(entry.turnCount)
            key.add(entry.transcripts.count)
        }
        return PlannedPage(path: page, key: key.value) { [self] in
            var model = pageModel(page: page)
            let entries = appearances.map {
                SpeakerSummaryViewModel($0.speaker, turnCount: $0.turnCount, transcriptCount: $0.transcripts.count, page: page)
            }
            model.speakersIndex = SpeakersIndexViewModel(speakers: entries.sorted {
                ($0.name.lowercased(), $0.id) < ($1.name.lowercased(), $1.id)
            })
            return renderBytes(Self.speakersTemplateName, model)
        }
    }

    /// `speakers/ID/index.html`: the speaker's links and counts, then the
    /// transcripts they appear in, newest first, each with their turns and
    /// words there and their first turn linking to its passage.
    ///
    /// - Parameters:
    ///   - turns: turns of any speakers; this speaker's are picked out. A turn
    ///     in a transcript missing from `documents` (a draft) is left out.
    ///   - documents: the listed transcripts by slug.
    public func speakerPage(speaker: Speaker, turns: [TurnExcerpt], documents: [String: Document]) -> String {
        let appearances = SpeakerAppearances(speaker: speaker, turns: turns, documents: documents)
        return planSpeakerPages(appearances, seed: 0).first.map { String(decoding: $0.make(), as: UTF8.self) } ?? ""
    }

    /// Transcripts listed on one page of a speaker's: a prolific speaker
    /// appears in thousands, too many for one page to load or read.
    public static let speakerTranscriptsPerPage = 50

    /// Where each speaker of the registry appears among `documents`, in registry order.
    public func speakerAppearances(turns: [TurnExcerpt], documents: [Document]) -> [SpeakerAppearances] {
        let bySlug = Self.bySlug(documents)
        let turnsBySpeaker = Dictionary(grouping: turns, by: \.speakerID)
        return speakerList.parallelMap { speaker in
            SpeakerAppearances(speaker: speaker, turns: turnsBySpeaker[speaker.id] ?? [], documents: bySlug)
        }
    }

    /// Every page of one speaker: `speakers/ID/`, then `speakers/ID/page/2/` …
    public func planSpeakerPages(_ appearances: SpeakerAppearances, seed: UInt64) -> [PlannedPage] {
        (1...Self.pageCount(appearances.transcripts.count, size: Self.speakerTranscriptsPerPage)).map {
            planSpeakerPage(appearances, number: $0, seed: seed)
        }
    }

    /// The page of one speaker's transcripts, of those ``speakerTranscriptsPerPage``
    /// a page, that holds the entry at `index`.
    public static func speakerPageNumber(holding index: Int) -> Int {
        index / speakerTranscriptsPerPage + 1
    }

    /// Page `number` of one speaker (1 for `speakers/ID/`).
    public func planSpeakerPage(_ appearances: SpeakerAppearances, number: Int, seed: UInt64) -> PlannedPage {
        let speaker = appearances.speaker
        let listed = appearances.transcripts
        let size = Self.speakerTranscriptsPerPage
        let total = Self.pageCount(listed.count, size: size)
        let path = Self.speakerFile(id: speaker.id, page: number)
        let start = min(listed.count, (number - 1) * size)
        var key = PageKey(seed: seed, "speaker")
        key.add(speaker.id)
        for count in [number, total, listed.count] { key.add(count) }
        // The totals are on the first page only.
        if number == 1 { key.add(appearances.turnCount); key.add(appearances.wordCount) }
        for index in start..<min(listed.count, start + size) { key.add(listed[index]) }
        // A page of its own, not a slice of the whole list, so that a
        // rebuild can change the list in place without copying it.
        let slice = Array(listed[start..<min(listed.count, start + size)])
        let turnCount = appearances.turnCount, wordCount = appearances.wordCount, transcriptCount = listed.count
        return PlannedPage(path: path, key: key.value) { [self] in
            var model = pageModel(page: path)
            let summary = SpeakerSummaryViewModel(speaker, turnCount: turnCount, transcriptCount: transcriptCount, page: path)
            model.speaker = SpeakerProfileViewModel(
                summary,
                links: speaker.links,
                wordCount: wordCount,
                transcripts: slice.map { SpeakerTranscriptViewModel($0, page: path) },
                pagination: PaginationViewModel(number: number, total: total, page: path) {
                    Self.speakerDirectory(id: speaker.id, page: $0)
                }
            )
            return renderBytes(Self.speakerTemplateName, model)
        }
    }

    /// Every page of every speaker of the registry.
    public func speakerPages(turns: [TurnExcerpt], documents: [Document]) -> [(path: String, html: String)] {
        Self.made(speakerAppearances(turns: turns, documents: documents).flatMap { planSpeakerPages($0, seed: 0) })
    }

    /// `topics/index.html`: every topic of `documents`, by name, with its number of transcripts.
    public func topicsIndexPage(documents: [Document]) -> String {
        String(decoding: planTopicPages(documents: documents, seed: 0)[0].make(), as: UTF8.self)
    }

    /// `topics/SLUG/index.html` (see ``topicFile(name:page:)``): the first
    /// ``listPageSize`` transcripts of `documents` with the topic, newest first.
    public func topicPage(topic: String, documents: [Document]) -> String {
        let slug = Topics.slug(for: topic)
        let tagged = documents.filter { $0.frontMatter.topics.contains { Topics.slug(for: $0) == slug } }
        let pages = planTopicPages(name: topic, documents: Self.sortedNewestFirst(tagged), seed: 0)
        return pages.first.map { String(decoding: $0.make(), as: UTF8.self) } ?? ""
    }

    /// Every page of every topic of `documents`.
    public func topicPages(documents: [Document]) -> [(path: String, html: String)] {
        Self.made(Array(planTopicPages(documents: documents, seed: 0).dropFirst()))
    }

    /// The topics index, then a page for every topic of `documents`, planned.
    public func planTopicPages(documents: [Document], seed: UInt64) -> [PlannedPage] {
        let groups = Self.topicGroups(documents)
        let page = Self.topicsIndexFile
        var key = PageKey(seed: seed, "topics")
        for group in groups { key.add(group.name); key.add(group.documents.count) }
        let index = PlannedPage(path: page, key: key.value) { [self] in
            var model = pageModel(page: page)
            model.topicsIndex = TopicsIndexViewModel(topics: groups.map {
                TopicViewModel(name: $0.name, page: page, count: $0.documents.count)
            })
            return renderBytes(Self.topicsTemplateName, model)
        }
        return [index] + groups.flatMap { planTopicPages(name: $0.name, documents: $0.documents, seed: seed) }
    }

    /// One topic's pages, `topics/SLUG/`, then `topics/SLUG/page/2/` …; `documents` newest first.
    private func planTopicPages(name: String, documents: [Document], seed: UInt64) -> [PlannedPage] {
        let size = Self.listPageSize
        let count = documents.count
        let total = Self.pageCount(count, size: size)
        return (1...total).map { number in
            let page = Self.topicFile(name: name, page: number)
            let slice = documents.dropFirst((number - 1) * size).prefix(size)
            var key = PageKey(seed: seed, "topic")
            key.add(name)
            for value in [number, total, count] { key.add(value) }
            key.add(slice)
            return PlannedPage(path: page, key: key.value) { [self] in
                var model = pageModel(page: page)
                model.topic = TopicPageViewModel(
                    name: name,
                    count: count,
                    transcripts: slice.map { TranscriptViewModel($0, page: page, speakers: speakers) },
                    pagination: PaginationViewModel(number: number, total: total, page: page) {
                        Self.topicDirectory(name: name, page: $0)
                    }
                )
                return renderBytes(Self.topicTemplateName, model)
            }
        }
    }

    /// `feed.xml`: an Atom 1.0 feed of the ``feedLimit`` newest transcripts,
    /// with absolute URLs. Nil when `site.yaml` has no `base_url`: a feed needs
    /// absolute URLs, so there is no feed to write.
    /// - Parameter now: the build time, the `updated` of undated entries (and
    ///   of the feed when no entry has a date).
    public func feed(documents: [Document], now: Date) -> String? {
        planFeed(documents: documents, now: now, seed: 0).map { String(decoding: $0.make(), as: UTF8.self) }
    }

    /// ``feed(documents:now:)``, planned.
    public func planFeed(documents: [Document], now: Date, seed: UInt64) -> PlannedPage? {
        guard let baseURL = site.baseURL.nonEmpty else { return nil }
        let newest = Array(Self.sortedNewestFirst(documents).prefix(Self.feedLimit))
        var key = PageKey(seed: seed, "feed")
        key.add(Int(now.timeIntervalSince1970))
        key.add(newest)
        return PlannedPage(path: Self.feedFile, key: key.value) { [self] in
            var model = pageModel(page: Self.feedFile)
            model.feed = FeedViewModel(site: site, baseURL: baseURL, documents: newest, now: now)
            return renderBytes(Self.feedTemplateName, model)
        }
    }

    /// `sitemap.xml` listing `paths` as absolute URLs; nil without a `base_url`.
    /// - Parameter paths: output files (`2025/x/index.html`, `index.html`) or
    ///   directories (`2025/x/`, `""`) of the pages to list. `…index.html` is
    ///   listed as its directory; `404.html` and repeats are left out.
    public func sitemap(paths: [String]) -> String? {
        planSitemaps(paths: paths, seed: 0).first.map { String(decoding: $0.make(), as: UTF8.self) }
    }

    /// The most URLs one sitemap file may list, by the sitemaps.org protocol
    /// (which search engines enforce).
    public static let sitemapURLLimit = 50_000

    /// ``sitemap(paths:)``, planned: `sitemap.xml` alone, or, for a site of
    /// more than `limit` pages, `sitemap.xml` as an index of `sitemap-1.xml`,
    /// `sitemap-2.xml` … of `limit` URLs each. Empty without a `base_url`.
    public func planSitemaps(paths: [String], seed: UInt64, limit: Int = sitemapURLLimit) -> [PlannedPage] {
        guard let baseURL = site.baseURL.nonEmpty else { return [] }
        let directories = Set(paths.compactMap { path -> String? in
            guard path != Self.notFoundFile else { return nil }
            if path == "index.html" { return "" }
            if path.hasSuffix("/index.html") { return String(path.dropLast("index.html".count)) }
            return path
        }).sorted()
        func urlSet(_ file: String, _ listed: ArraySlice<String>, key: PageKey) -> PlannedPage {
            PlannedPage(path: file, key: key.value) { [self] in
                var model = pageModel(page: file)
                model.sitemap = SitemapViewModel(urls: listed.map {
                    SitemapURLViewModel(loc: XMLText.clean(SiteURL.absolute(base: baseURL, path: $0)))
                })
                return renderBytes(Self.sitemapTemplateName, model)
            }
        }
        guard directories.count > max(1, limit) else {
            var key = PageKey(seed: seed, "sitemap")
            for directory in directories { key.add(directory) }
            return [urlSet(Self.sitemapFile, directories[...], key: key)]
        }
        let parts = stride(from: 0, to: directories.count, by: max(1, limit)).map { directories[$0 ..< min($0 + max(1, limit), directories.count)] }
        let files = parts.indices.map { Self.sitemapPartFile($0 + 1) }
        var indexKey = PageKey(seed: seed, "sitemap index")
        for file in files { indexKey.add(file) }
        let index = PlannedPage(path: Self.sitemapFile, key: indexKey.value) { [self] in
            var model = pageModel(page: Self.sitemapFile)
            model.sitemap = SitemapViewModel(urls: files.map {
                SitemapURLViewModel(loc: XMLText.clean(SiteURL.absolute(base: baseURL, path: $0)))
            })
            return renderBytes(Self.sitemapIndexTemplateName, model)
        }
        return [index] + zip(files, parts).map { file, part in
            var key = PageKey(seed: seed, "sitemap")
            key.add(file)
            for directory in part { key.add(directory) }
            return urlSet(file, part, key: key)
        }
    }

    /// `robots.txt`: every crawler may fetch everything; names the sitemap when there is one.
    public func robots() -> String {
        String(decoding: robotsBytes(), as: UTF8.self)
    }

    private func robotsBytes() -> [UInt8] {
        var model = pageModel(page: Self.robotsFile)
        model.robots = RobotsViewModel(sitemapURL: site.baseURL.nonEmpty.map {
            SiteURL.absolute(base: $0, path: Self.sitemapFile).filter { !$0.isNewline && $0 != "\0" }
        })
        return renderBytes(Self.robotsTemplateName, model)
    }

    /// ``robots()`` and ``notFoundPage()``, which depend on the seed alone.
    public func planFixedPages(seed: UInt64) -> [PlannedPage] {
        [
            PlannedPage(path: Self.robotsFile, key: PageKey(seed: seed, "robots").value) { [self] in robotsBytes() },
            PlannedPage(path: Self.notFoundFile, key: PageKey(seed: seed, "404").value) { [self] in notFoundPageBytes() },
        ] + (site.options.search ? [
            PlannedPage(path: Self.searchFile, key: PageKey(seed: seed, "search").value) { [self] in searchPageBytes() },
        ] : [])
    }

    /// The search page (docs/search.md): a form, and the script that
    /// answers it from the index files beside it.
    private func searchPageBytes() -> [UInt8] {
        let model = PageViewModel(site: SiteViewModel(site), links: LinksViewModel(page: Self.searchFile))
        return renderBytes(Self.searchTemplateName, model)
    }

    /// The output file of the search page.
    public static let searchFile = SiteURL.searchDirectory + "index.html"

    private static func made(_ plan: [PlannedPage]) -> [(path: String, html: String)] {
        plan.parallelMap { ($0.path, String(decoding: $0.make(), as: UTF8.self)) }
    }

    /// The page hosts serve for a missing URL (`404.html`).
    ///
    /// Hosts serve it at whatever path was requested, so relative links would
    /// break one directory down; with a `base_url` its links are absolute.
    /// Without one they are relative to the site root.
    public func notFoundPage() -> String {
        String(decoding: notFoundPageBytes(), as: UTF8.self)
    }

    private func notFoundPageBytes() -> [UInt8] {
        let search = site.options.search
        let links = site.baseURL.nonEmpty.map { LinksViewModel(baseURL: $0, hasSearch: search) }
            ?? LinksViewModel(page: Self.notFoundFile, hasSearch: search)
        let model = PageViewModel(site: SiteViewModel(site), links: links)
        return renderBytes(Self.notFoundTemplateName, model)
    }

    /// The output file of ``notFoundPage()``.
    public static let notFoundFile = "404.html"

    /// The output file of a home page: `index.html`, `page/2/index.html` …
    public static func homeFile(page number: Int) -> String { homeDirectory(page: number) + "index.html" }
    static func homeDirectory(page number: Int) -> String { SiteURL.homeDirectory(page: number) }

    /// `archive/2025/index.html`, `archive/2025/page/2/index.html` …
    public static func archiveFile(year: Int, page number: Int = 1) -> String { archiveDirectory(year: year, page: number) + "index.html" }
    static func archiveDirectory(year: Int, page number: Int = 1) -> String { SiteURL.archiveDirectory(year: year, page: number) }

    public static let speakersIndexFile = speakersDirectory + "index.html"
    static let speakersDirectory = SiteURL.speakersDirectory
    /// `speakers/hegseth/index.html`
    public static func speakerFile(id: String, page number: Int = 1) -> String { speakerDirectory(id: id, page: number) + "index.html" }
    static func speakerDirectory(id: String, page number: Int = 1) -> String { SiteURL.speakerDirectory(forID: id, page: number) }

    public static let topicsIndexFile = topicsDirectory + "index.html"
    static let topicsDirectory = SiteURL.topicsDirectory
    /// `topics/air-defense/index.html` for `Air Defense` (see ``Topics/slug(for:)``),
    /// `topics/air-defense/page/2/index.html` …
    public static func topicFile(name: String, page number: Int = 1) -> String {
        topicDirectory(name: name, page: number) + "index.html"
    }
    static func topicDirectory(name: String, page number: Int = 1) -> String {
        SiteURL.topicDirectory(forSlug: Topics.slug(for: name), page: number)
    }

    public static let feedFile = "feed.xml"
    public static let sitemapFile = "sitemap.xml"
    /// One of the sitemaps `sitemap.xml` lists when a site has too many pages for one.
    public static func sitemapPartFile(_ number: Int) -> String { "sitemap-\(number).xml" }
    public static let robotsFile = "robots.txt"
    /// Entries in ``feed(documents:now:)``.
    public static let feedLimit = 50

    static let transcriptTemplateName = "transcript"
    static let homeTemplateName = "home"
    static let notFoundTemplateName = "404"
    static let archiveTemplateName = "archive"
    static let speakersTemplateName = "speakers"
    static let speakerTemplateName = "speaker"
    static let topicsTemplateName = "topics"
    static let topicTemplateName = "topic"
    static let feedTemplateName = "feed"
    static let sitemapTemplateName = "sitemap"
    static let sitemapIndexTemplateName = "sitemap-index"
    static let robotsTemplateName = "robots"
    static let searchTemplateName = "search"
    static let pageTemplateNames = [
        transcriptTemplateName, homeTemplateName, notFoundTemplateName, archiveTemplateName,
        speakersTemplateName, speakerTemplateName, topicsTemplateName, topicTemplateName,
        feedTemplateName, sitemapTemplateName, sitemapIndexTemplateName, robotsTemplateName, searchTemplateName,
    ]

    /// The page template `name` rendered straight into bytes. Every page
    /// template is in the set (init checks), so nothing is ever left out.
    private func renderBytes(_ name: String, _ model: PageViewModel) -> [UInt8] {
        var output: [UInt8] = []
        _ = templates.render(name, .object(model), into: &output)
        return output
    }

    /// The root object for the output file `page`, with its canonical URL when there is a `base_url`.
    private func pageModel(page: String) -> PageViewModel {
        let baseURL = site.baseURL.nonEmpty
        var model = PageViewModel(site: SiteViewModel(site), links: LinksViewModel(page: page, hasFeed: baseURL != nil, hasSearch: site.options.search))
        model.canonicalURL = baseURL.map { SiteURL.absolute(base: $0, path: Self.directory(of: page)) }
        return model
    }

    /// `a/index.html` → `a/`, `index.html` → ``, `feed.xml` → `feed.xml`.
    private static func directory(of page: String) -> String {
        if page == "index.html" { return "" }
        return page.hasSuffix("/index.html") ? String(page.dropLast("index.html".count)) : page
    }

    private static func bySlug(_ documents: [Document]) -> [String: Document] {
        Dictionary(documents.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Years with dated transcripts, newest first, with their counts.
    private static func yearCounts(_ documents: [Document]) -> [(year: Int, count: Int)] {
        var counts: [Int: Int] = [:]
        for document in documents {
            if let year = document.frontMatter.date?.year { counts[year, default: 0] += 1 }
        }
        return counts.sorted { $0.key > $1.key }.map { ($0.key, $0.value) }
    }

    /// Topics by slug: the name first seen (newest transcript first) and the transcripts with it, by name.
    private static func topicGroups(_ documents: [Document]) -> [(name: String, documents: [Document])] {
        var groups: [String: (name: String, documents: [Document])] = [:]
        for document in sortedNewestFirst(documents) {
            for name in Topics.unique(document.frontMatter.topics) {
                groups[Topics.slug(for: name), default: (name, [])].documents.append(document)
            }
        }
        return groups.values.sorted { ($0.name.lowercased(), $0.name) < ($1.name.lowercased(), $1.name) }
    }

    /// `documents` in ``newestFirst(_:_:)`` order. Sorts positions rather
    /// than documents, and a list already in order (a build sorts its
    /// transcripts once) costs one pass.
    public static func sortedNewestFirst(_ documents: [Document]) -> [Document] {
        if documents.indices.dropFirst().allSatisfy({ !newestFirst(documents[$0], documents[$0 - 1]) }) { return documents }
        return documents.indices.sorted { newestFirst(documents[$0], documents[$1]) }.map { documents[$0] }
    }

    /// Newest first: dated before undated, later dates first, then by title and slug.
    public static func newestFirst(_ a: Document, _ b: Document) -> Bool {
        switch (a.date, b.date) {
        case let (l?, r?) where l != r: return l > r
        case (_?, nil): return true
        case (nil, _?): return false
        default: return (a.frontMatter.title, a.slug) < (b.frontMatter.title, b.slug)
        }
    }
}
