import Foundation
import Synchronization
import GlossContent
import GlossMarkdown
import GlossModel
import GlossSearch
import GlossRender
import GlossSite

/// Turns a content folder into a site: load the content, compile the theme,
/// render each transcript (Markdown, page, file), render the site-wide pages,
/// then swap the finished site into place.
///
/// Every step collects diagnostics instead of stopping, so one run reports every
/// problem. Nothing is written to the output unless the whole run is free of
/// errors; the pages are written to a staging directory and swapped in at the end.
public struct SiteBuilder: Sendable {
    public var settings: BuildSettings
    var fileSystem: any ContentFileSystem
    var policy: OutputDirectoryPolicy

    public init(settings: BuildSettings, fileSystem: any ContentFileSystem = LocalFileSystem(), policy: OutputDirectoryPolicy = OutputDirectoryPolicy()) {
        self.settings = settings
        self.fileSystem = fileSystem
        self.policy = policy
    }

    /// Everything `build()` does except writing.
    public func check() -> BuildOutcome {
        var memory = BuildMemory(keepsContent: false)
        let outcome = run(memory: &memory, output: nil, cache: nil)
        retire(memory)
        return outcome
    }

    /// Builds the site and, if there were no errors, puts it in place of the
    /// output directory, writing only the pages that changed since the last
    /// build, or nothing at all when no input did.
    public func build() -> BuildOutcome {
        var memory = BuildMemory(keepsContent: false)
        let outcome = build(memory: &memory, changed: [], skipIfUnchanged: true)
        retire(memory)
        return outcome
    }

    /// A rebuild that reuses what `memory` kept of the last one, and keeps
    /// this one's for the next.
    ///
    /// - Parameters:
    ///   - changed: paths relative to the content directory that changed,
    ///     whatever their stamps say (a file watcher's report). When `memory`
    ///     holds the last build's content, the report is trusted: only the
    ///     files it names are looked at, unless it names a folder,
    ///     `site.yaml` or `speakers.yaml`, when the whole directory is walked.
    ///     An empty report walks the whole directory.
    ///   - skipIfUnchanged: when every input has the stamp it had at the last
    ///     build, and that build reported nothing, leave the output as it is.
    public func build(memory: inout BuildMemory, changed: Set<String>, skipIfUnchanged: Bool = false) -> BuildOutcome {
        // Kept until a load has read them, whatever stops this build first.
        memory.unloaded.formUnion(changed)
        if let refusal = policy.refusal(
            output: settings.outputDirectory,
            displayPath: settings.outputDirectory,
            protected: [
                (settings.contentDirectory, settings.contentDirectory),
                (settings.templatesDirectory, settings.templatesDirectory),
            ]
        ) {
            return BuildOutcome(diagnostics: [.error(at: nil, refusal)], pageCount: 0)
        }
        let generations = OutputGenerations(outputPath: settings.outputDirectory)
        // Stamped before loading only to tell that nothing changed: a rebuild
        // that goes ahead stamps what its load walked instead of walking twice.
        var inputStamp: UInt64 = 0
        var preparation = BuildTimings(progress: settings.progress)
        var walked: ContentListing?
        if skipIfUnchanged {
            let unchanged = preparation.measure("look for changes") { () -> OutputGenerations.Manifest? in
                walked = ContentLoader(fileSystem: fileSystem).walk(directory: settings.contentDirectory, displayPath: settings.contentDirectory)
                inputStamp = self.inputStamp(contentStamps: walked?.stamps)
                guard let live = generations.manifest(of: generations.output, known: memory.manifests)?.manifest,
                      live.clean, live.inputStamp == inputStamp else { return nil }
                return live
            }
            if let unchanged {
                return BuildOutcome(diagnostics: [], pageCount: unchanged.pageCount, pagesWritten: 0, timings: preparation)
            }
        }
        let output: (staging: StagingDirectory, baseline: OutputGenerations.Manifest?)
        do {
            output = try preparation.measure("prepare the output") { try generations.prepareStaging(known: memory.manifests) }
        } catch {
            return BuildOutcome(diagnostics: [.error(at: nil, "cannot prepare the output: \(error)")], pageCount: 0)
        }
        var outcome = run(memory: &memory, output: output, cache: generations.cache, walked: walked)
        outcome.timings.prepend(preparation)
        guard !outcome.diagnostics.hasErrors else {
            output.staging.discard()
            return outcome
        }
        do {
            if let stamps = memory.content?.stamps {
                inputStamp = outcome.timings.measure("record the page keys") {
                    self.inputStamp(contentStamps: stamps, themeHash: memory.themeHash)
                }
            }
            let manifest = OutputGenerations.Manifest(
                inputStamp: inputStamp, clean: outcome.diagnostics.isEmpty, pageCount: outcome.pageCount,
                paths: outcome.paths, keys: outcome.fileKeys
            )
            let committed = try outcome.timings.measure("swap the site in") { try generations.commit(output.staging, manifest: manifest) }
            // The two live generations' manifests, for the next rebuild in this process.
            memory.manifests = memory.manifests.filter { $0.key == committed.kept }
            memory.manifests[committed.id] = manifest
        } catch {
            output.staging.discard()
            outcome.diagnostics.append(.error(at: nil, "cannot put the new site in place: \(error)"))
        }
        return outcome
    }

