import CCmark
import GlossModel

/// Turns a cmark tree into HTML, one method per kind of node.
///
/// Output matches `cmark_render_html` byte for byte (apart from heading ids),
/// so CommonMark's own test suite checks it. Later dialects change rendering
/// by transforming the tree first or by handling more node kinds in `enter`/`exit`.
struct HTMLWriter {
    private(set) var html: HTMLBuffer
    private(set) var headings: [Heading] = []
    private(set) var diagnostics: [Diagnostic] = []
    /// Every link (not image) written, in document order, note links included
    /// where the plan puts their notes.
    private(set) var links: [LinkReference] = []
    /// Errors for destinations the resolver found broken; kept apart from
    /// `diagnostics`, whose warnings are capped per document.
    private(set) var linkDiagnostics: [Diagnostic] = []
    /// The resolver and what recorded references say about notes and passages.
    var linkScope = LinkScope()

    private let options: MarkdownOptions
    private let lineOffset: Int
    private var headingIDs: HeadingIDs
    private var locator: NodeLocator
    /// The transcript dialect's changes to the output; nil for plain CommonMark.
    var plan: DialectPlan?
    /// Where the open tag of the heading being written ends, for its id.
    private var headingTagEnd = 0

    init(source: String, options: MarkdownOptions, file: String, firstLine: Int) {
        self.options = options
        headingIDs = HeadingIDs(reserved: options.reservedIDs)
        self.lineOffset = firstLine - 1
        locator = NodeLocator(source: source, file: file, firstLine: firstLine)
        // HTML is usually a little longer than its Markdown.
        let size = source.utf8.count
        html = HTMLBuffer(capacity: size + size / 4 + 64)
    }

