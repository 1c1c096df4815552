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

    private let library: MustacheLibrary
    private let transcriptTemplate: MustacheTemplate
    private let homeTemplate: MustacheTemplate
    private let notFoundTemplate: MustacheTemplate
    private let site: SiteConfig
    private let speakers: [String: Speaker]

    /// Compiles every template of `theme`.
    ///
    /// - Throws: ``ThemeError`` listing every template syntax error and every
    ///   `{{> partial}}` or `{{< parent}}` naming a template that does not exist,
    ///   every cycle of such references and every nesting too deep to render
    ///   safely, each at its file, line and column.
    public init(theme: Theme, site: SiteConfig, speakers: [Speaker]) throws(ThemeError) {
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
        let transcript = page(Self.transcriptTemplateName)
        let home = page(Self.homeTemplateName)
        let notFound = page(Self.notFoundTemplateName)
        guard let transcript, let home, let notFound, !diagnostics.hasErrors else {
            throw ThemeError(diagnostics: diagnostics)
        }
        library = compiled.library
        transcriptTemplate = transcript
        homeTemplate = home
        notFoundTemplate = notFound
        assets = theme.assets
        templateIDs = Self.literalIDs(in: theme)
        self.site = site
        // The registry is checked for duplicate ids where it is loaded; here the first one wins.
        self.speakers = Dictionary(speakers.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
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
        var model = pageModel(links: LinksViewModel(page: page))
        model.canonicalURL = site.baseURL.nonEmpty.map {
            SiteURL.absolute(base: $0, path: SiteURL.pageDirectory(forSlug: document.slug))
        }
        model.transcript = TranscriptViewModel(document, page: page, speakers: speakers, body: input.bodyHTML)
        return transcriptTemplate.render(model, library: library)
    }

    /// The home page (`index.html`): the given transcripts, newest first.
    ///
    /// The renderer sorts: by date, newest first, undated ones last, then by
    /// title and slug so the order never depends on the file system. The caller
    /// decides which documents to list (drafts or not).
    public func homePage(documents: [Document]) -> String {
        let page = SiteURL.pageFile(forSlug: "")
        var model = pageModel(links: LinksViewModel(page: page))
        model.canonicalURL = site.baseURL.nonEmpty.map { SiteURL.absolute(base: $0, path: "") }
        let transcripts = documents.sorted(by: Self.newestFirst).map {
            TranscriptViewModel($0, page: page, speakers: speakers)
        }
        model.home = HomeViewModel(transcripts: transcripts)
        return homeTemplate.render(model, library: library)
    }

    /// The page hosts serve for a missing URL (`404.html`).
    ///
    /// Hosts serve it at whatever path was requested, so relative links would
    /// break one directory down; with a `base_url` its links are absolute.
    /// Without one they are relative to the site root.
    public func notFoundPage() -> String {
        let links = site.baseURL.nonEmpty.map(LinksViewModel.init(baseURL:))
            ?? LinksViewModel(page: Self.notFoundFile)
        return notFoundTemplate.render(pageModel(links: links), library: library)
    }

    /// The output file of ``notFoundPage()``.
    public static let notFoundFile = "404.html"

    static let transcriptTemplateName = "transcript"
    static let homeTemplateName = "home"
    static let notFoundTemplateName = "404"
    static let pageTemplateNames = [transcriptTemplateName, homeTemplateName, notFoundTemplateName]

    private func pageModel(links: LinksViewModel) -> PageViewModel {
        PageViewModel(site: SiteViewModel(site), links: links)
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
