import CGumbo
import GlossModel

/// An article page: parsed as a browser would (gumbo, HTML5), its main
/// content found, navigation, scripts, styles and share widgets dropped,
/// and its blocks read like any other source's.
enum HTMLImporter {
    static func read(_ text: String, input: ImportInput) throws(ImportFailure) -> ImportedTranscript {
        try checkComplete(text, file: input.name)
        let page = HTMLPage(text)
        var transcript = ImportedTranscript(title: page.title ?? "", suggestedName: input.stem)
        transcript.date = page.date
        transcript.source = ImportedSource(title: page.title, publisher: page.publisher, url: page.canonicalURL)
        if let pre = page.preformatted {
            return PreformattedText.read(pre.text, firstLine: pre.line, into: transcript, input: input)
        }
        var blocks = page.mainBlocks
        // The headline is the page's title: shown once, in the page head.
        if case .heading(_, let heading, _) = blocks.first, MarkdownEscaping.plainText(heading) == transcript.title { blocks.removeFirst() }
        if transcript.title.isEmpty, case .heading(_, let heading, _) = blocks.first {
            transcript.title = MarkdownEscaping.plainText(heading)
            blocks.removeFirst()
        }
        guard blocks.contains(where: { if case .paragraph = $0 { true } else { false } }) else {
            throw .at(input.name, "no article text found in the page: expected paragraphs in <article>, <main> or <body>, or text in a <pre>")
        }
        FileNameFacts.apply(to: &transcript, input: input)
        var recognizer = StructureRecognizer(transcript: transcript, file: input.name)
        return recognizer.recognize(blocks)
    }

    /// A page cut off in transfer still parses as HTML5; it is refused
    /// instead, since the words after the cut are missing.
    static func checkComplete(_ text: String, file: String) throws(ImportFailure) {
        let lowered = text.lowercased()
        if let open = lowered.range(of: "<!--", options: .backwards), !lowered[open.upperBound...].contains("-->") {
            let (line, column) = position(of: open.lowerBound, in: text)
            throw .at(file, line: line, column: column, "truncated HTML: the file ends inside a comment", note: "expected \"-->\" before the end of the file")
        }
        if let lastOpen = text.lastIndex(of: "<"), !text[lastOpen...].contains(">") {
            let (line, column) = position(of: lastOpen, in: text)
            throw .at(file, line: line, column: column, "truncated HTML: the file ends inside a tag", note: "expected \">\" before the end of the file")
        }
        if lowered.contains("<html"), !lowered.contains("</html>"), !lowered.contains("</body>") {
            let (line, column) = position(of: text.endIndex, in: text)
            throw .at(file, line: line, column: column, "truncated HTML: the page ends before </body> and </html>",
                      note: "the file looks cut off; download it again")
        }
    }

    static func position(of index: String.Index, in text: String) -> (Int, Int) {
        var line = 1
        var column = 1
        for character in text[..<index] {
            if character == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return (line, column)
    }

    /// An HTML fragment (a feed item's content) as blocks.
    static func blocks(ofFragment html: String) -> [SourceBlock] {
        HTMLPage(html).mainBlocks
    }
}

/// The facts and the main content of a parsed page. The gumbo tree lives
/// only inside `init`; what is kept are Swift values.
struct HTMLPage {
    var title: String?
    var date: CalendarDate?
    var publisher: String?
    var canonicalURL: String?
    var mainBlocks: [SourceBlock] = []
    /// The text of the page's `<pre>` as set, with the line it starts on,
    /// when that is all the main content has: a record published this way.
    var preformatted: (text: String, line: Int)?

    private static let skipped: Set<String> = [
        "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "button", "svg",
        "iframe", "select", "input", "textarea", "object", "embed", "canvas", "video", "audio", "head", "menu", "dialog",
    ]
    /// Class and id words of boilerplate around an article.
    private static let boilerplate: Set<String> = [
        "share", "sharing", "social", "nav", "navbar", "navigation", "menu", "comments", "comment", "related", "newsletter",
        "subscribe", "subscription", "ad", "ads", "advert", "advertisement", "promo", "breadcrumb", "breadcrumbs", "cookie",
        "cookies", "sidebar", "widget", "sponsored", "byline-share", "toolbar", "popup", "modal", "banner",
    ]