    /// The pipeline, read top to bottom. `output` is nil for a check, which
    /// plans every page but renders none; so is `cache`, the directory where
    /// decoded transcripts and rendered bodies are kept for the next build.
    private func run(
        memory: inout BuildMemory, output: (staging: StagingDirectory, baseline: OutputGenerations.Manifest?)?, cache: String?,
        walked: ContentListing? = nil
    ) -> BuildOutcome {
        var diagnostics: [Diagnostic] = []
        var timings = BuildTimings(progress: settings.progress)
        let documentCache = cache.map { DocumentCache(path: $0 + "/documents", stamp: Self.executableStamp) }
        var content = timings.measure("load content") {
            // A process's first build takes what an earlier one decoded; the
            // next ones reuse their own load.
            var known: [UInt64: KnownDocument] = [:]
            if memory.content == nil, let documentCache { (known, memory.cachedDocuments) = documentCache.read() }
            let loaded = load(reusing: memory.content, changed: memory.unloaded, known: known, walked: walked, into: &diagnostics)
            memory.unloaded = []
            if let documentCache { memory.cachedDocuments = documentCache.write(loaded, over: memory.cachedDocuments) }
            return loaded
        }
        memory.content = content
        let bodyStore = cache.map { $0 + "/bodies" }
        guard let (renderer, theme) = timings.measure("compile theme", { compileTheme(for: content, into: &diagnostics) }) else {
            return BuildOutcome(diagnostics: diagnostics, pageCount: 0, timings: timings)
        }
        let themeHash = Self.hash(theme)
        memory.themeHash = themeHash
        let seed = seed(content: content, themeHash: themeHash)
        if memory.seed != seed { memory.bodies = [:] }
        memory.seed = seed
        if let bodyStore, memory.store?.directory != bodyStore {
            let opened = timings.measure("read the body store") { BodyStore.open(directory: bodyStore, seed: seed) }
            memory.store = opened.store
            if memory.bodies.isEmpty { memory.bodies = opened.bodies }
        } else if bodyStore == nil {
            memory.store = nil
        }
        let options = markdownOptions(for: content, renderer: renderer)
        let registry = Self.registry(content.speakers)
        let rendering = BodyRendering(
            registry: registry, options: options, store: memory.store, reload: reload, search: content.config.options.search,
            keepsPassages: content.documents.contains { $0.frontMatter.kind == "article" }, markdown: markdownBody
        )
        var context = PlanningContext(renderer: renderer, rendering: rendering, speakers: content.speakers, seed: seed)
        context.listsUncheckedQuotes = output == nil
        context.searchCache = cache.map { $0 + "/" + SearchPlanCache.fileName }
        let published = content.documents.filter(isPublished)
        var sitePlan: SitePlan
        var rendered = 0
        if var earlier = memory.plan.take(), earlier.seed == seed, let changes = earlier.changes(to: published) {
            timings.measure("plan what the edit reaches") {
                let remembered = memory.bodies
                let updates = Array(changes).parallelMap { position, document in
                    (position, (document: document, body: rendering.remember(document), before: remembered[document.path]))
                }
                for (_, update) in updates { memory.bodies[update.document.path] = update.body }
                rendered = updates.count
                replan(&earlier, changes: Dictionary(updates, uniquingKeysWith: { first, _ in first }), bodies: memory.bodies, context: context)
            }
            sitePlan = earlier
        } else {
            // Newest first once, so that every list of the site is already in order.
            var transcripts = timings.measure("order the transcripts") { PageRenderer.sortedNewestFirst(published) }
            if !memory.keepsContent {
                // The transcripts' only holder from here on, so that each one's
                // Markdown can go once rendered; the stamps are still wanted.
                content.documents = []
                content.transcriptFiles = [:]
                memory.content = content
            }
            let bodies: [RememberedBody]
            (bodies, rendered) = timings.measure("render Markdown") {
                renderBodies(&transcripts, rendering: rendering, memory: &memory)
            }
            sitePlan = planSite(transcripts, bodies: bodies, context: context, timings: &timings)
        }
        diagnostics += sitePlan.diagnostics
        // Made again whole by every plan and replan, from the bodies'
        // surveys: its warnings do not depend on what the last build kept.
        let quotes = sitePlan.quotes
        diagnostics += quotes.diagnostics
        let plan = timings.measure("list the pages") { sitePlan.allPages }
        let pageCount = plan.count { $0.path.hasSuffix(".html") }
        var written = 0
        var samePaths = false
        if let output, !diagnostics.hasErrors {
            (written, samePaths) = timings.measure("render and write changed pages") {
                write(plan, to: output.staging, baseline: output.baseline, into: &diagnostics)
            }
        }
        if let store = memory.store {
            timings.measure("keep the build cache") {
                memory.bodies = store.commit(memory.bodies, seed: seed)
                // After the commit, which may move summaries to this build's pack.
                if let path = context.searchCache { sitePlan.search.persist(to: path, bodies: memory.bodies) }
            }
        }
        // Only a plan free of errors is worth building on: every link in it resolved.
        if memory.keepsContent, !diagnostics.hasErrors { memory.plan = sitePlan } else { retire(sitePlan) }
        retire(plan)
        var outcome = BuildOutcome(diagnostics: diagnostics, pageCount: pageCount, pagesWritten: written, timings: timings)
        // Only a build records a manifest: a check neither keys nor hashes its paths.
        if let output {
            outcome.timings.measure("record the page keys") {
                outcome.fileKeys = plan.map(\.key)
                // The same paths keep the baseline's list, as the plan's own
                // strings once, so that the next rebuild compares references.
                if samePaths, let baseline = output.baseline?.paths {
                    outcome.paths = baseline.isRead ? OutputGenerations.PathList(plan.map(\.path), id: baseline.id) : baseline
                } else {
                    outcome.paths = OutputGenerations.PathList(plan.map(\.path))
                }
            }
        }
        outcome.quotes = quotes.listings
        outcome.bodiesRendered = rendered
        outcome.transcriptPagesPlanned = sitePlan.planned
        outcome.searchShardsKeyed = sitePlan.search.shardsKeyed
        return outcome
    }

