import GlossModel

/// The `aside` and endnote markup of point and range notes, per the contract.
struct NoteHTML {
    /// `borders` for `[^borders]`, `a1` for the first annotation.
    var key: String
    var number: Int
    /// `note-point`, `note-fact-check`…
    var kindClass: String
    /// `Note`, `Fact-check`…
    var kindLabel: String
    var rating: String?
    /// The body, already HTML.
    var body: String
    var sources: [SourceLink] = []
    var author: String?
    var date: CalendarDate?

    /// The `<details>` content shared by the aside and the endnote.
    private var inner: String {
        var html = ""
        if !sources.isEmpty {
            html += "<ul class=\"note-sources\">"
            for source in sources {
                html += "<li><a href=\"\(HTMLBuffer.escapedURL(source.url))\" rel=\"external\">\(HTMLBuffer.escaped(source.title ?? source.url))</a></li>"
            }
            html += "</ul>\n"
        }
        if author != nil || date != nil {
            var parts: [String] = []
            if let author { parts.append(HTMLBuffer.escaped(author)) }
            if let date { parts.append("<time datetime=\"\(date.iso)\">\(HTMLBuffer.escaped(date.long))</time>") }
            html += "<p class=\"note-byline\">\(parts.joined(separator: ", "))</p>\n"
        }
        return "<div class=\"note-text\">\(body)</div>\n" + html
    }

    var aside: String {
        let escapedKey = HTMLBuffer.escaped(key)
        var summary = "<span class=\"note-number\">\(number)</span> <span class=\"note-kind\">\(kindLabel)</span>"
        if let rating {
            summary += " <span class=\"note-rating rating-\(HeadingIDs.slug(rating))\">\(HTMLBuffer.escaped(rating.prefix(1).uppercased() + rating.dropFirst()))</span>"
        }
        return "<aside class=\"note \(kindClass)\" id=\"note-\(escapedKey)\" aria-label=\"Note \(number): \(kindLabel)\">\n"
            + "<details class=\"note-details\">\n<summary>\(summary)</summary>\n" + inner + "</details>\n</aside>\n"
    }

    var endnote: String {
        "<li id=\"endnote-\(HTMLBuffer.escaped(key))\">\(inner)</li>\n"
    }
}