    init(_ html: String) {
        var bytes = Array(html.utf8)
        bytes.append(0)
        var options = kGumboDefaultOptions
        guard let output = bytes.withUnsafeBufferPointer({ buffer in
            buffer.baseAddress.flatMap { gumbo_parse_with_options(&options, $0, buffer.count - 1) }
        }) else { return }
        defer { gumbo_destroy_output(&options, output) }
        guard let root = output.pointee.root else { return }
        readHead(root)
        let main = Self.mainElement(root)
        var reader = BlockReader()
        reader.read(main)
        mainBlocks = reader.finish()
        if !mainBlocks.contains(where: { $0.paragraphText != nil }) {
            var pres: [UnsafeMutablePointer<GumboNode>] = []
            Self.walk(main) { node in
                if Self.tag(node) == "pre" { pres.append(node); return false }
                return !Self.isBoilerplate(node)
            }
            let text = pres.map(Self.preformattedText).joined(separator: "\n\n")
            if let first = pres.first, text.contains(where: { !$0.isWhitespace }) {
                // The text starts on the line after `<pre>` when a newline follows it, as HTML drops that newline.
                let line = Int(first.pointee.v.element.start_pos.line) + 1
                preformatted = (text, line)
            }
        }
    }

    /// An element's text with its spaces and line breaks as written.
    static func preformattedText(of node: UnsafeMutablePointer<GumboNode>) -> String {
        var out = ""
        func collect(_ node: UnsafeMutablePointer<GumboNode>) {
            for child in children(node) {
                switch child.pointee.type {
                case GUMBO_NODE_TEXT, GUMBO_NODE_WHITESPACE, GUMBO_NODE_CDATA: out += literal(child)
                case GUMBO_NODE_ELEMENT: if tag(child) == "br" { out += "\n" } else if !skipped.contains(tag(child)) { collect(child) }
                default: break
                }
            }
        }
        collect(node)
        return out
    }

    private mutating func readHead(_ root: UnsafeMutablePointer<GumboNode>) {
        var meta: [String: String] = [:]
        var titleText: String?
        var firstTime: String?
        Self.walk(root) { node in
            switch Self.tag(node) {
            case "meta":
                if let key = (Self.attribute(node, "property") ?? Self.attribute(node, "name"))?.lowercased(),
                   let content = Self.attribute(node, "content"), meta[key] == nil { meta[key] = content }
            case "title": if titleText == nil { titleText = Self.text(of: node) }
            case "link":
                if Self.attribute(node, "rel")?.lowercased() == "canonical", let href = Self.attribute(node, "href") { meta["canonical", default: href] = meta["canonical"] ?? href }
            case "time": if firstTime == nil { firstTime = Self.attribute(node, "datetime") }
            default: break
            }
            return true
        }
        title = (meta["og:title"] ?? titleText)?.collapsingWhitespace.nonEmpty
        date = [meta["article:published_time"], meta["date"], meta["dc.date"], meta["pubdate"], firstTime].compactMap { $0 }.lazy.compactMap(DateText.parse).first
        publisher = (meta["og:site_name"] ?? meta["publisher"] ?? meta["application-name"])?.collapsingWhitespace.nonEmpty
        // `Headline | Site` in <title>: the site is the publisher, not the headline.
        if let site = publisher, let full = title {
            for separator in [" | ", " - ", " – ", " — ", " :: "] where full.hasSuffix(separator + site) {
                title = String(full.dropLast(separator.count + site.count))
            }
        }
        canonicalURL = [meta["canonical"], meta["og:url"]].compactMap { $0 }.first(where: WebURL.isAbsolute)
    }

    /// `<article>` (the one with most text), else `<main>` or `role=main`, else `<body>`.
    private static func mainElement(_ root: UnsafeMutablePointer<GumboNode>) -> UnsafeMutablePointer<GumboNode> {
        var articles: [UnsafeMutablePointer<GumboNode>] = []
        var main: UnsafeMutablePointer<GumboNode>?
        var body: UnsafeMutablePointer<GumboNode>?
        walk(root) { node in
            let name = tag(node)
            if name == "article" { articles.append(node) }
            if main == nil, name == "main" || attribute(node, "role") == "main" { main = node }
            if body == nil, name == "body" { body = node }
            return !skipped.contains(name)
        }
        if let best = articles.max(by: { text(of: $0).count < text(of: $1).count }) { return best }
        return main ?? body ?? root
    }