    /// Renders and writes the pages whose key differs from the staging
    /// directory's, on all cores, and removes the files no longer planned.
    /// Returns how many were written, and whether the plan's paths are the
    /// baseline's, in the same order.
    private func write(
        _ plan: [PlannedPage], to staging: StagingDirectory, baseline: OutputGenerations.Manifest?, into diagnostics: inout [Diagnostic]
    ) -> (written: Int, samePaths: Bool) {
        // The baseline was planned by a build of the same site, so it lists
        // the same paths in the same order unless pages came or went: compared
        // place by place, with a table of its paths made only for the rest.
        let paths = baseline?.paths.paths ?? [], keys = baseline?.keys ?? []
        var kept = 0
        var inPlace = 0
        var byPath: [String: UInt64]?
        let stale = plan.indices.compactMap { index -> PlannedPage? in
            let key: UInt64?
            if index < paths.count, paths[index] == plan[index].path {
                key = keys[index]
                inPlace += 1
            } else {
                if byPath == nil {
                    byPath = Dictionary(zip(paths, keys), uniquingKeysWith: { first, _ in first })
                }
                key = byPath?[plan[index].path]
            }
            guard let key else { return plan[index] }
            kept += 1
            return key == plan[index].key ? nil : plan[index]
        }
        let samePaths = inPlace == plan.count && plan.count == paths.count
        let written = Mutex(0)
        // The files of one folder that follow each other in the plan (a
        // transcript's page and its data files, which share one reading of
        // its body) go to one worker: split between workers, one would wait
        // for the other's reading of the body.
        diagnostics += Self.folderRuns(stale).parallelMap { run -> [Diagnostic] in
            stale[run].compactMap { page -> Diagnostic? in
                do {
                    try staging.write(page.make(), to: page.path)
                    if let progress = settings.progress {
                        let done = written.withLock { count in
                            count += 1
                            return count
                        }
                        progress(BuildProgress(step: "render and write changed pages", done: done, total: stale.count))
                    }
                    return nil
                } catch {
                    return .error(at: nil, "cannot write \(page.path): \(error)")
                }
            }
        }.flatMap { $0 }
        // Every file the staging directory holds is planned again (the usual
        // rebuild): nothing to remove, and no set of every path to make.
        guard kept < paths.count else { return (stale.count, samePaths) }
        let planned = Set(plan.map(\.path))
        for path in paths where !planned.contains(path) && path != OutputDirectoryPolicy.markerName {
            staging.remove(path)
        }
        return (stale.count, samePaths)
    }

