import GlossModel

/// Which URLs from content may become links.
///
/// A `javascript:` or `data:` URL in front matter would run script when a
/// reader clicks it; escaping does not help, since the scheme itself is the
/// attack. Only http(s) and relative URLs are linked; others are shown as text.
enum LinkPolicy {
    /// `url` as an `href` or `src`: nil unless it is safe, with the bytes a
    /// URL may not hold (`"`, `<`, `>`, non-ASCII…) percent-encoded, as links
    /// in Markdown are, so that the page stays valid HTML.
    static func href(_ url: String) -> String? {
        URLCharacters.safeHref(url)
    }

    static func isSafeHref(_ url: String) -> Bool {
        // Browsers drop tabs and newlines inside a URL and trim spaces and
        // controls around it (`java\tscript:` is `javascript:`): refuse them outright.
        guard !url.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F }) else {
            return false
        }
        guard let end = url.firstIndex(where: { ":/?#".contains($0) }), url[end] == ":" else {
            return true  // no scheme: relative
        }
        let scheme = url[..<end].lowercased()
        return scheme == "http" || scheme == "https"
    }
}
