import Testing
@testable import GlossSite

@Suite struct SiteURLTests {
    @Test(arguments: [
        ("index.html", "", "./"),
        ("index.html", "assets/gloss.css", "assets/gloss.css"),
        ("index.html", "hegseth/", "hegseth/"),
        ("a/index.html", "", "../"),
        ("a/b/index.html", "assets/gloss.css", "../../assets/gloss.css"),
        ("a/b/index.html", "a/c/", "../c/"),
        ("a/b/index.html", "a/b/", "./"),
        ("a/b/index.html", "a/", "../"),
        ("a/b/index.html", "a/b/c/", "c/"),
        ("a/index.html", "a", "../a"),
        ("404.html", "x/y/", "x/y/"),
    ])
    func relativeLinkBetweenOutputPaths(from: String, to: String, expected: String) {
        #expect(SiteURL.relative(from: from, to: to) == expected)
    }

    @Test func pagePathsFollowPrettyURLs() {
        #expect(SiteURL.pageFile(forSlug: "2025/hegseth") == "2025/hegseth/index.html")
        #expect(SiteURL.pageDirectory(forSlug: "2025/hegseth") == "2025/hegseth/")
        #expect(SiteURL.pageFile(forSlug: "") == "index.html")
    }

    @Test func absoluteURLJoinsBaseAndPathWithOneSlash() {
        #expect(SiteURL.absolute(base: "https://example.org/archive", path: "feed.xml") == "https://example.org/archive/feed.xml")
        #expect(SiteURL.absolute(base: "https://example.org/", path: "x/") == "https://example.org/x/")
    }
}