    /// The pages as runs of consecutive ones in the same folder, in order.
    static func folderRuns(_ pages: [PlannedPage]) -> [Range<Int>] {
        func folder(_ path: String) -> Substring {
            path.lastIndex(of: "/").map { path[..<$0] } ?? ""
        }
        var runs: [Range<Int>] = []
        var start = 0
        for index in pages.indices.dropFirst() where folder(pages[index].path) != folder(pages[index - 1].path) {
            runs.append(start..<index)
            start = index
        }
        if !pages.isEmpty { runs.append(start..<pages.count) }
        return runs
    }

    /// Keeps `value` until the process ends when ``BuildSettings/freesMemory`` is off.
    private func retire(_ value: some Sendable) {
        guard !settings.freesMemory else { return }
        Self.retired.withLock { $0.append(value) }
    }

    private static let retired = Mutex<[any Sendable]>([])

    /// Hashes everything a build reads, by stamp: the content files, the
    /// templates (loaded now unless their hash is given), the settings and
    /// the gloss binary.
    private func inputStamp(contentStamps stamps: [String: UInt64]?, themeHash: UInt64? = nil) -> UInt64 {
        var hasher = StableHasher()
        guard let stamps else { return 0 }
        // A sum of each file's hash: the same whatever order the files come
        // in, so that ten thousand paths need no sort on every rebuild.
        var files: UInt64 = 0
        for (path, stamp) in stamps {
            var file = StableHasher()
            file.combine(path)
            file.combine(stamp)
            files &+= file.value
        }
        hasher.combine(stamps.count)
        hasher.combine(files)
        hasher.combine(themeHash ?? Self.hash(Theme.load(overridesFrom: settings.templatesDirectory, displayPath: settings.templatesDirectory).0))
        hasher.combine(settingsHash)
        if let today = settings.today { hasher.combine(today.description) }
        return hasher.value
    }

