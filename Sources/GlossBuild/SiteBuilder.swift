import Foundation
import GlossContent
import GlossMarkdown
import GlossModel
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
        run(staging: nil)
    }

    /// Builds the site and, if there were no errors, replaces the output directory with it.
    public func build() -> BuildOutcome {
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
        let staging: StagingDirectory
        do {
            staging = try StagingDirectory(outputPath: settings.outputDirectory)
        } catch {
            return BuildOutcome(diagnostics: [.error(at: nil, "cannot prepare the output: \(error)")], pageCount: 0)
        }
        var outcome = run(staging: staging)
        guard !outcome.diagnostics.hasErrors else {
            staging.discard()
            return outcome
        }
        do {
            try staging.commit()
        } catch {
            staging.discard()
            outcome.diagnostics.append(.error(at: nil, "cannot put the new site in place: \(error)"))
        }
        return outcome
    }

    /// The pipeline, read top to bottom. `staging` is nil for a check.
    private func run(staging: StagingDirectory?) -> BuildOutcome {
        var diagnostics: [Diagnostic] = []
        let content = load(into: &diagnostics)
        guard let renderer = compileTheme(for: content, into: &diagnostics) else {
            return BuildOutcome(diagnostics: diagnostics, pageCount: 0)
        }
        let transcripts = content.documents.filter(isPublished)
        let options = markdownOptions(for: content, renderer: renderer)
        let bodies = renderBodies(transcripts, of: content, options: options)
        let surveys = Array(zip(transcripts, bodies)).parallelMap { TranscriptSurvey($0, rendered: $1) }
        let index = SiteIndex(
            documents: zip(transcripts, surveys).map { IndexedDocument($0, anchors: $1.anchors) },
            speakers: content.speakers
        )
        let relations = SiteRelations(transcripts: transcripts, surveys: surveys, index: index)
        diagnostics += renderTranscripts(transcripts, bodies: bodies, relations: relations, with: renderer, into: staging)
        let (sitePages, siteDiagnostics) = renderSitePages(transcripts, relations: relations, with: renderer, into: staging)
        diagnostics += siteDiagnostics
        return BuildOutcome(diagnostics: diagnostics, pageCount: transcripts.count + sitePages)
    }

    /// Drafts and transcripts dated in the future wait for `--drafts`.
    private func isPublished(_ document: Document) -> Bool {
        if settings.includeDrafts { return true }
        if document.frontMatter.draft { return false }
        if let today = settings.today, let date = document.frontMatter.date, date > today { return false }
        return true
    }

    /// Content/: site.yaml, speakers.yaml and every transcript, decoded.
    private func load(into diagnostics: inout [Diagnostic]) -> LoadedContent {
        var content = ContentLoader(fileSystem: fileSystem)
            .load(directory: settings.contentDirectory, displayPath: settings.contentDirectory)
        diagnostics += content.diagnostics
        if let baseURL = settings.baseURL { content.config.baseURL = baseURL }
        return content
    }

    /// The built-in theme with the site's own templates laid over it, compiled.
    private func compileTheme(for content: LoadedContent, into diagnostics: inout [Diagnostic]) -> PageRenderer? {
        if settings.templatesDirectoryRequired, (try? fileSystem.status(of: settings.templatesDirectory))??.kind != .directory {
            diagnostics.append(.error(at: nil, "templates directory \"\(settings.templatesDirectory)\" does not exist"))
        }
        let (theme, themeDiagnostics) = Theme.load(overridesFrom: settings.templatesDirectory, displayPath: settings.templatesDirectory)
        diagnostics += themeDiagnostics
        do {
            return try PageRenderer(theme: theme, site: content.config, speakers: content.speakers)
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
    /// every transcript's anchors are known.
    private func renderBodies(_ transcripts: [Document], of content: LoadedContent, options: MarkdownOptions) -> [RenderedMarkdown] {
        let registry = Self.registry(content.speakers)
        return transcripts.parallelMap { document in
            var options = options
            options.transcript = Self.transcriptContext(of: document, registry: registry)
            return MarkdownRenderer.renderDeferringLinks(document.body, options: options, file: document.displayPath, firstLine: document.bodyStartLine)
        }
    }

    static func registry(_ speakers: [Speaker]) -> [String: Speaker] {
        Dictionary(speakers.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The second pass: links filled in, then a finished page and its file,
    /// one transcript at a time per core.
    private func renderTranscripts(
        _ transcripts: [Document], bodies: [RenderedMarkdown], relations: SiteRelations,
        with renderer: PageRenderer, into staging: StagingDirectory?
    ) -> [Diagnostic] {
        Array(zip(transcripts, bodies)).parallelMap { document, body in
            let (html, linkDiagnostics) = body.resolvingLinks(with: IndexLinkResolver(index: relations.index, path: document.path))
            let page = renderer.transcriptPage(TranscriptPageInput(
                document: document, bodyHTML: html,
                citations: relations.citations[document.slug] ?? [],
                related: relations.related(to: document.slug),
                documents: relations.documents
            ))
            var found = (body.diagnostics + linkDiagnostics).sortedForDisplay()
            do {
                try staging?.write(Array(page.utf8), to: SiteURL.pageFile(forSlug: document.slug))
            } catch {
                found.append(.error(at: SourceLocation(file: document.displayPath), "cannot write its page: \(error)"))
            }
            return found
        }.flatMap { $0 }
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

    /// Every page that is not a transcript's, and the theme's assets; returns
    /// how many HTML pages were made.
    private func renderSitePages(
        _ transcripts: [Document], relations: SiteRelations, with renderer: PageRenderer, into staging: StagingDirectory?
    ) -> (pages: Int, diagnostics: [Diagnostic]) {
        var pages: [(path: String, html: String)] = renderer.homePages(documents: transcripts)
        pages += renderer.archivePages(documents: transcripts)
        pages.append((PageRenderer.speakersIndexFile, renderer.speakersIndexPage(turns: relations.turns, documents: transcripts)))
        pages += renderer.speakerPages(turns: relations.turns, documents: transcripts)
        pages.append((PageRenderer.topicsIndexFile, renderer.topicsIndexPage(documents: transcripts)))
        pages += renderer.topicPages(documents: transcripts)
        pages.append((PageRenderer.notFoundFile, renderer.notFoundPage()))

        var files = pages.map { (path: $0.path, bytes: Array($0.html.utf8)) }
        let published = transcripts.map { SiteURL.pageFile(forSlug: $0.slug) } + pages.map(\.path)
        if let sitemap = renderer.sitemap(paths: published) {
            files.append((PageRenderer.sitemapFile, Array(sitemap.utf8)))
        }
        // Dated by the newest transcript, never by the clock, so that the same
        // content always gives the same feed.
        if let feed = renderer.feed(documents: transcripts, now: Self.feedDate(transcripts)) {
            files.append((PageRenderer.feedFile, Array(feed.utf8)))
        }
        files.append((PageRenderer.robotsFile, Array(renderer.robots().utf8)))
        files += renderer.assets.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }

        let diagnostics: [Diagnostic] = files.parallelMap { file in
            do {
                try staging?.write(file.bytes, to: file.path)
                return nil
            } catch {
                return .error(at: nil, "cannot write \(file.path): \(error)")
            }
        }.compactMap { $0 }
        return (pages.count, diagnostics)
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
