/// An editor's ruling on one quotation of a page, from the front matter's
/// `quotes:` list (docs/quotes.md): where it comes from, when the check
/// cannot tell or should not search.
public struct QuoteOverride: Hashable, Sendable {
    public enum Ruling: Hashable, Sendable {
        /// Check the quotation against this passage only: `2025/speech#p-3f2a1c`.
        case passage(slug: String, passageID: String)
        /// The quotation comes from a source the site does not hold (an
        /// interview not published, a letter): not checked, not a warning.
        case unpublished(description: String)
    }

    /// The quotation's words, or as many of its first words as tell it from
    /// the page's other quotations.
    public var quote: String
    public var ruling: Ruling
    /// The list item in the front matter, where an entry that no longer
    /// applies is reported.
    public var location: SourceLocation
    /// The `source:` value, where a passage that does not exist is reported.
    public var sourceLocation: SourceLocation?

    public init(quote: String, ruling: Ruling, location: SourceLocation, sourceLocation: SourceLocation? = nil) {
        self.quote = quote
        self.ruling = ruling
        self.location = location
        self.sourceLocation = sourceLocation
    }
}
