/// The paths at the top of a site that Gloss writes itself, which no
/// transcript's slug may take: the content loader refuses them, and the
/// importer never names a file after them.
public enum ReservedPaths {
    /// First segments under which Gloss writes its own pages and files.
    public static let firstSegments: Set<String> = ["assets", "search", "speakers", "topics"]
    /// First segments under which Gloss writes numbered pages only: the home
    /// page's later pages (`page/2/`) and the year archives (`archive/2025/`).
    public static let numberedFirstSegments: Set<String> = ["archive", "page"]
    /// Files Gloss writes at the top of the site.
    public static let names: Set<String> = ["feed.xml", "sitemap.xml", "404.html", "robots.txt"]
}
