import GlossMarkdown
import GlossModel
import GlossRender
import GlossSite

/// Every page of the site as one build planned it, with what it was planned
/// from: what the preview server keeps from one save to the next, so that a
/// rebuild after an edit of a transcript's words plans again only the pages
/// that edit can reach, instead of the whole site.
///
/// An edit that leaves every transcript's front matter as it was (its
/// ``Document/listingRevision``) leaves the site's order, topics, years and
/// related lists as they were too; what it can change is the transcript's
/// own page, the anchors other transcripts' links land on, the "Cited by"
/// lists of what it links to, and its speakers' pages. Anything else (a
/// transcript added, removed or retitled, a template, the site or speaker
/// configuration) plans the whole site again.
struct SitePlan: Sendable {
    /// The seed of every page key: a new one plans everything again.
    var seed: UInt64
    /// The published transcripts newest first, as planned.
    var transcripts: [Document]
    /// Places in ``transcripts`` by path.
    var positions: [String: Int]
    var relations: SiteRelations
    /// Each transcript's page, parallel to ``transcripts``.
    var pages: [TranscriptPlan]
    /// Places in ``transcripts`` of the transcripts whose links name a
    /// transcript, by that transcript's slug: they resolve against its anchors.
    var linkers: [String: Set<Int>]
    /// Each registry speaker's appearances, in registry order.
    var appearances: [SpeakerAppearances]
    /// Each speaker's pages, parallel to ``appearances``.
    var speakerPages: [[PlannedPage]]
    var speakersIndexPage: PlannedPage
    /// Pages that list transcripts by their front matter alone (home,
    /// archives, topics, feed, sitemap), the fixed pages and the assets.
    var listPages: [PlannedPage]
    /// How many transcript pages the build that made this plan planned.
    var planned: Int
    /// The search index's files.
    var search: SearchPlan
    /// The quote check, made whole on every build (docs/quotes.md).
    var quotes: SiteQuotes

    /// Every page, transcripts' first.
    var allPages: [PlannedPage] {
        var all: [PlannedPage] = []
        all.reserveCapacity(pages.count * (1 + (pages.first?.exports.count ?? 0)) + speakerPages.count * 2 + listPages.count + search.pages.count + 1)
        for plan in pages {
            all.append(plan.page)
            all.append(contentsOf: plan.exports)
        }
        all.append(speakersIndexPage)
        for pages in speakerPages { all.append(contentsOf: pages) }
        all.append(contentsOf: listPages)
        all.append(contentsOf: search.pages)
        return all
    }

    /// What planning found, in the order of the transcripts.
    var diagnostics: [Diagnostic] {
        pages.flatMap(\.diagnostics)
    }

    /// The transcripts of `published` that differ from the planned ones, by
    /// place; nil when the difference is more than words (a transcript
    /// added, removed, moved, or its front matter changed), which only a
    /// whole plan can follow.
    func changes(to published: [Document]) -> [Int: Document]? {
        guard published.count == transcripts.count else { return nil }
        var changes: [Int: Document] = [:]
        for document in published {
            guard let position = positions[document.path] else { return nil }
            let planned = transcripts[position]
            guard planned.revision != document.revision else { continue }
            guard planned.listingRevision == document.listingRevision, document.listingRevision != 0,
                  planned.slug == document.slug else { return nil }
            changes[position] = document
        }
        return changes
    }
}

/// One transcript's page as planned.
struct TranscriptPlan: Sendable {
    var page: PlannedPage
    /// Its data files (docs/exports.md).
    var exports: [PlannedPage]
    /// The body's and the links' diagnostics, in display order.
    var diagnostics: [Diagnostic]
    /// Its links to other transcripts, for their "Cited by" lists.
    var citing: [Citation]
    /// Slugs of the transcripts its links name.
    var linked: Set<String>
    var related: [Document]
}

extension SiteBuilder {
    /// What planning every page needs beside the transcripts and their bodies.
    struct PlanningContext {
        var renderer: PageRenderer
        var rendering: BodyRendering
        var speakers: [Speaker]
        var seed: UInt64
        /// A check lists every quotation, those it cannot check too; a build
        /// needs only the checked ones, which pages and warnings show.
        var listsUncheckedQuotes = false
        /// Where the search plan is kept between builds (``SearchPlanCache``); nil for none.
        var searchCache: String?
    }

