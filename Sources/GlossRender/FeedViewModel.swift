import GlossTemplate
import Foundation
import GlossModel
import GlossSite

/// `{{#feed}}` in `feed.mustache`: the Atom feed. Every URL is absolute and
/// every text has the characters XML 1.0 forbids removed (`{{…}}` escapes the rest).
struct FeedViewModel: TemplateObject {
    var title: String
    var subtitle: String?
    /// The feed's `<id>`: the site's absolute URL.
    var id: String
    /// The site, for `rel="alternate"`.
    var url: String
    /// The feed itself, for `rel="self"`.
    var selfURL: String
    /// RFC 3339 (`2025-02-12T00:00:00Z`): the newest entry's `updated`, else the build time.
    var updated: String
    /// `site.author`, else the site title.
    var author: String
    var language: String
    /// Newest first.
    var entries: [FeedEntryViewModel]

    init(site: SiteConfig, baseURL: String, documents: [Document], now: Date) {
        title = XMLText.clean(site.title)
        subtitle = site.description.nonEmpty.map(XMLText.clean)
        id = XMLText.clean(SiteURL.absolute(base: baseURL, path: ""))
        url = id
        selfURL = XMLText.clean(SiteURL.absolute(base: baseURL, path: PageRenderer.feedFile))
        let nowText = XMLText.timestamp(now)
        entries = documents.map { FeedEntryViewModel($0, baseURL: baseURL, now: nowText) }
        // All in one format, so the newest sorts last; an undated entry counts as updated now.
        updated = entries.map(\.updated).max() ?? nowText
        author = XMLText.clean(site.author.nonEmpty ?? site.title.nonEmpty ?? baseURL)
        language = XMLText.clean(site.language.isEmpty ? "en" : site.language)
    }
}

extension FeedViewModel {
    func value(named key: String) -> TemplateValue? {
        switch key {
        case "title": title.templateValue
        case "subtitle": subtitle.templateValue
        case "id": id.templateValue
        case "url": url.templateValue
        case "selfURL": selfURL.templateValue
        case "updated": updated.templateValue
        case "author": author.templateValue
        case "language": language.templateValue
        case "entries": entries.templateValue
        default: nil
        }
    }
}

/// One `{{#feed.entries}}`: a transcript.
struct FeedEntryViewModel: TemplateObject {
    var title: String
    /// The page's absolute URL, also the entry's `<id>`.
    var url: String
    /// The transcript's date at midnight UTC; the build time when undated.
    var updated: String
    /// The front matter summary, else kind, event, place and date.
    var summary: String

    init(_ document: Document, baseURL: String, now: String) {
        let front = document.frontMatter
        title = XMLText.clean(front.title)
        url = XMLText.clean(SiteURL.absolute(base: baseURL, path: SiteURL.pageDirectory(forSlug: document.slug)))
        updated = front.date.map(XMLText.timestamp) ?? now
        let described = [front.kind.nonEmpty.map(TranscriptViewModel.label(forKind:)), front.event.nonEmpty, front.place.nonEmpty, front.date?.long]
            .compactMap { $0 }.joined(separator: ", ")
        summary = XMLText.clean(front.summary.nonEmpty ?? described.nonEmpty ?? front.title)
    }
}

extension FeedEntryViewModel {
    func value(named key: String) -> TemplateValue? {
        switch key {
        case "title": title.templateValue
        case "url": url.templateValue
        case "updated": updated.templateValue
        case "summary": summary.templateValue
        default: nil
        }
    }
}

/// `{{#sitemap}}` in `sitemap.mustache`.
struct SitemapViewModel: TemplateObject {
    /// Absolute page URLs, sorted: `{{#urls}}<loc>{{loc}}</loc>{{/urls}}`.
    var urls: [SitemapURLViewModel]
}

extension SitemapViewModel {
    func value(named key: String) -> TemplateValue? {
        switch key {
        case "urls": urls.templateValue
        default: nil
        }
    }
}

struct SitemapURLViewModel: TemplateObject {
    var loc: String
}

extension SitemapURLViewModel {
    func value(named key: String) -> TemplateValue? {
        switch key {
        case "loc": loc.templateValue
        default: nil
        }
    }
}

/// `{{#robots}}` in `robots.mustache`.
struct RobotsViewModel: TemplateObject {
    /// Absolute URL of `sitemap.xml`, when `site.yaml` has a `base_url`.
    var sitemapURL: String?
}

extension RobotsViewModel {
    func value(named key: String) -> TemplateValue? {
        switch key {
        case "sitemapURL": sitemapURL.templateValue
        default: nil
        }
    }
}

/// Text for XML output.
enum XMLText {
    /// `text` without the characters XML 1.0 does not allow at all (controls
    /// other than tab, newline and carriage return; U+FFFE, U+FFFF), which
    /// no escaping can make well-formed.
    static func clean(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { !isAllowed($0) }) else { return text }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: text.unicodeScalars.filter(isAllowed))
        return String(scalars)
    }

    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: true
        case 0..<0x20, 0xFFFE, 0xFFFF: false
        default: true
        }
    }

    /// `2025-02-12T00:00:00Z`
    static func timestamp(_ date: CalendarDate) -> String { date.iso + "T00:00:00Z" }

    /// RFC 3339 in UTC, whole seconds.
    static func timestamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func pad(_ n: Int?, _ width: Int = 2) -> String {
            let s = String(n ?? 0)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(c.year, 4))-\(pad(c.month))-\(pad(c.day))T\(pad(c.hour)):\(pad(c.minute)):\(pad(c.second))Z"
    }
}
