extension URLCharacters {
    /// `url` as an `href` or `src` — and as a URL in the data files Gloss
    /// writes: nil unless it is relative or `http(s)`, with the bytes a URL
    /// may not hold (`"`, `<`, `>`, non-ASCII…) percent-encoded.
    public static func safeHref(_ url: String) -> String? {
        // Browsers drop tabs and newlines inside a URL and trim spaces and
        // controls around it (`java\tscript:` is `javascript:`): refuse them outright.
        guard !url.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F }) else { return nil }
        if let end = url.firstIndex(where: { ":/?#".contains($0) }), url[end] == ":" {
            let scheme = url[..<end].lowercased()
            guard scheme == "http" || scheme == "https" else { return nil }
        }
        return percentEncoded(url)
    }
}