    /// The seed of every page key: what every page may depend on.
    private func seed(content: LoadedContent, themeHash: UInt64) -> UInt64 {
        var hasher = StableHasher()
        hasher.combine(content.configRevision)
        hasher.combine(themeHash)
        hasher.combine(settingsHash)
        return hasher.value
    }

    private var settingsHash: UInt64 {
        var hasher = StableHasher()
        hasher.combine(settings.baseURL)
        hasher.combine(settings.includeDrafts)
        hasher.combine(Self.executableStamp)
        return hasher.value
    }

    private static func hash(_ theme: Theme) -> UInt64 {
        var hasher = StableHasher()
        for (path, bytes) in theme.files.sorted(by: { $0.key < $1.key }) {
            hasher.combine(path)
            hasher.combine(bytes)
        }
        return hasher.value
    }

    /// The running gloss itself: a new version may render the same input differently.
    private static let executableStamp: UInt64 = (try? LocalFileSystem().status(of: "/proc/self/exe"))??.stamp ?? 0

    /// Drafts and transcripts dated in the future wait for `--drafts`.
    private func isPublished(_ document: Document) -> Bool {
        if settings.includeDrafts { return true }
        if document.frontMatter.draft { return false }
        if let today = settings.today, let date = document.frontMatter.date, date > today { return false }
        return true
    }

    /// Content/: site.yaml, speakers.yaml and every transcript, decoded;
    /// transcripts unchanged since `previous` are taken from it.
    private func load(
        reusing previous: LoadedContent?, changed: Set<String>, known: [UInt64: KnownDocument], walked: ContentListing?,
        into diagnostics: inout [Diagnostic]
    ) -> LoadedContent {
        var content = ContentLoader(fileSystem: fileSystem).load(
            directory: settings.contentDirectory, displayPath: settings.contentDirectory, reusing: previous, changed: changed, known: known,
            walked: walked
        )
        diagnostics += content.diagnostics
        if let baseURL = settings.baseURL { content.config.baseURL = baseURL }
        return content
    }

    /// The built-in theme with the site's own templates laid over it, compiled.
    private func compileTheme(for content: LoadedContent, into diagnostics: inout [Diagnostic]) -> (PageRenderer, Theme)? {
        if settings.templatesDirectoryRequired, (try? fileSystem.status(of: settings.templatesDirectory))??.kind != .directory {
            diagnostics.append(.error(at: nil, "templates directory \"\(settings.templatesDirectory)\" does not exist"))
        }
        let (theme, themeDiagnostics) = Theme.load(overridesFrom: settings.templatesDirectory, displayPath: settings.templatesDirectory)
        diagnostics += themeDiagnostics
        do {
            return (try PageRenderer(theme: theme, site: content.config, speakers: content.speakers), theme)
        } catch {
            diagnostics += error.diagnostics
            return nil
        }
    }

    private func markdownOptions(for content: LoadedContent, renderer: PageRenderer) -> MarkdownOptions {
        MarkdownOptions(
            unsafeHTML: content.config.options.unsafeHTML,
            smartPunctuation: content.config.options.smartPunctuation,
            reservedIDs: renderer.templateIDs
        )
    }

    /// The first pass: each transcript's Markdown, rendered once, with its
    /// cross-references left as holes, since they can be checked only once
    /// every transcript's anchors are known. A body `memory` holds for the
    /// same revision is reused. Each body's HTML goes to the body store as
    /// soon as it is rendered, so that the build does not hold them all.
    /// Also returns how many bodies were rendered.
    private func renderBodies(
        _ transcripts: inout [Document], rendering: BodyRendering, memory: inout BuildMemory
    ) -> ([RememberedBody], Int) {
        let remembered = memory.bodies
        let rendered = Atomic(0)
        let releasing = !memory.keepsContent
        let bodies = transcripts.withUnsafeMutableBufferPointer { buffer in
            let slots = DocumentSlots(buffer)
            return Array(buffer.indices).parallelMap { index -> RememberedBody in
                let document = slots[index]
                // A document without its Markdown past this point: the rest
                // of the build reads its front matter only.
                if releasing { slots[index] = document.withoutBody() }
                if let earlier = remembered[document.path], earlier.revision == document.revision { return earlier }
                rendered.add(1, ordering: .relaxed)
                return rendering.remember(document)
            }
        }
        memory.bodies = Dictionary(zip(transcripts.map(\.path), bodies), uniquingKeysWith: { first, _ in first })
        return (bodies, rendered.load(ordering: .relaxed))
    }

