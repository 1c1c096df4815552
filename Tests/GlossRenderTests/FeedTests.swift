import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import GlossModel
import GlossRender
import Testing

@Suite struct FeedTests {
    static var site: SiteConfig {
        var site = Fixtures.site
        site.baseURL = "https://example.org/t/"
        site.author = "The Desk"
        return site
    }

    static let now = Date(timeIntervalSince1970: 1_764_000_000)  // 2025-11-24T16:00:00Z

    static let hostile = "<script>alert(\"x\")</script> & ']]> \u{1}\u{B}bell"

    static var documents: [Document] {
        var hostileDoc = Fixtures.document(slug: "2025/b", title: hostile, date: "2025-02-13", summary: hostile)
        hostileDoc.frontMatter.event = nil
        return [
            Fixtures.document(slug: "2025/a", title: "First & foremost", date: "2025-02-12"),
            hostileDoc,
            Fixtures.document(slug: "undated", title: "Undated", date: nil),
        ]
    }

    @Test func noBaseURLNoFeedNoSitemap() throws {
        let renderer = try Fixtures.renderer()
        #expect(renderer.feed(documents: Self.documents, now: Self.now) == nil)
        #expect(renderer.sitemap(paths: ["index.html"]) == nil)
        let robots = renderer.robots()
        #expect(robots.contains("User-agent: *\nAllow: /"))
        #expect(!robots.contains("Sitemap"))
    }

    @Test func robotsNamesTheSitemap() throws {
        let robots = try Fixtures.renderer(site: Self.site).robots()
        #expect(robots.hasPrefix("User-agent: *\nAllow: /\n"))
        #expect(robots.contains("\nSitemap: https://example.org/t/sitemap.xml\n"))
    }

    @Test func feedIsWellFormedAtomWithTheRequiredElements() throws {
        let xml = try #require(try Fixtures.renderer(site: Self.site).feed(documents: Self.documents, now: Self.now))
        #expect(xml.hasPrefix("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\""))
        #expect(!xml.contains("<script>"))
        #expect(!xml.contains("\u{1}"))
        #expect(xml.contains("<title>First &amp; foremost</title>"))
        #expect(xml.contains("<link rel=\"self\" type=\"application/atom+xml\" href=\"https://example.org/t/feed.xml\"/>"))
        #expect(xml.contains("<link rel=\"alternate\" type=\"text/html\" href=\"https://example.org/t/\"/>"))
        #expect(xml.contains("<updated>2025-02-13T00:00:00Z</updated>"))
        #expect(xml.contains("<updated>2025-11-24T16:00:00Z</updated>"))  // the undated entry
        #if canImport(FoundationXML)
        let document = try XMLDocument(xmlString: xml, options: [])
        let feed = try #require(document.rootElement())
        #expect(feed.name == "feed")
        #expect(feed.uri == "http://www.w3.org/2005/Atom")
        func attribute(_ element: XMLElement, _ name: String) -> String? {
            element.attributes?.first { $0.localName == name || $0.name == name }?.stringValue
        }
        func child(_ element: XMLElement, _ name: String) -> XMLElement? {
            element.elements(forLocalName: name, uri: "http://www.w3.org/2005/Atom").first
        }
        for name in ["id", "title", "updated", "author"] {
            #expect(child(feed, name) != nil, "feed has no \(name)")
        }
        #expect(child(feed, "id")?.stringValue == "https://example.org/t/")
        // The undated entry counts as updated at the build time, the newest.
        #expect(child(feed, "updated")?.stringValue == "2025-11-24T16:00:00Z")
        #expect(child(feed, "author").flatMap { child($0, "name") }?.stringValue == "The Desk")
        let links = feed.elements(forLocalName: "link", uri: "http://www.w3.org/2005/Atom")
        #expect(Set(links.compactMap { attribute($0, "rel") }) == ["self", "alternate"])
        let entries = feed.elements(forLocalName: "entry", uri: "http://www.w3.org/2005/Atom")
        #expect(entries.count == 3)
        for entry in entries {
            for name in ["id", "title", "updated", "link", "summary"] {
                #expect(child(entry, name) != nil, "entry has no \(name)")
            }
        }
        // Newest first; the hostile title survives as text, minus the characters XML cannot carry.
        #expect(child(entries[0], "title")?.stringValue == "<script>alert(\"x\")</script> & ']]> bell")
        #expect(child(entries[0], "id")?.stringValue == "https://example.org/t/2025/b/")
        #expect(child(entries[1], "link").flatMap { attribute($0, "href") } == "https://example.org/t/2025/a/")
        #expect(child(entries[1], "summary")?.stringValue == "Speech, Ukraine Defense Contact Group, NATO Headquarters, Brussels, 12 February 2025")
        #endif
    }