    /// The whole site planned: the index and relations of every transcript,
    /// then every page.
    func planSite(
        _ transcripts: [Document], bodies: [RememberedBody], context: PlanningContext, timings: inout BuildTimings
    ) -> SitePlan {
        // The site's own pages need the transcripts' order and turns only,
        // not the index: they are planned beside it, on the other core.
        enum Part: Sendable {
            case relations(SiteRelations, citing: [[Citation]])
            case sitePages(SitePages)
        }
        @Sendable func relate() -> (SiteRelations, [[Citation]]) {
            let index = SiteIndex(
                documents: zip(transcripts, bodies).map { IndexedDocument($0, anchors: $1.survey.anchors) },
                speakers: context.speakers
            )
            let citing = zip(transcripts, bodies).map { index.citations(from: $0, survey: $1.survey) }
            return (SiteRelations(transcripts: transcripts, citing: citing, index: index), citing)
        }
        let parts = timings.measure("index, relate and plan site pages") {
            [0, 1].parallelMap { part -> Part in
                if part == 1 { return .sitePages(planSitePages(transcripts, bodies: bodies, context: context)) }
                let (relations, citing) = relate()
                return .relations(relations, citing: citing)
            }
        }
        var related: (SiteRelations, [[Citation]])?
        var planned: SitePages?
        for part in parts {
            switch part {
            case .relations(let relations, let citing): related = (relations, citing)
            case .sitePages(let pages): planned = pages
            }
        }
        let (relations, citing) = related ?? relate()
        let site = planned ?? planSitePages(transcripts, bodies: bodies, context: context)
        let quotes = timings.measure("check quotations") {
            checkQuotes(
                transcripts, quotations: bodies.map(\.survey.quotations),
                rendering: context.rendering, speakers: context.speakers, listingUnchecked: context.listsUncheckedQuotes,
                body: { bodies.indices.contains($0) ? bodies[$0] : nil }
            )
        }
        let pages = timings.measure("plan transcript pages") {
            Array(transcripts.indices).parallelMap { position in
                planTranscript(
                    transcripts[position], bodies[position], citing: citing[position],
                    related: relations.related(to: transcripts[position].slug), neighbours: Self.neighbours(of: position, in: transcripts),
                    relations: relations, context: context, quotes: quotes.pages[transcripts[position].slug] ?? PageQuotes()
                )
            }
        }
        var linkers: [String: Set<Int>] = [:]
        for (position, page) in pages.enumerated() {
            for slug in page.linked { linkers[slug, default: []].insert(position) }
        }
        let search = timings.measure("plan the search index") {
            context.rendering.search
                ? SearchPlan(transcripts: transcripts, bodies: bodies, context: context, cachePath: context.searchCache) : SearchPlan()
        }
        return SitePlan(
            seed: context.seed, transcripts: transcripts,
            positions: Dictionary(transcripts.enumerated().map { ($1.path, $0) }, uniquingKeysWith: { first, _ in first }),
            relations: relations, pages: pages, linkers: linkers, appearances: site.appearances,
            speakerPages: site.speakerPages, speakersIndexPage: site.speakersIndexPage, listPages: site.lists, planned: pages.count,
            search: search, quotes: quotes
        )
    }

    /// Every page that is not a transcript's: speakers', lists, fixed pages, assets.
    struct SitePages: Sendable {
        var appearances: [SpeakerAppearances]
        var speakerPages: [[PlannedPage]]
        var speakersIndexPage: PlannedPage
        var lists: [PlannedPage]
    }

    private func planSitePages(_ transcripts: [Document], bodies: [RememberedBody], context: PlanningContext) -> SitePages {
        // The registry in its order, the first of a repeated id winning, as the renderer lists it.
        var seen: Set<String> = []
        let registry = context.speakers.filter { seen.insert($0.id).inserted }
        let appearances = SpeakerAppearances.all(speakers: registry, documents: transcripts, turns: bodies.map(\.survey.turns))
        let renderer = context.renderer
        let seed = context.seed
        let speakerPages = appearances.map { renderer.planSpeakerPages($0, seed: seed) }
        let speakersIndexPage = renderer.planSpeakersIndexPage(appearances: appearances, seed: seed)
        var lists = renderer.planHomePages(documents: transcripts, seed: seed)
        lists += renderer.planArchivePages(documents: transcripts, seed: seed)
        lists += renderer.planTopicPages(documents: transcripts, seed: seed)
        lists += renderer.planFixedPages(seed: seed)
        let published = transcripts.map { SiteURL.pageFile(forSlug: $0.slug) }
            + ([speakersIndexPage] + speakerPages.flatMap { $0 } + lists).map(\.path)
        lists += renderer.planSitemaps(paths: published.filter { $0.hasSuffix(".html") }, seed: seed)
        // Dated by the newest transcript, never by the clock, so that the same
        // content always gives the same feed.
        if let feed = renderer.planFeed(documents: transcripts, now: Self.feedDate(transcripts), seed: seed) { lists.append(feed) }
        if let annotations = renderer.planSiteAnnotations(slugs: transcripts.map(\.slug), seed: seed) { lists.append(annotations) }
        for (path, bytes) in renderer.assets.sorted(by: { $0.key < $1.key }) {
            var key = StableHasher()
            key.combine(bytes)
            lists.append(PlannedPage(path: path, key: key.value) { bytes })
        }
        return SitePages(appearances: appearances, speakerPages: speakerPages, speakersIndexPage: speakersIndexPage, lists: lists)
    }