    static func isBoilerplate(_ node: UnsafeMutablePointer<GumboNode>) -> Bool {
        let name = tag(node)
        if skipped.contains(name) { return true }
        if attribute(node, "hidden") != nil || attribute(node, "aria-hidden") == "true" { return true }
        let words = ((attribute(node, "class") ?? "") + " " + (attribute(node, "id") ?? "")).lowercased()
            .split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "_" }).map(String.init)
        return words.contains { boilerplate.contains($0) }
    }

    // MARK: The tree

    static func children(_ node: UnsafeMutablePointer<GumboNode>) -> [UnsafeMutablePointer<GumboNode>] {
        let vector: GumboVector
        switch node.pointee.type {
        case GUMBO_NODE_ELEMENT, GUMBO_NODE_TEMPLATE: vector = node.pointee.v.element.children
        case GUMBO_NODE_DOCUMENT: vector = node.pointee.v.document.children
        default: return []
        }
        guard let data = vector.data else { return [] }
        return (0..<Int(vector.length)).compactMap { data[$0]?.assumingMemoryBound(to: GumboNode.self) }
    }

    static func tag(_ node: UnsafeMutablePointer<GumboNode>) -> String {
        guard node.pointee.type == GUMBO_NODE_ELEMENT || node.pointee.type == GUMBO_NODE_TEMPLATE else { return "" }
        let tag = node.pointee.v.element.tag
        if tag == GUMBO_TAG_UNKNOWN {
            var piece = node.pointee.v.element.original_tag
            gumbo_tag_from_original_text(&piece)
            guard let data = piece.data else { return "" }
            return String(decoding: UnsafeRawBufferPointer(start: data, count: piece.length), as: UTF8.self).lowercased()
        }
        return gumbo_normalized_tagname(tag).map { String(cString: $0) } ?? ""
    }

    static func attribute(_ node: UnsafeMutablePointer<GumboNode>, _ name: String) -> String? {
        guard node.pointee.type == GUMBO_NODE_ELEMENT else { return nil }
        return withUnsafePointer(to: &node.pointee.v.element.attributes) { attributes in
            gumbo_get_attribute(attributes, name).flatMap { $0.pointee.value.map { String(cString: $0) } }
        }
    }

    static func literal(_ node: UnsafeMutablePointer<GumboNode>) -> String {
        node.pointee.v.text.text.map { String(cString: $0) } ?? ""
    }

    /// Visits elements depth first; `visit` returns whether to enter one.
    static func walk(_ node: UnsafeMutablePointer<GumboNode>, _ visit: (UnsafeMutablePointer<GumboNode>) -> Bool) {
        for child in children(node) where child.pointee.type == GUMBO_NODE_ELEMENT || child.pointee.type == GUMBO_NODE_TEMPLATE {
            if visit(child) { walk(child, visit) }
        }
    }

    static func text(of node: UnsafeMutablePointer<GumboNode>) -> String {
        var out = ""
        func collect(_ node: UnsafeMutablePointer<GumboNode>) {
            for child in children(node) {
                switch child.pointee.type {
                case GUMBO_NODE_TEXT, GUMBO_NODE_WHITESPACE, GUMBO_NODE_CDATA: out += literal(child)
                case GUMBO_NODE_ELEMENT: if !skipped.contains(tag(child)) || tag(child) == "head" { collect(child) }
                default: break
                }
            }
        }
        collect(node)
        return out.collapsingWhitespace
    }
}

/// Turns the main element's tree into blocks, inline markup into Markdown.
private struct BlockReader {
    var blocks: [SourceBlock] = []
    /// The paragraph being gathered from inline content.
    var inline = ""

    private static let blockTags: Set<String> = [
        "p", "div", "section", "article", "main", "li", "ul", "ol", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6",
        "pre", "table", "tr", "td", "th", "tbody", "thead", "figure", "figcaption", "dl", "dt", "dd", "hr", "body", "center",
    ]

    mutating func read(_ node: UnsafeMutablePointer<GumboNode>) {
        for child in HTMLPage.children(node) {
            switch child.pointee.type {
            case GUMBO_NODE_TEXT, GUMBO_NODE_CDATA: inline += MarkdownEscaping.escapeInline(HTMLPage.literal(child).collapsingWhitespacePreservingEnds)
            case GUMBO_NODE_WHITESPACE: if !inline.isEmpty { inline += " " }
            case GUMBO_NODE_ELEMENT: element(child)
            default: break
            }
        }
    }

