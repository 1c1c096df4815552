/// Which URLs from content may become links.
///
/// A `javascript:` or `data:` URL in front matter would run script when a
/// reader clicks it; escaping does not help, since the scheme itself is the
/// attack. Only http(s) and relative URLs are linked; others are shown as text.
enum LinkPolicy {
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
