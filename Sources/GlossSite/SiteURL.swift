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
        // Walked on the bytes, in place: this runs for every link of every
        // page, so it splits nothing and makes no array of components.
        var page = page, target = target
        return page.withUTF8 { page in target.withUTF8 { target in relative(page, target) } }
    }

    private static func relative(_ page: UnsafeBufferPointer<UInt8>, _ target: UnsafeBufferPointer<UInt8>) -> String {
        // The page's own file name is not a directory to climb out of.
        let fromDirectoryCount = Swift.max(componentCount(page) - 1, 0)
        let targetCount = componentCount(target)
        let targetIsDirectory = target.isEmpty || target.last == UInt8(ascii: "/")
        var pageOffset = 0, targetOffset = 0, common = 0
        while common < fromDirectoryCount, common < targetCount,
              // a file name is never a directory to share
              targetIsDirectory || common < targetCount - 1,
              let pagePart = component(of: page, from: pageOffset),
              let targetPart = component(of: target, from: targetOffset),
              UnsafeBufferPointer(rebasing: page[pagePart]).elementsEqual(UnsafeBufferPointer(rebasing: target[targetPart])) {
            pageOffset = pagePart.upperBound
            targetOffset = targetPart.upperBound
            common += 1
        }
        let capacity = 3 * (fromDirectoryCount - common) + target.count + 2
        let link = String(unsafeUninitializedCapacity: capacity) { link in
            var written = 0
            func append(_ byte: UInt8) {
                link[written] = byte
                written += 1
            }
            for _ in common..<fromDirectoryCount {
                append(UInt8(ascii: ".")); append(UInt8(ascii: ".")); append(UInt8(ascii: "/"))
            }
            var first = true
            while let part = component(of: target, from: targetOffset) {
                if !first { append(UInt8(ascii: "/")) }
                for byte in target[part] { append(byte) }
                first = false
                targetOffset = part.upperBound
            }
            if targetIsDirectory, common < targetCount { append(UInt8(ascii: "/")) }
            return written
        }
        return link.isEmpty ? "./" : link
    }

    /// The number of non-empty `/`-separated components of a path.
    private static func componentCount(_ path: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        var offset = 0
        while let part = component(of: path, from: offset) {
            count += 1
            offset = part.upperBound
        }
        return count
    }

    /// The byte range of the first non-empty component at or after `offset`.
    private static func component(of path: UnsafeBufferPointer<UInt8>, from offset: Int) -> Range<Int>? {
        var start = offset
        while start < path.count, path[start] == UInt8(ascii: "/") { start += 1 }
        guard start < path.count else { return nil }
        var end = start
        while end < path.count, path[end] != UInt8(ascii: "/") { end += 1 }
        return start..<end
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
