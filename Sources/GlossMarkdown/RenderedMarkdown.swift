import GlossModel

/// The result of rendering one Markdown body.
public struct RenderedMarkdown: Sendable {
    /// HTML fragment for the body, ending in a newline unless empty.
    public var html: String {
        get { String(decoding: htmlBytes, as: UTF8.self) }
        set { htmlBytes = Array(newValue.utf8) }
    }
    /// `html` as the writer made it, in UTF-8: a build stores and fills it
    /// as bytes, and checking its encoding once per page is enough.
    public var htmlBytes: [UInt8]
    /// Every heading, in document order.
    public var headings: [Heading]
    /// Warnings about content left out of `html`, in document order.
    public var diagnostics: [Diagnostic]
    /// Every top-level paragraph of a transcript, in document order; empty
    /// for plain Markdown.
    public var passages: [Passage]
    /// Every link (images not included) in document order, autolinks and
    /// links in notes included, whether or not a resolver was given: what the
    /// build computes backlinks from.
    public var links: [LinkReference]
    /// The link and image destinations left as holes in `html` by
    /// ``MarkdownRenderer/renderDeferringLinks(_:options:file:firstLine:)``,
    /// by slot; empty when links were resolved as the body was written.
    public var pendingLinks: [LinkReference] = []
    /// Ids of a printed record's page breaks (`page-s705`), which links may
    /// point at like passages.
    public var pageAnchors: [String] = []

    public init(html: String, headings: [Heading], diagnostics: [Diagnostic], passages: [Passage] = [], links: [LinkReference] = []) {
        self.passages = passages
        self.links = links
        self.htmlBytes = Array(html.utf8)
        self.headings = headings
        self.diagnostics = diagnostics
    }

    init(htmlBytes: [UInt8], headings: [Heading], diagnostics: [Diagnostic], passages: [Passage] = [], links: [LinkReference] = []) {
        self.init(html: "", headings: headings, diagnostics: diagnostics, passages: passages, links: links)
        self.htmlBytes = htmlBytes
    }
}