    /// Walks the tree with cmark's iterator rather than by recursion, so any
    /// nesting depth the parser accepts renders without exhausting the stack.
    mutating func write(_ root: CmarkNode) {
        guard let iterator = cmark_iter_new(root.pointer) else { return }
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard let pointer = cmark_iter_get_node(iterator) else { continue }
            let node = CmarkNode(pointer: pointer)
            if plan != nil {
                writeDialect(node, event: event, iterator: iterator)
            } else if event == CMARK_EVENT_EXIT {
                exit(node)
            } else if !enter(node) {
                // Resetting consumes the exit event, so it is handled here.
                cmark_iter_reset(iterator, pointer, CMARK_EVENT_EXIT)
                exit(node)
            }
        }
    }

    /// One step of the walk with the dialect's plan: its extra HTML before and
    /// after nodes, replaced tags and text, and nodes left out.
    private mutating func writeDialect(_ node: CmarkNode, event: cmark_event_type, iterator: OpaquePointer) {
        let pointer = node.pointer
        let planned = plan?.nodes[pointer]
        if event == CMARK_EVENT_EXIT {
            if let close = planned?.closeTag { html.append(close) } else { exit(node) }
            writeAfter(planned)
            return
        }
        guard let planned else {
            // Nothing planned: the node as plain CommonMark writes it.
            if !enter(node) {
                cmark_iter_reset(iterator, pointer, CMARK_EVENT_EXIT)
                exit(node)
            }
            return
        }
        if let before = planned.before {
            if !node.isInline { html.ensureNewline() }
            html.append(before)
        }
        if planned.skip {
            cmark_iter_reset(iterator, pointer, CMARK_EVENT_EXIT)
            writeAfter(planned)
            return
        }
        var descend = true
        if let open = planned.openTag {
            html.ensureNewline()
            html.append(open)
        } else if node.type == CMARK_NODE_TEXT, let text = planned.text {
            html.append(raw: text)
        } else {
            descend = enter(node)
        }
        if !descend {
            cmark_iter_reset(iterator, pointer, CMARK_EVENT_EXIT)
            if let close = planned.closeTag { html.append(close) } else { exit(node) }
            writeAfter(planned)
        } else if Self.leafTypes.contains(node.type) {
            // cmark's iterator never exits a leaf, so what follows it is written now.
            writeAfter(planned)
        }
    }

    /// The plan's HTML after a node (its notes' asides first), and the links
    /// of those notes, so that `links` follows the order of the page.
    private mutating func writeAfter(_ planned: DialectPlan.NodePlan?) {
        guard let planned else { return }
        if let after = planned.after { html.append(after) }
        if let noteLinks = planned.noteLinks { links += noteLinks }
    }

    /// Node types without children: cmark's iterator only enters them.
    private static let leafTypes: Set<cmark_node_type> = [
        CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE, CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK,
        CMARK_NODE_CODE_BLOCK, CMARK_NODE_HTML_BLOCK, CMARK_NODE_THEMATIC_BREAK,
    ]

    /// Writes what comes before a node's children; false when the method has
    /// already written the children itself and the walk should skip them.
    private mutating func enter(_ node: CmarkNode) -> Bool {
        switch node.type {
        case CMARK_NODE_BLOCK_QUOTE: openBlock("<blockquote>\n")
        case CMARK_NODE_LIST: openList(node)
        case CMARK_NODE_ITEM: openBlock("<li>")
        case CMARK_NODE_HEADING: openHeading(node)
        case CMARK_NODE_CODE_BLOCK: codeBlock(node)
        case CMARK_NODE_HTML_BLOCK: htmlBlock(node)
        case CMARK_NODE_THEMATIC_BREAK: openBlock("<hr />\n")
        case CMARK_NODE_PARAGRAPH: if !isInTightList(node) { openBlock("<p>") }
        case CMARK_NODE_TEXT: html.append(escapingHTML: node.literal)
        case CMARK_NODE_SOFTBREAK: html.append(UInt8(ascii: "\n"))
        case CMARK_NODE_LINEBREAK: html.append("<br />\n")
        case CMARK_NODE_CODE: code(node)
        case CMARK_NODE_HTML_INLINE: htmlInline(node)
        case CMARK_NODE_EMPH: html.append("<em>")
        case CMARK_NODE_STRONG: html.append("<strong>")
        case CMARK_NODE_LINK: openLink(node)
        case CMARK_NODE_IMAGE:
            openImage(node)
            return false
        default: break
        }
        return true
    }

    /// Writes what comes after a container node's children.
    private mutating func exit(_ node: CmarkNode) {
        switch node.type {
        case CMARK_NODE_BLOCK_QUOTE:
            html.ensureNewline()
            html.append("</blockquote>\n")
        case CMARK_NODE_LIST: html.append(node.isBulletList ? "</ul>\n" : "</ol>\n")
        case CMARK_NODE_ITEM: html.append("</li>\n")
        case CMARK_NODE_HEADING: closeHeading(node)
        case CMARK_NODE_PARAGRAPH: if !isInTightList(node) { html.append("</p>\n") }
        case CMARK_NODE_EMPH: html.append("</em>")
        case CMARK_NODE_STRONG: html.append("</strong>")
        case CMARK_NODE_LINK: html.append("</a>")
        case CMARK_NODE_IMAGE: closeImage(node)
        default: break
        }
    }

    // MARK: Blocks

    private mutating func openBlock(_ tag: StaticString) {
        html.ensureNewline()
        html.append(tag)
    }

    private mutating func openList(_ node: CmarkNode) {
        html.ensureNewline()
        if node.isBulletList {
            html.append("<ul>\n")
        } else if node.listStart == 1 {
            html.append("<ol>\n")
        } else {
            html.append("<ol start=\"")
            html.append(String(node.listStart))
            html.append("\">\n")
        }
    }

    /// The id depends on the heading's text, which is only known after its
    /// children are written, so the tag is closed now and the id inserted on exit.
    private mutating func openHeading(_ node: CmarkNode) {
        html.ensureNewline()
        html.append("<h")
        html.append(Self.digit(node.headingLevel))
        headingTagEnd = html.bytes.count
        html.append(UInt8(ascii: ">"))
    }

    /// `Heading[^a]` → `Heading`: a point-note marker is not part of a
    /// heading's words, so not of its id either.
    static func removingNoteMarkers(_ text: String) -> String {
        var result = ""
        var rest = text[...]
        while let open = rest.range(of: "[^"), let close = rest[open.upperBound...].firstIndex(of: "]") {
            result += rest[..<open.lowerBound]
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    private mutating func closeHeading(_ node: CmarkNode) {
        var bytes: [UInt8] = []
        node.forEachPlainText(includingHTML: false) { bytes.append(contentsOf: $0) }
        var text = String(decoding: bytes, as: UTF8.self)
        if plan != nil { text = Self.removingNoteMarkers(text) }
        let heading = Heading(
            level: node.headingLevel,
            text: text,
            id: headingIDs.id(for: text),
            line: node.startLine + lineOffset
        )
        headings.append(heading)
        if options.headingIDs {
            // Slugs hold only letters, digits and `-`, so they need no escaping.
            html.insert(Array(" id=\"\(heading.id)\"".utf8), at: headingTagEnd)
        }
        html.append("</h")
        html.append(Self.digit(node.headingLevel))
        html.append(">\n")
    }

    private mutating func codeBlock(_ node: CmarkNode) {
        html.ensureNewline()
        let info = node.fenceInfo
        // Only the info string's first word names the language.
        let language = UnsafeBufferPointer(rebasing: info.prefix { !Self.isSpace($0) })
        if info.isEmpty {
            html.append("<pre><code>")
        } else {
            html.append("<pre><code class=\"language-")
            html.append(escapingHTML: language)
            html.append("\">")
        }
        html.append(escapingHTML: node.literal)
        html.append("</code></pre>\n")
    }

    private mutating func htmlBlock(_ node: CmarkNode) {
        html.ensureNewline()
        if options.unsafeHTML {
            html.append(raw: node.literal)
        } else {
            html.append("<!-- raw HTML omitted -->")
            warnRawHTML(node)
        }
        html.ensureNewline()
    }

    /// cmark leaves out `<p>` in tight lists, where items read as single lines.
    private func isInTightList(_ paragraph: CmarkNode) -> Bool {
        guard let grandparent = paragraph.parent?.parent, grandparent.type == CMARK_NODE_LIST else { return false }
        return grandparent.isTightList
    }

    // MARK: Inlines

    private mutating func code(_ node: CmarkNode) {
        html.append("<code>")
        html.append(escapingHTML: node.literal)
        html.append("</code>")
    }

    private mutating func htmlInline(_ node: CmarkNode) {
        if options.unsafeHTML {
            html.append(raw: node.literal)
        } else {
            html.append("<!-- raw HTML omitted -->")
            warnRawHTML(node)
        }
    }

    private mutating func openLink(_ node: CmarkNode) {
        html.append("<a href=\"")
        appendURL(of: node, what: "link", isImage: false)
        let title = node.title
        if !title.isEmpty {
            html.append("\" title=\"")
            html.append(escapingHTML: title)
        }
        html.append("\">")
    }

    /// Alt text is the plain text of the image's description, so the
    /// description's children are written here rather than by the walk.
    private mutating func openImage(_ node: CmarkNode) {
        html.append("<img src=\"")
        appendURL(of: node, what: "image source", isImage: true)
        html.append("\" alt=\"")
        node.forEachPlainText(includingHTML: true) { html.append(escapingHTML: $0) }
    }

    private mutating func closeImage(_ node: CmarkNode) {
        let title = node.title
        if !title.isEmpty {
            html.append("\" title=\"")
            html.append(escapingHTML: title)
        }
        html.append("\" />")
    }

    /// Records a link, asks the resolver about the destination, then writes
    /// the URL it settles on, unless safe mode refuses it.
    private mutating func appendURL(of node: CmarkNode, what: String, isImage: Bool) {
        let url = node.url
        var replacement: String?
        // Without a resolver, images need no reference: only links are listed.
        if linkScope.resolver != nil || !isImage {
            let reference = LinkReference(
                destination: String(decoding: url, as: UTF8.self), location: location(of: node),
                isImage: isImage, passageID: linkScope.passageID ?? passageID(of: node), inNote: linkScope.inNote
            )
            if !isImage { links.append(reference) }
            switch linkScope.resolver?.resolve(reference) {
            case .replace(let resolved)?: replacement = resolved
            case .broken(let message, let note)?:
                linkDiagnostics.append(.error(at: reference.location, message, note: note))
            case .deferred(let slot)?:
                // Safe mode judges the written destination; a site-made
                // replacement is never dangerous, so judging it now is the same.
                if options.unsafeHTML || !DangerousURL.matches(url) {
                    html.append(hole: slot)
                } else {
                    appendCheckedURL(url, of: node, what: what)
                }
                return
            case .keep?, nil: break
            }
        }
        if var replacement {
            replacement.withUTF8 { appendCheckedURL($0, of: node, what: what) }
        } else {
            appendCheckedURL(url, of: node, what: what)
        }
    }

    private mutating func appendCheckedURL(_ url: UnsafeBufferPointer<UInt8>, of node: CmarkNode, what: String) {
        if options.unsafeHTML || !DangerousURL.matches(url) {
            html.append(escapingURL: url)
        } else {
            diagnostics.append(.warning(
                at: location(of: node),
                "unsafe \(what) omitted: \(Self.excerpt(url))",
                note: "set \"options: {unsafe_html: true}\" in site.yaml to allow javascript:, vbscript:, file: and data: URLs"
            ))
        }
    }

    /// The dialect's passage for the top-level block holding `node`.
    private func passageID(of node: CmarkNode) -> String? {
        guard let plan, !plan.passageIDs.isEmpty else { return nil }
        var block = node
        while let parent = block.parent, parent.parent != nil { block = parent }
        return plan.passageIDs[block.pointer]
    }

    // MARK: Diagnostics

    private mutating func warnRawHTML(_ node: CmarkNode) {
        diagnostics.append(.warning(
            at: location(of: node),
            "raw HTML omitted: \(Self.excerpt(node.literal))",
            note: "set \"options: {unsafe_html: true}\" in site.yaml to allow raw HTML"
        ))
    }

    private mutating func location(of node: CmarkNode) -> SourceLocation {
        locator.location(of: node)
    }

    /// The first line of `text`, quoted, cut short so that a long HTML block
    /// still gives a one-line warning.
    private static func excerpt(_ text: UnsafeBufferPointer<UInt8>) -> String {
        let limit = 60
        let lineEnd = text.firstIndex { $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") } ?? text.count
        let line = String(decoding: UnsafeBufferPointer(rebasing: text[..<lineEnd]), as: UTF8.self)
        let moreLines = text[lineEnd...].contains { !isSpace($0) }
        if line.count > limit || moreLines {
            return "\"\(line.prefix(limit))…\""
        }
        return "\"\(line)\""
    }

    private static func digit(_ value: Int) -> UInt8 {
        UInt8(ascii: "0") + UInt8(clamping: value)
    }

    /// cmark's notion of space in an info string.
    private static func isSpace(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), 0x0B, 0x0C, UInt8(ascii: "\r"): true
        default: false
        }
    }
}
