import GlossModel

/// What a transcript page is made from.
public struct TranscriptPageInput: Sendable {
    public var document: Document
    /// The transcript body as HTML from GlossMarkdown. It is trusted: the
    /// theme inserts it unescaped (`{{{transcript.body}}}`).
    public var bodyHTML: String
    /// Links from other transcripts (or their annotations) to this one, for
    /// "Cited by". Citations from a slug missing from `documents` (a draft
    /// left out of the build) and from the transcript itself are left out.
    public var citations: [Citation]
    /// Related transcripts, in the order to show them.
    public var related: [Document]
    /// Every listed document by slug, for the titles and dates of citing transcripts.
    public var documents: [String: Document]
    /// Whether a turn has a timestamp: then the page links its caption files.
    public var hasTimestamps: Bool
    /// The quote check's verdicts on this page's quotations, and where its passages are quoted.
    public var quotes = PageQuotes()

    public init(
        document: Document, bodyHTML: String, citations: [Citation] = [], related: [Document] = [], documents: [String: Document] = [:],
        hasTimestamps: Bool = false
    ) {
        self.hasTimestamps = hasTimestamps
        self.document = document
        self.bodyHTML = bodyHTML
        self.citations = citations
        self.related = related
        self.documents = documents
    }
}