    private mutating func element(_ node: UnsafeMutablePointer<GumboNode>) {
        guard !HTMLPage.isBoilerplate(node) else { return }
        let name = HTMLPage.tag(node)
        switch name {
        case "br": inline += "\\\n"
        case "h1", "h2", "h3", "h4", "h5", "h6":
            flush()
            let text = inlineMarkdown(node)
            if !text.isEmpty { blocks.append(.heading(level: Int(String(name.last ?? "2")) ?? 2, text: text, line: 0)) }
        case "blockquote":
            flush()
            var inner = BlockReader()
            inner.read(node)
            let paragraphs = inner.finish().compactMap { block -> String? in
                switch block {
                case .paragraph(let text, _): return text
                case .heading(_, let text, _): return text
                case .list(let items, _): return items.joined(separator: " ")
                case .quote(let paragraphs, _): return paragraphs.joined(separator: " ")
                case .verbatim(let text, _): return text
                }
            }
            if !paragraphs.isEmpty { blocks.append(.quote(paragraphs, line: 0)) }
        case "ul", "ol":
            flush()
            let items = HTMLPage.children(node).filter { HTMLPage.tag($0) == "li" && !HTMLPage.isBoilerplate($0) }.map(inlineMarkdown).filter { !$0.isEmpty }
            if !items.isEmpty { blocks.append(.list(items, line: 0)) }
        case "pre":
            flush()
            let code = HTMLPage.text(of: node)
            blocks.append(.verbatim("```\n" + code + "\n```", line: 0))
        case "hr": flush()
        case "img": if let alt = HTMLPage.attribute(node, "alt"), !alt.isEmpty { } // images are not part of the text
        default:
            if Self.blockTags.contains(name) {
                flush()
                read(node)
                flush()
            } else {
                inline += inlineMarkdown(node, wrap: true)
            }
        }
    }

    /// An element's inline content as Markdown: links, emphasis, strike-outs.
    private func inlineMarkdown(_ node: UnsafeMutablePointer<GumboNode>) -> String {
        inlineMarkdown(node, wrap: false).trimmingSpaces
    }

    private func inlineMarkdown(_ node: UnsafeMutablePointer<GumboNode>, wrap: Bool) -> String {
        var inner = ""
        for child in HTMLPage.children(node) {
            switch child.pointee.type {
            case GUMBO_NODE_TEXT, GUMBO_NODE_CDATA: inner += MarkdownEscaping.escapeInline(HTMLPage.literal(child).collapsingWhitespacePreservingEnds)
            case GUMBO_NODE_WHITESPACE: inner += " "
            case GUMBO_NODE_ELEMENT where !HTMLPage.isBoilerplate(child):
                inner += HTMLPage.tag(child) == "br" ? "\\\n" : inlineMarkdown(child, wrap: true)
            default: break
            }
        }
        guard wrap else { return inner }
        let core = inner.trimmingSpaces
        guard !core.isEmpty else { return inner }
        let lead = inner.hasPrefix(" ") ? " " : ""
        let trail = inner.hasSuffix(" ") ? " " : ""
        switch HTMLPage.tag(node) {
        case "a":
            guard let href = HTMLPage.attribute(node, "href"), href.hasPrefix("http://") || href.hasPrefix("https://"),
                  !href.contains(" "), !href.contains(")") else { return inner }
            return lead + "[\(core)](\(href))" + trail
        case "em", "i", "cite": return lead + "*\(core)*" + trail
        case "strong", "b": return lead + "**\(core)**" + trail
        case "s", "del", "strike": return lead + "<s>\(core)</s>" + trail
        default: return inner
        }
    }

    private mutating func flush() {
        let text = inline.trimmingSpaces.replacingOccurrences(of: " \\\n", with: "\\\n")
        inline = ""
        guard !text.isEmpty, text != "\\" else { return }
        var paragraph = text
        while paragraph.hasSuffix("\\\n") { paragraph.removeLast(2) }
        while paragraph.hasPrefix("\\\n") { paragraph.removeFirst(2) }
        guard !paragraph.trimmingSpaces.isEmpty else { return }
        blocks.append(.paragraph(MarkdownEscaping.escapingLineStart(paragraph.trimmingSpaces), line: 0))
    }

    mutating func finish() -> [SourceBlock] {
        flush()
        return blocks
    }
}

extension String {
    var collapsingWhitespace: String {
        split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
    }

    /// Runs of whitespace as one space, keeping a space at either end, since
    /// `a <b>b</b>` needs the space between the words.
    var collapsingWhitespacePreservingEnds: String {
        let core = collapsingWhitespace
        guard !core.isEmpty else { return isEmpty ? "" : " " }
        let lead = first.map { $0.isWhitespace } == true ? " " : ""
        let trail = last.map { $0.isWhitespace } == true ? " " : ""
        return lead + core + trail
    }

    var nonEmpty: String? { isEmpty ? nil : self }
}
