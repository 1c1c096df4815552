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

    /// The rule written plainly, with arrays of components, to check the
    /// byte walk against on paths of every shape, doubled slashes included.
    private static func reference(from page: String, to target: String) -> String {
        let fromDirectory = page.split(separator: "/").dropLast()
        let targetParts = target.split(separator: "/")
        let targetIsDirectory = target.isEmpty || target.hasSuffix("/")
        var common = 0
        while common < fromDirectory.count, common < targetParts.count,
              fromDirectory[common] == targetParts[common], targetIsDirectory || common < targetParts.count - 1 {
            common += 1
        }
        var link = String(repeating: "../", count: fromDirectory.count - common) + targetParts[common...].joined(separator: "/")
        if targetIsDirectory, common < targetParts.count { link += "/" }
        return link.isEmpty ? "./" : link
    }

    @Test func relativeLinksFollowTheRuleOnPathsOfEveryShape() {
        var state: UInt64 = 11
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let parts = ["a", "b", "ab", "", "index.html", "\u{00E9}"]
        func path() -> String {
            (0..<next(5)).map { _ in parts[next(parts.count)] }.joined(separator: "/") + (next(2) == 0 ? "/" : "")
        }
        for _ in 0..<3_000 {
            let page = path(), target = path()
            #expect(SiteURL.relative(from: page, to: target) == Self.reference(from: page, to: target), "\(page) → \(target)")
        }
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
