/// The one place where links between output files are made.
///
/// Every link Gloss writes is relative to the page it appears on, so `Public/`
/// works at a domain root, under a sub-path and from `file://`. Paths here are
/// output paths with `/` separators and no leading slash: a page is named by its
/// file (`2025/hegseth/index.html`), a target by a file (`assets/gloss.css`) or a
/// directory ending in `/` (`2025/hegseth/`); the site root is the empty string.
public enum SiteURL {
    /// The relative URL to put in an `href` on the page `page` pointing at `target`.
    ///
    ///     relative(from: "a/b/index.html", to: "assets/gloss.css") == "../../assets/gloss.css"
    ///     relative(from: "a/b/index.html", to: "a/c/")             == "../c/"
    ///     relative(from: "index.html",     to: "")                 == "./"
    public static func relative(from page: String, to target: String) -> String {
        // Byte ranges of the path components, empty ones skipped: this runs
        // for every link of every page, so it splits nothing into Strings.
        let pageBytes = Array(page.utf8)
        let targetBytes = Array(target.utf8)
        let fromDirectory = components(pageBytes).dropLast()
        let targetParts = components(targetBytes)
        let targetIsDirectory = targetBytes.isEmpty || targetBytes.last == UInt8(ascii: "/")

        var common = 0
        while common < fromDirectory.count, common < targetParts.count,
              pageBytes[fromDirectory[common]] == targetBytes[targetParts[common]],
              // a file name is never a directory to share
              targetIsDirectory || common < targetParts.count - 1 {
            common += 1
        }
        var link: [UInt8] = []
        link.reserveCapacity(targetBytes.count + 3 * (fromDirectory.count - common) + 2)
        for _ in common..<fromDirectory.count { link += "../".utf8 }
        for (offset, part) in targetParts[common...].enumerated() {
            if offset > 0 { link.append(UInt8(ascii: "/")) }
            link += targetBytes[part]
        }
        if targetIsDirectory, common < targetParts.count { link.append(UInt8(ascii: "/")) }
        if link.isEmpty { return "./" }
        return String(decoding: link, as: UTF8.self)
    }

    /// The byte ranges of a path's non-empty `/`-separated components.
    private static func components(_ path: [UInt8]) -> [Range<Int>] {
        var parts: [Range<Int>] = []
        var start = 0
        for (index, byte) in path.enumerated() where byte == UInt8(ascii: "/") {
            if index > start { parts.append(start..<index) }
            start = index + 1
        }
        if path.count > start { parts.append(start..<path.count) }
        return parts
    }

    /// The output file of the page for `slug`: `2025/hegseth` → `2025/hegseth/index.html`.
    public static func pageFile(forSlug slug: String) -> String {
        slug.isEmpty ? "index.html" : slug + "/index.html"
    }

    /// The directory URL path of the page for `slug`: `2025/hegseth` → `2025/hegseth/`.
    public static func pageDirectory(forSlug slug: String) -> String {
        slug.isEmpty ? "" : slug + "/"
    }

    /// The directory of a speaker's page: `hegseth` → `speakers/hegseth/`.
    /// Later pages of a long list go in `page/N/` below it.
    public static func speakerDirectory(forID id: String, page number: Int = 1) -> String {
        paged(speakersDirectory + id + "/", page: number)
    }

    /// The directory of a topic's page: `european-security` → `topics/european-security/`.
    /// Later pages of a long list go in `page/N/` below it.
    public static func topicDirectory(forSlug slug: String, page number: Int = 1) -> String {
        paged(topicsDirectory + slug + "/", page: number)
    }

    /// The list of all speakers.
    public static let speakersDirectory = "speakers/"
    /// The search page and its index (docs/search.md).
    public static let searchDirectory = "search/"
    /// The list of all topics.
    public static let topicsDirectory = "topics/"

    /// Page `number` of the home page's list: the root, then `page/2/` …
    public static func homeDirectory(page number: Int) -> String {
        paged("", page: number)
    }

    /// A year's archive: `archive/2025/`, then `archive/2025/page/2/` …
    public static func archiveDirectory(year: Int, page number: Int = 1) -> String {
        paged("archive/\(year)/", page: number)
    }

    private static func paged(_ directory: String, page number: Int) -> String {
        number <= 1 ? directory : directory + "page/\(number)/"
    }

    /// `base` joined with a site path, for the few places that need an absolute URL.
    public static func absolute(base: String, path: String) -> String {
        (base.hasSuffix("/") ? base : base + "/") + path
    }
}