    /// `plan` brought up to date with transcripts whose words alone changed
    /// (``SitePlan/changes(to:)``), each given by place with its new body
    /// and the one it had: the pages those words reach are planned again,
    /// the others kept. `bodies` holds every transcript's body by path.
    func replan(
        _ plan: inout SitePlan, changes: [Int: (document: Document, body: RememberedBody, before: RememberedBody?)],
        bodies: [String: RememberedBody], context: PlanningContext
    ) {
        var changedSlugs: Set<String> = []
        var reanchored: [String] = []
        for (position, change) in changes {
            let slug = change.document.slug
            plan.transcripts[position] = change.document
            plan.relations.documents[slug] = change.document
            changedSlugs.insert(slug)
            if plan.relations.index.document(forSlug: slug)?.anchors != change.body.survey.anchors {
                plan.relations.index.replaceAnchors(ofSlug: slug, with: change.body.survey.anchors)
                reanchored.append(slug)
            }
        }
        // "Cited by" lists of whatever the changed transcripts linked to before or link to now.
        var citing: [Int: [Citation]] = [:]
        var cited: Set<String> = []
        for (position, change) in changes {
            let now = plan.relations.index.citations(from: change.document, survey: change.body.survey)
            citing[position] = now
            cited.formUnion(now.map(\.toSlug))
            cited.formUnion(plan.pages[position].citing.map(\.toSlug))
        }
        let newCitations = citing.values.flatMap { $0 }
        for slug in cited {
            let kept = (plan.relations.citations[slug] ?? []).filter { !changedSlugs.contains($0.fromSlug) }
            plan.relations.citations[slug] = SiteIndex.backlinks(kept + newCitations.filter { $0.toSlug == slug })[slug]
        }
        // The changed transcripts, what they cite or cited, and whatever
        // links to a transcript whose anchors changed.
        var affected = Set(changes.keys)
        for slug in cited {
            if let path = plan.relations.documents[slug]?.path, let position = plan.positions[path] { affected.insert(position) }
        }
        for slug in reanchored { affected.formUnion(plan.linkers[slug] ?? []) }
        // The quote check again, whole: an article whose quotations now
        // read differently, and a transcript quoted differently, are planned
        // again too.
        let quotes = checkQuotes(
            plan.transcripts, quotations: plan.transcripts.indices.map { bodies[plan.transcripts[$0].path]?.survey.quotations ?? [] }, rendering: context.rendering, speakers: context.speakers,
            listingUnchecked: context.listsUncheckedQuotes, body: { [transcripts = plan.transcripts] in transcripts.indices.contains($0) ? bodies[transcripts[$0].path] : nil },
            memory: plan.quotes.memory
        )
        for slug in Set(quotes.pages.keys).union(plan.quotes.pages.keys) where quotes.pages[slug] != plan.quotes.pages[slug] {
            if let path = plan.relations.documents[slug]?.path, let position = plan.positions[path] { affected.insert(position) }
        }
        plan.quotes = quotes
        // Only what the workers read, so that no copy of the plan's arrays is made.
        let citations = citing
        let work = affected.map {
            (position: $0, document: plan.transcripts[$0], earlier: plan.pages[$0], neighbours: Self.neighbours(of: $0, in: plan.transcripts))
        }
        let relations = plan.relations
        let replanned = work.parallelMap { item -> (Int, TranscriptPlan) in
            guard let body = changes[item.position]?.body ?? bodies[item.document.path] else { return (item.position, item.earlier) }
            return (item.position, planTranscript(
                item.document, body, citing: citations[item.position] ?? item.earlier.citing, related: item.earlier.related,
                neighbours: item.neighbours, relations: relations, context: context, quotes: quotes.pages[item.document.slug] ?? PageQuotes()
            ))
        }
        plan.planned = replanned.count
        for (position, page) in replanned {
            let before = plan.pages[position].linked
            for slug in before.subtracting(page.linked) { plan.linkers[slug]?.remove(position) }
            for slug in page.linked.subtracting(before) { plan.linkers[slug, default: []].insert(position) }
            plan.pages[position] = page
        }
        // The pages of every speaker who speaks in a changed transcript, before or now.
        let slots = Dictionary(plan.appearances.enumerated().map { ($1.speaker.id, $0) }, uniquingKeysWith: { first, _ in first })
        var speakersChanged = false
        for (position, change) in changes {
            let turns = change.body.survey.turns
            let speaking = Set(turns.map(\.speakerID)).union(change.before?.survey.turns.map(\.speakerID) ?? [])
            for id in speaking.sorted() {
                guard let slot = slots[id], let change = plan.appearances[slot].update(plan.transcripts[position], turns: turns) else { continue }
                speakersChanged = true
                let appearances = plan.appearances[slot]
                switch change {
                case .replaced(let index):
                    for number in Set([1, PageRenderer.speakerPageNumber(holding: index)]) where number <= plan.speakerPages[slot].count {
                        plan.speakerPages[slot][number - 1] = context.renderer.planSpeakerPage(appearances, number: number, seed: context.seed)
                    }
                case .moved:
                    plan.speakerPages[slot] = context.renderer.planSpeakerPages(appearances, seed: context.seed)
                }
            }
        }
        if speakersChanged {
            plan.speakersIndexPage = context.renderer.planSpeakersIndexPage(appearances: plan.appearances, seed: context.seed)
        }
        // The search index's files that hold the changed transcripts' terms, before or now.
        plan.search.update(changes.mapValues { (document: $0.document, body: $0.body) }, context: context)
    }

