import GlossModel

/// A piece of a text node as the dialect reads it.
enum TextSegment {
    /// Words, and where they start in the rendered text.
    case text([UInt8], rendered: Int)
    /// A non-speech event such as `[applause]`, brackets included.
    case event([UInt8], rendered: Int)
    /// A point-note marker `[^id]`.
    case marker(String, SourceLocation)
    /// Where a page of a printed record begins, `[[Page S705]]`, brackets
    /// included, and the page's name (`S705`).
    case pageBreak([UInt8], page: String, rendered: Int)
}