    @Test func feedIsUpdatedAtItsNewestEntry() throws {
        let dated = Self.documents.filter { $0.frontMatter.date != nil }
        let xml = try #require(try Fixtures.renderer(site: Self.site).feed(documents: dated, now: Self.now))
        let head = try #require(xml.components(separatedBy: "<entry>").first)
        #expect(head.contains("<updated>2025-02-13T00:00:00Z</updated>"))
    }

    @Test func feedWithoutDatedEntriesIsUpdatedNow() throws {
        let xml = try #require(try Fixtures.renderer(site: Self.site).feed(documents: [], now: Self.now))
        #expect(xml.contains("<updated>2025-11-24T16:00:00Z</updated>"))
        #expect(!xml.contains("<entry>"))
    }

    @Test func sitemapListsAbsoluteDirectoryURLs() throws {
        let xml = try #require(try Fixtures.renderer(site: Self.site).sitemap(paths: [
            "index.html", "2025/a/index.html", "speakers/", "404.html", "2025/a/", "a&b/index.html",
        ]))
        #expect(xml.contains("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"))
        #expect(xml.contains("<url><loc>https://example.org/t/</loc></url>"))
        #expect(xml.contains("<url><loc>https://example.org/t/2025/a/</loc></url>"))
        #expect(xml.contains("<url><loc>https://example.org/t/a&amp;b/</loc></url>"))
        #expect(!xml.contains("404"))
        #expect(xml.components(separatedBy: "2025/a/").count == 2)
        #if canImport(FoundationXML)
        let document = try XMLDocument(xmlString: xml, options: [])
        #expect(document.rootElement()?.name == "urlset")
        #expect(document.rootElement()?.children?.count == 4)
        #endif
    }

    @Test("a site with more pages than one sitemap may list gets sitemap.xml as an index of sitemaps that list them all")
    func sitemapIndex() throws {
        let renderer = try Fixtures.renderer(site: Self.site)
        let paths = (0..<7).map { "t\($0)/index.html" } + ["index.html", "404.html"]
        // Up to the limit: one sitemap, as always.
        let single = renderer.planSitemaps(paths: paths, seed: 0, limit: 8)
        #expect(single.map(\.path) == ["sitemap.xml"])
        #expect(String(decoding: single[0].make(), as: UTF8.self).contains("<urlset"))

        let split = renderer.planSitemaps(paths: paths, seed: 0, limit: 3)
        #expect(split.map(\.path) == ["sitemap.xml", "sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml"])
        let index = String(decoding: split[0].make(), as: UTF8.self)
        #expect(index.contains("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"))
        #expect(index.contains("<sitemap><loc>https://example.org/t/sitemap-3.xml</loc></sitemap>"))
        #expect(!index.contains("<url>"))
        let parts = split.dropFirst().map { String(decoding: $0.make(), as: UTF8.self) }
        #expect(parts.map { $0.components(separatedBy: "<url>").count - 1 } == [3, 3, 2])
        // Every page once, 404 left out.
        let listed = parts.joined()
        for path in ["", "t0/", "t6/"] { #expect(listed.components(separatedBy: "<loc>https://example.org/t/\(path)</loc>").count == 2) }
        #expect(!listed.contains("404"))
        #if canImport(FoundationXML)
        let document = try XMLDocument(xmlString: index, options: [])
        #expect(document.rootElement()?.name == "sitemapindex")
        #expect(document.rootElement()?.children?.count == 3)
        #endif
        #expect(PageRenderer.sitemapURLLimit == 50_000)
    }
}
