import Foundation
import GlossModel
import GlossSite
import Mustache

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

    private let library: MustacheLibrary
    private let templates: [String: MustacheTemplate]
    private let site: SiteConfig
    private let speakers: [String: Speaker]
    /// The registry in its order, for the speakers index.
    private let speakerList: [Speaker]

    /// Compiles every template of `theme`.
    ///
    /// - Throws: ``ThemeError`` listing every template syntax error and every
    ///   `{{> partial}}` or `{{< parent}}` naming a template that does not exist,
    ///   every cycle of such references and every nesting too deep to render
    ///   safely, each at its file, line and column.
    /// - Parameter pageSize: transcripts on each home page (at least 1).
    public init(theme: Theme, site: SiteConfig, speakers: [Speaker], pageSize: Int = 20) throws(ThemeError) {
        let compiled = TemplateLibrary(theme: theme)
        var diagnostics = compiled.diagnostics
        func page(_ name: String) -> MustacheTemplate? {
            if let template = compiled.library.getTemplate(named: name) { return template }
            // A page template can only be missing when it failed to parse, which is already reported.
            if !diagnostics.hasErrors {
                diagnostics.append(.error(at: nil, "the theme has no \(name)\(Theme.templateExtension)"))
            }
            return nil
        }
        var templates: [String: MustacheTemplate] = [:]
        for name in Self.pageTemplateNames {
            templates[name] = page(name)
        }
        guard templates.count == Self.pageTemplateNames.count, !diagnostics.hasErrors else {
            throw ThemeError(diagnostics: diagnostics)
        }
        library = compiled.library
        self.templates = templates
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
        let document = input.document
        let page = SiteURL.pageFile(forSlug: document.slug)
        var model = pageModel(page: page)
        let related = input.related.filter { $0.slug != document.slug }.map {
            TranscriptViewModel($0, page: page, speakers: speakers)
        }
        model.transcript = TranscriptViewModel(
            document, page: page, speakers: speakers, body: input.bodyHTML,
            citedBy: citedBy(input, page: page), related: related
        )
        return render(Self.transcriptTemplateName, model)
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
        return bySlug.keys.compactMap { input.documents[$0] }.sorted(by: Self.newestFirst).map {
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
        let sorted = documents.sorted(by: Self.newestFirst)
        let total = max(1, (sorted.count + pageSize - 1) / pageSize)
        let years = Self.yearCounts(sorted)
        return (1...total).map { number in
            let page = Self.homeFile(page: number)
            var model = pageModel(page: page)
            let slice = sorted.dropFirst((number - 1) * pageSize).prefix(pageSize)
            model.home = HomeViewModel(
                transcripts: slice.map { TranscriptViewModel($0, page: page, speakers: speakers) },
                pagination: PaginationViewModel(number: number, total: total, page: page),
                archive: years.map { ArchiveYearViewModel(year: $0.year, count: $0.count, page: page) }
            )
            return (page, render(Self.homeTemplateName, model))
        }
    }

    /// One page per year with dated transcripts, `archive/YEAR/index.html`, newest year first.
    public func archivePages(documents: [Document]) -> [(path: String, html: String)] {
        let sorted = documents.sorted(by: Self.newestFirst)
        let years = Self.yearCounts(sorted)
        return years.map { entry in
            let page = Self.archiveFile(year: entry.year)
            var model = pageModel(page: page)
            let transcripts = sorted.filter { $0.frontMatter.date?.year == entry.year }.map {
                TranscriptViewModel($0, page: page, speakers: speakers)
            }
            model.archive = ArchivePageViewModel(
                year: entry.year, transcripts: transcripts,
                years: years.map { ArchiveYearViewModel(year: $0.year, count: $0.count, page: page, current: entry.year) }
            )
            return (page, render(Self.archiveTemplateName, model))
        }
    }

    /// `speakers/index.html`: every speaker of the registry, by name, with
    /// their number of turns and of transcripts among `documents`.
    public func speakersIndexPage(turns: [TurnExcerpt], documents: [Document]) -> String {
        let page = Self.speakersIndexFile
        var model = pageModel(page: page)
        let bySlug = Self.bySlug(documents)
        let entries = speakerList.map { speaker in
            let stats = Self.appearances(of: speaker.id, turns: turns, documents: bySlug)
            return SpeakerSummaryViewModel(speaker, turnCount: stats.turns.count, transcriptCount: stats.documents.count, page: page)
        }
        model.speakersIndex = SpeakersIndexViewModel(speakers: entries.sorted {
            ($0.name.lowercased(), $0.id) < ($1.name.lowercased(), $1.id)
        })
        return render(Self.speakersTemplateName, model)
    }

    /// `speakers/ID/index.html`: the speaker's links, words, transcripts and
    /// every turn (newest transcript first) linking to its passage.
    ///
    /// - Parameters:
    ///   - turns: turns of any speakers; this speaker's are picked out. A turn
    ///     in a transcript missing from `documents` (a draft) is left out.
    ///   - documents: the listed transcripts by slug.
    public func speakerPage(speaker: Speaker, turns: [TurnExcerpt], documents: [String: Document]) -> String {
        speakerPageSet(speaker: speaker, turns: turns, documents: documents).first?.html ?? ""
    }

    /// Turns listed on one page of a speaker's: a prolific speaker's turns
    /// run to thousands, too many for one page to load or read.
    public static let speakerTurnsPerPage = 100

    /// Every page of one speaker: `speakers/ID/`, then `speakers/ID/page/2/` …
    func speakerPageSet(speaker: Speaker, turns: [TurnExcerpt], documents: [String: Document]) -> [(path: String, html: String)] {
        let stats = Self.appearances(of: speaker.id, turns: turns, documents: documents)
        let order = stats.documents.sorted(by: Self.newestFirst)
        let rank = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1.slug, $0) })
        let sortedTurns = stats.turns.enumerated().sorted {
            (rank[$0.element.slug] ?? 0, $0.offset) < (rank[$1.element.slug] ?? 0, $1.offset)
        }.map(\.element)
        let wordCount = stats.turns.reduce(0) { $0 + max(0, $1.wordCount) }
        let size = Self.speakerTurnsPerPage
        let total = max(1, (sortedTurns.count + size - 1) / size)
        let transcriptsPage = Self.speakerFile(id: speaker.id)
        let transcripts = order.map { TranscriptViewModel($0, page: transcriptsPage, speakers: speakers) }
        return (1...total).map { number in
            let path = Self.speakerFile(id: speaker.id, page: number)
            var model = pageModel(page: path)
            let slice = sortedTurns.dropFirst((number - 1) * size).prefix(size)
            let summary = SpeakerSummaryViewModel(speaker, turnCount: stats.turns.count, transcriptCount: order.count, page: path)
            model.speaker = SpeakerProfileViewModel(
                summary,
                links: speaker.links,
                wordCount: wordCount,
                // The list of transcripts is long for a prolific speaker: only the first page has it.
                transcripts: number == 1 ? transcripts : [],
                turns: slice.compactMap { turn in documents[turn.slug].map { TurnViewModel(turn, document: $0, page: path) } },
                pagination: PaginationViewModel(number: number, total: total, page: path) {
                    Self.speakerDirectory(id: speaker.id, page: $0)
                }
            )
            return (path, render(Self.speakerTemplateName, model))
        }
    }

    /// ``speakerPageSet(speaker:turns:documents:)`` for every speaker of the registry.
    public func speakerPages(turns: [TurnExcerpt], documents: [Document]) -> [(path: String, html: String)] {
        let bySlug = Self.bySlug(documents)
        let turnsBySpeaker = Dictionary(grouping: turns, by: \.speakerID)
        // A prolific speaker's pages are many: they are rendered on all cores.
        return speakerList.parallelMap { speaker in
            speakerPageSet(speaker: speaker, turns: turnsBySpeaker[speaker.id] ?? [], documents: bySlug)
        }.flatMap { $0 }
    }

    /// `topics/index.html`: every topic of `documents`, by name, with its number of transcripts.
    public func topicsIndexPage(documents: [Document]) -> String {
        let page = Self.topicsIndexFile
        var model = pageModel(page: page)
        let topics = Self.topicGroups(documents).map {
            TopicViewModel(name: $0.name, page: page, count: $0.documents.count)
        }
        model.topicsIndex = TopicsIndexViewModel(topics: topics)
        return render(Self.topicsTemplateName, model)
    }

    /// `topics/SLUG/index.html` (see ``topicFile(name:)``): the transcripts
    /// of `documents` with the topic, newest first.
    public func topicPage(topic: String, documents: [Document]) -> String {
        let slug = Topics.slug(for: topic)
        let tagged = documents.filter { $0.frontMatter.topics.contains { Topics.slug(for: $0) == slug } }
        return topicPage(name: topic, documents: tagged)
    }

    /// A page for every topic of `documents`.
    public func topicPages(documents: [Document]) -> [(path: String, html: String)] {
        Self.topicGroups(documents).map { (Self.topicFile(name: $0.name), topicPage(name: $0.name, documents: $0.documents)) }
    }

    private func topicPage(name: String, documents: [Document]) -> String {
        let page = Self.topicFile(name: name)
        var model = pageModel(page: page)
        model.topic = TopicPageViewModel(
            name: name,
            transcripts: documents.sorted(by: Self.newestFirst).map { TranscriptViewModel($0, page: page, speakers: speakers) }
        )
        return render(Self.topicTemplateName, model)
    }

    /// `feed.xml`: an Atom 1.0 feed of the ``feedLimit`` newest transcripts,
    /// with absolute URLs. Nil when `site.yaml` has no `base_url`: a feed needs
    /// absolute URLs, so there is no feed to write.
    /// - Parameter now: the build time, the `updated` of undated entries (and
    ///   of the feed when no entry has a date).
    public func feed(documents: [Document], now: Date) -> String? {
        guard let baseURL = site.baseURL.nonEmpty else { return nil }
        var model = pageModel(page: Self.feedFile)
        let newest = Array(documents.sorted(by: Self.newestFirst).prefix(Self.feedLimit))
        model.feed = FeedViewModel(site: site, baseURL: baseURL, documents: newest, now: now)
        return render(Self.feedTemplateName, model)
    }

    /// `sitemap.xml` listing `paths` as absolute URLs; nil without a `base_url`.
    /// - Parameter paths: output files (`2025/x/index.html`, `index.html`) or
    ///   directories (`2025/x/`, `""`) of the pages to list. `…index.html` is
    ///   listed as its directory; `404.html` and repeats are left out.
    public func sitemap(paths: [String]) -> String? {
        guard let baseURL = site.baseURL.nonEmpty else { return nil }
        var model = pageModel(page: Self.sitemapFile)
        let directories = Set(paths.compactMap { path -> String? in
            guard path != Self.notFoundFile else { return nil }
            if path == "index.html" { return "" }
            if path.hasSuffix("/index.html") { return String(path.dropLast("index.html".count)) }
            return path
        })
        model.sitemap = SitemapViewModel(urls: directories.sorted().map {
            SitemapURLViewModel(loc: XMLText.clean(SiteURL.absolute(base: baseURL, path: $0)))
        })
        return render(Self.sitemapTemplateName, model)
    }

    /// `robots.txt`: every crawler may fetch everything; names the sitemap when there is one.
    public func robots() -> String {
        var model = pageModel(page: Self.robotsFile)
        model.robots = RobotsViewModel(sitemapURL: site.baseURL.nonEmpty.map {
            SiteURL.absolute(base: $0, path: Self.sitemapFile).filter { !$0.isNewline && $0 != "\0" }
        })
        return render(Self.robotsTemplateName, model)
    }

    /// The page hosts serve for a missing URL (`404.html`).
    ///
    /// Hosts serve it at whatever path was requested, so relative links would
    /// break one directory down; with a `base_url` its links are absolute.
    /// Without one they are relative to the site root.
    public func notFoundPage() -> String {
        let links = site.baseURL.nonEmpty.map(LinksViewModel.init(baseURL:))
            ?? LinksViewModel(page: Self.notFoundFile)
        let model = PageViewModel(site: SiteViewModel(site), links: links)
        return render(Self.notFoundTemplateName, model)
    }

    /// The output file of ``notFoundPage()``.
    public static let notFoundFile = "404.html"

    /// The output file of a home page: `index.html`, `page/2/index.html` …
    public static func homeFile(page number: Int) -> String { homeDirectory(page: number) + "index.html" }
    static func homeDirectory(page number: Int) -> String { SiteURL.homeDirectory(page: number) }

    /// `archive/2025/index.html`
    public static func archiveFile(year: Int) -> String { archiveDirectory(year: year) + "index.html" }
    static func archiveDirectory(year: Int) -> String { SiteURL.archiveDirectory(year: year) }

    public static let speakersIndexFile = speakersDirectory + "index.html"
    static let speakersDirectory = SiteURL.speakersDirectory
    /// `speakers/hegseth/index.html`
    public static func speakerFile(id: String, page number: Int = 1) -> String { speakerDirectory(id: id, page: number) + "index.html" }
    static func speakerDirectory(id: String, page number: Int = 1) -> String { SiteURL.speakerDirectory(forID: id, page: number) }

    public static let topicsIndexFile = topicsDirectory + "index.html"
    static let topicsDirectory = SiteURL.topicsDirectory
    /// `topics/air-defense/index.html` for `Air Defense` (see ``Topics/slug(for:)``).
    public static func topicFile(name: String) -> String {
        SiteURL.topicDirectory(forSlug: Topics.slug(for: name)) + "index.html"
    }

    public static let feedFile = "feed.xml"
    public static let sitemapFile = "sitemap.xml"
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
    static let robotsTemplateName = "robots"
    static let pageTemplateNames = [
        transcriptTemplateName, homeTemplateName, notFoundTemplateName, archiveTemplateName,
        speakersTemplateName, speakerTemplateName, topicsTemplateName, topicTemplateName,
        feedTemplateName, sitemapTemplateName, robotsTemplateName,
    ]

    private func render(_ name: String, _ model: PageViewModel) -> String {
        // Every page template is compiled in init, or init throws.
        templates[name]?.render(model, library: library) ?? ""
    }

    /// The root object for the output file `page`, with its canonical URL when there is a `base_url`.
    private func pageModel(page: String) -> PageViewModel {
        let baseURL = site.baseURL.nonEmpty
        var model = PageViewModel(site: SiteViewModel(site), links: LinksViewModel(page: page, hasFeed: baseURL != nil))
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

    /// The speaker's turns in listed transcripts, and the transcripts they
    /// appear in (named in front matter or speaking a turn).
    private static func appearances(of id: String, turns: [TurnExcerpt], documents: [String: Document]) -> (turns: [TurnExcerpt], documents: [Document]) {
        let own = turns.filter { $0.speakerID == id && documents[$0.slug] != nil }
        var slugs = Set(own.map(\.slug))
        for (slug, document) in documents where document.frontMatter.speakers.contains(where: { $0.id == id }) {
            slugs.insert(slug)
        }
        return (own, slugs.compactMap { documents[$0] })
    }

    /// Topics by slug: the name first seen (newest transcript first) and the transcripts with it, by name.
    private static func topicGroups(_ documents: [Document]) -> [(name: String, documents: [Document])] {
        var groups: [String: (name: String, documents: [Document])] = [:]
        for document in documents.sorted(by: newestFirst) {
            for name in Topics.unique(document.frontMatter.topics) {
                groups[Topics.slug(for: name), default: (name, [])].documents.append(document)
            }
        }
        return groups.values.sorted { ($0.name.lowercased(), $0.name) < ($1.name.lowercased(), $1.name) }
    }

    private static func newestFirst(_ a: Document, _ b: Document) -> Bool {
        switch (a.frontMatter.date, b.frontMatter.date) {
        case let (l?, r?) where l != r: return l > r
        case (_?, nil): return true
        case (nil, _?): return false
        default: return (a.frontMatter.title, a.slug) < (b.frontMatter.title, b.slug)
        }
    }
}
