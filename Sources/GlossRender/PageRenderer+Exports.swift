import GlossExport
import GlossModel
import GlossSite
import GlossTemplate
import Synchronization

/// The data files written beside each transcript (docs/exports.md), planned
/// like pages: each keyed by what it is made of, so that a rebuild writes
/// them again only when their transcript (or the site's settings) changed.
extension PageRenderer {
    /// A transcript's data files. `body` makes its body's HTML, links filled
    /// in; it is read once, when the first of the files is written.
    ///
    /// - Parameters:
    ///   - hasTimestamps: whether a turn of the transcript has a timestamp
    ///     (then the caption files are written).
    ///   - neighbours: the slugs of the transcripts before and after it in the
    ///     site-wide annotation collection.
    public func planTranscriptExports(
        document: Document, bodyKey: UInt64, body: @escaping @Sendable () -> String, hasTimestamps: Bool,
        neighbours: (previous: String?, next: String?), seed: UInt64
    ) -> [PlannedPage] {
        let exports = site.options.exports
        let directory = SiteURL.pageDirectory(forSlug: document.slug)
        let links = exportLinks(slug: document.slug)
        var files: [(String, @Sendable (TranscriptExport) -> [UInt8])] = []
        if exports.annotations { files.append((TranscriptExport.annotationsFile, { $0.annotationCollection() })) }
        if exports.glossJSON { files.append((TranscriptExport.glossJSONFile, { $0.glossJSON() })) }
        if hasTimestamps {
            if exports.webVTT { files.append((TranscriptExport.webVTTFile, { $0.webVTT() })) }
            if exports.srt { files.append((TranscriptExport.srtFile, { $0.srt() })) }
            if exports.podcastJSON { files.append((TranscriptExport.podcastJSONFile, { $0.podcastJSON() })) }
        }
        var neighbourKey = ""
        if exports.siteAnnotations {
            let previous = neighbours.previous.map { sitePageLink(from: document.slug, to: $0) }
            let next = neighbours.next.map { sitePageLink(from: document.slug, to: $0) }
            files.append((TranscriptExport.annotationPageFile, { $0.siteAnnotationPage(previous: previous, next: next) }))
            neighbourKey = (previous ?? "") + "\u{0}" + (next ?? "")
        }
        let shared = ExportSource(files: files.count) { [site, speakers] in
            TranscriptExport(document: document, site: site, speakers: speakers, page: PageText(bodyHTML: body()), links: links)
        }
        return files.map { name, make in
            var key = PageKey(seed: seed, "export " + name)
            key.add(document)
            key.add(document.revision)
            key.add(bodyKey)
            if name == TranscriptExport.annotationPageFile { key.add(neighbourKey) }
            return PlannedPage(path: directory + name, key: key.value) { make(shared.take()) }
        }
    }

    /// `annotations.jsonld` at the top of the site: the collection whose pages
    /// are the transcripts' `annotation-page.jsonld`, in the site's order.
    public func planSiteAnnotations(slugs: [String], seed: UInt64) -> PlannedPage? {
        guard site.options.exports.siteAnnotations else { return nil }
        let path = TranscriptExport.annotationsFile
        let id = site.baseURL.map { SiteURL.absolute(base: $0, path: path) } ?? path
        let page: (String) -> String = { [site] slug in
            let file = SiteURL.pageDirectory(forSlug: slug) + TranscriptExport.annotationPageFile
            return site.baseURL.map { SiteURL.absolute(base: $0, path: file) } ?? file
        }
        let first = slugs.first.map(page)
        let last = slugs.last.map(page)
        var key = PageKey(seed: seed, "site annotations")
        key.add(first)
        key.add(last)
        let title = site.title
        return PlannedPage(path: path, key: key.value) {
            TranscriptExport.siteCollection(id: id, title: title, first: first, last: last)
        }
    }

    /// The IRIs a transcript's files use.
    func exportLinks(slug: String) -> ExportLinks {
        let directory = SiteURL.pageDirectory(forSlug: slug)
        if let base = site.baseURL {
            return ExportLinks(
                page: SiteURL.absolute(base: base, path: directory), directory: SiteURL.absolute(base: base, path: directory),
                siteCollection: SiteURL.absolute(base: base, path: TranscriptExport.annotationsFile)
            )
        }
        let from = SiteURL.pageFile(forSlug: slug)
        return ExportLinks(page: "./", directory: "", siteCollection: SiteURL.relative(from: from, to: TranscriptExport.annotationsFile))
    }

    func sitePageLink(from slug: String, to other: String) -> String {
        let file = SiteURL.pageDirectory(forSlug: other) + TranscriptExport.annotationPageFile
        if let base = site.baseURL { return SiteURL.absolute(base: base, path: file) }
        return SiteURL.relative(from: SiteURL.pageFile(forSlug: slug), to: file)
    }

    /// The data links a transcript's page shows and puts in its `<head>`.
    func dataLinks(hasTimestamps: Bool) -> [DataLinkViewModel] {
        let exports = site.options.exports
        var links: [DataLinkViewModel] = []
        if hasTimestamps, exports.webVTT { links.append(DataLinkViewModel(label: "WebVTT captions", url: TranscriptExport.webVTTFile, type: "text/vtt")) }
        if hasTimestamps, exports.srt { links.append(DataLinkViewModel(label: "SRT captions", url: TranscriptExport.srtFile, type: "application/x-subrip")) }
        if hasTimestamps, exports.podcastJSON {
            links.append(DataLinkViewModel(label: "JSON transcript (Podcasting 2.0)", url: TranscriptExport.podcastJSONFile, type: "application/json"))
        }
        if exports.glossJSON { links.append(DataLinkViewModel(label: "Gloss JSON", url: TranscriptExport.glossJSONFile, type: "application/json")) }
        if exports.annotations {
            links.append(DataLinkViewModel(label: "Annotations (W3C Web Annotation)", url: TranscriptExport.annotationsFile, type: "application/ld+json"))
        }
        return links
    }

    /// The page's schema.org JSON-LD, or nil when `structured_data` is off.
    func structuredData(document: Document, bodyHTML: String) -> String? {
        guard site.options.exports.structuredData else { return nil }
        let page = StructuredData.hasRatedFactChecks(document) ? PageText(bodyHTML: bodyHTML) : nil
        let directory = SiteURL.pageDirectory(forSlug: document.slug)
        let url = site.baseURL.map { SiteURL.absolute(base: $0, path: directory) } ?? "./"
        return StructuredData.json(document: document, site: site, speakers: speakers, page: page, pageURL: url)
    }
}

/// One transcript's export input, made once for all its files and let go
/// when the last of them has taken it.
final class ExportSource: Sendable {
    private struct State {
        var made: TranscriptExport?
        var left: Int
    }

    private let make: @Sendable () -> TranscriptExport
    private let state: Mutex<State>

    /// - Parameter files: how many files will take it.
    init(files: Int, make: @escaping @Sendable () -> TranscriptExport) {
        self.make = make
        state = Mutex(State(made: nil, left: files))
    }

    func take() -> TranscriptExport {
        state.withLock { state in
            let export = state.made ?? make()
            state.left -= 1
            state.made = state.left > 0 ? export : nil
            return export
        }
    }
}

/// A link in a transcript's "Data" list: `label`, `url` (relative to the page), `type`.
struct DataLinkViewModel: TemplateObject {
    var label: String
    var url: String
    var type: String

    var renderedText: String? { label }

    func value(named key: String) -> TemplateValue? {
        switch key {
        case "label": label.templateValue
        case "url": url.templateValue
        case "type": type.templateValue
        default: nil
        }
    }
}
