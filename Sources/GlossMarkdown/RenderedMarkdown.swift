import GlossModel

/// The result of rendering one Markdown body.
public struct RenderedMarkdown: Sendable {
    /// HTML fragment for the body, ending in a newline unless empty.
    public var html: String
    /// Every heading, in document order.
    public var headings: [Heading]
    /// Warnings about content left out of `html`, in document order.
    public var diagnostics: [Diagnostic]
    /// Every top-level paragraph of a transcript, in document order; empty
    /// for plain Markdown.
    public var passages: [Passage]

    public init(html: String, headings: [Heading], diagnostics: [Diagnostic], passages: [Passage] = []) {
        self.passages = passages
        self.html = html
        self.headings = headings
        self.diagnostics = diagnostics
    }
}