    /// The transcripts being rendered, each slot read and written by the one
    /// worker that renders it.
    private struct DocumentSlots: @unchecked Sendable {
        let buffer: UnsafeMutableBufferPointer<Document>

        init(_ buffer: UnsafeMutableBufferPointer<Document>) {
            self.buffer = buffer
        }

        subscript(index: Int) -> Document {
            get { buffer[index] }
            nonmutating set { buffer[index] = newValue }
        }
    }

    /// A transcript read again from the content directory (see ``BodyRendering``).
    private func reload(_ document: Document) -> Document? {
        ContentLoader(fileSystem: fileSystem).reload(document.path, directory: settings.contentDirectory, displayPath: settings.contentDirectory)
    }

    /// How a transcript's body is rendered, and found again once rendered.
    struct BodyRendering: Sendable {
        var registry: [String: Speaker]
        var options: MarkdownOptions
        var store: BodyStore?
        /// The document as read again from its file, for a build that let
        /// its Markdown go after rendering and then finds a stored body
        /// damaged.
        var reload: @Sendable (Document) -> Document?
        /// Whether bodies are surveyed for the search index (`options.search`).
        var search = true
        /// Whether each body's passages go to the store even when search is
        /// off: on a site with articles, whose quotations the quote check
        /// checks against the other transcripts' passages, read from there
        /// rather than rendered again.
        var keepsPassages = false
        /// A transcript's Markdown read again from its file without decoding
        /// its front matter, when that reads it as loading did (nil: it may
        /// not): for the quote check, which reads many bodies again.
        var markdown: @Sendable (Document) -> String? = { _ in nil }

        /// The document with its Markdown: as it is, or read again.
        func loaded(_ document: Document) -> Document {
            guard document.isBodyElided else { return document }
            if let body = markdown(document) {
                var loaded = document
                loaded.body = body
                return loaded
            }
            return reload(document) ?? document
        }

        func render(_ document: Document) -> RenderedMarkdown {
            // A transcript taken from the document cache by its stamps comes
            // without its Markdown: read it now that it is needed.
            let document = document.isBodyElided ? reload(document) ?? document : document
            var options = options
            options.transcript = SiteBuilder.transcriptContext(of: document, registry: registry)
            return MarkdownRenderer.renderDeferringLinks(document.body, options: options, file: document.displayPath, firstLine: document.bodyStartLine)
        }

        /// The body rendered and surveyed, its HTML put in the store.
        func remember(_ document: Document) -> RememberedBody {
            // A transcript taken from the document cache comes without its
            // Markdown, which the survey reads for quotations: read once here,
            // so that render() finds it loaded.
            let document = document.isBodyElided ? reload(document) ?? document : document
            var body = render(document)
            var survey = TranscriptSurvey(document, rendered: body, search: search)
            if search || keepsPassages, let store {
                // For search, as its index reads them; for the quote check
                // alone, in a form much quicker to write and read.
                let passages = search ? String(decoding: SearchIndex.passagesJSON(TranscriptSurvey.searchPassages(body)), as: UTF8.self)
                    : SiteBuilder.storedPassages(body.passages)
                survey.searchPassages = store.append(passages).map { .stored($0) } ?? .inMemory(passages)
            }
            if search, let store {
                // Kept in memory too, for this build's shards; the next build
                // in a new process reads only those of the shards it changes.
                survey.searchTermsStored = store.append(String(decoding: survey.searchTerms, as: UTF8.self))
            }
            // The survey keeps what the rest of the build needs of these; the
            // passages' text alone is as large as the transcript.
            body.passages = []
            body.links = []
            body.headings = []
            let html: BodyHTML = if let store {
                store.append(body.htmlBytes).map { .stored($0) } ?? .inMemory(body.html)
            } else {
                .dropped
            }
            body.htmlBytes = []
            return RememberedBody(revision: document.revision, body: body, html: html, survey: survey)
        }