    /// The slugs of the transcripts before and after the one at `position`,
    /// which its page of the site-wide annotation collection links to.
    static func neighbours(of position: Int, in transcripts: [Document]) -> (previous: String?, next: String?) {
        (position > 0 ? transcripts[position - 1].slug : nil, position + 1 < transcripts.count ? transcripts[position + 1].slug : nil)
    }

    /// One transcript's page and data files: its links resolved (and the
    /// broken ones reported), and each file keyed by what it shows.
    func planTranscript(
        _ document: Document, _ remembered: RememberedBody, citing: [Citation], related: [Document],
        neighbours: (previous: String?, next: String?), relations: SiteRelations, context: PlanningContext,
        quotes: PageQuotes = PageQuotes()
    ) -> TranscriptPlan {
        let body = remembered.body
        var linked: Set<String> = []
        var bodyKey = StableHasher()
        var found = body.diagnostics
        let resolutions = body.pendingLinks.map { reference -> LinkResolution in
            switch relations.index.resolve(reference.destination, from: document.path) {
            case .external:
                bodyKey.combine(0)
                return .keep
            case .page(let url, let slug, _):
                if let slug { linked.insert(slug) }
                bodyKey.combine(url)
                return .replace(url)
            case .broken(let message, let note):
                bodyKey.combine(1)
                found.append(.error(at: reference.location, message, note: note))
                return .broken(message: message, note: note)
            }
        }
        let rendering = context.rendering
        let bodyHTML: @Sendable () -> String = { rendering.filledHTML(of: remembered, for: document, resolutions: resolutions) }
        let hasTimestamps = remembered.survey.turns.contains { $0.seconds != nil }
        let page = context.renderer.planTranscriptPage(
            document: document, bodyKey: bodyKey.value, body: bodyHTML,
            citations: relations.citations[document.slug] ?? [],
            related: related,
            documents: relations.documents, seed: context.seed, hasTimestamps: hasTimestamps, quotes: quotes
        )
        let exports = context.renderer.planTranscriptExports(
            document: document, bodyKey: bodyKey.value, body: bodyHTML, hasTimestamps: hasTimestamps,
            neighbours: neighbours, seed: context.seed
        )
        return TranscriptPlan(
            page: page, exports: exports, diagnostics: found.sortedForDisplay(), citing: citing, linked: linked, related: related
        )
    }
}