        /// The body's HTML with its links as holes: from memory or the store,
        /// or rendered again when the store lost it.
        func html(of remembered: RememberedBody, for document: Document) -> RenderedMarkdown {
            var body = remembered.body
            switch remembered.html {
            case .inMemory(let html): body.html = html
            case .stored(let location):
                guard let html = store?.readBytes(location) else { fallthrough }
                body.htmlBytes = html
            case .dropped:
                // A transcript changed on disk since it was loaded renders as
                // it is now; its page key names the old revision, so the next
                // build writes the page again.
                body.htmlBytes = render(document).htmlBytes
            }
            return body
        }

        /// A transcript's body HTML with its links filled by `resolutions`.
        /// A stored body is filled from the bytes read, which become a
        /// string once rather than twice.
        func filledHTML(of remembered: RememberedBody, for document: Document, resolutions: [LinkResolution]) -> String {
            if case .stored(let location) = remembered.html, let bytes = store?.readBytes(location) {
                return bytes.withUnsafeBufferPointer { remembered.body.fillingLinks(resolutions, in: $0).html }
            }
            return html(of: remembered, for: document).fillingLinks(resolutions).html
        }

        /// A transcript's summary of terms for search: from memory or the
        /// store, or made again when the store lost it.
        func searchTerms(of survey: TranscriptSurvey, for document: Document) -> [UInt8] {
            guard let stored = survey.searchTermsStored, survey.searchTerms.isEmpty else { return survey.searchTerms }
            if let bytes = store?.readBytes(stored) { return bytes }
            return TranscriptSurvey.searchTerms(document, rendered: render(document))
        }

        /// A transcript's passages for search (``SearchIndex/passagesJSON(_:)``):
        /// from memory or the store, or rendered again when the store lost them.
        func searchPassages(of remembered: RememberedBody, for document: Document) -> [UInt8] {
            switch remembered.survey.searchPassages {
            case .inMemory(let json): return Array(json.utf8)
            case .stored(let location):
                guard let json = store?.read(location) else { fallthrough }
                return Array(json.utf8)
            case .dropped:
                return SearchIndex.passagesJSON(TranscriptSurvey.searchPassages(render(document)))
            }
        }
    }

    static func registry(_ speakers: [Speaker]) -> [String: Speaker] {
        Dictionary(speakers.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// What the transcript dialect needs to know of a document: who speaks in
    /// it (with the role at this event), its recording and its range notes.
    static func transcriptContext(of document: Document, registry: [String: Speaker]) -> TranscriptContext {
        let speakers = document.frontMatter.speakers.map { appearance in
            let speaker = registry[appearance.id]
            return DeclaredSpeaker(
                id: appearance.id,
                name: speaker?.name ?? appearance.id,
                aliases: speaker?.aliases ?? [],
                role: appearance.role ?? speaker?.role
            )
        }
        // The loader accepts only absolute http(s) URLs for `source.url`.
        return TranscriptContext(
            speakers: speakers, media: document.frontMatter.media,
            annotations: document.annotations, sourceURL: document.frontMatter.source?.url
        )
    }

    /// Midnight UTC of the newest transcript's date (the epoch for a site with none).
    static func feedDate(_ transcripts: [Document]) -> Date {
        guard let newest = transcripts.compactMap(\.frontMatter.date).max(),
              let date = DateComponents(
                  calendar: Calendar(identifier: .gregorian), timeZone: TimeZone(identifier: "UTC"),
                  year: newest.year, month: newest.month, day: newest.day
              ).date
        else { return Date(timeIntervalSince1970: 0) }
        return date
    }
}
