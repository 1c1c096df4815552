/// How Markdown is turned into HTML.
///
/// The defaults suit imported transcripts: nothing in the text can run script
/// in a reader's browser, and the words stay exactly as written.
public struct MarkdownOptions: Sendable, Hashable {
    /// Pass raw HTML and `javascript:`, `vbscript:`, `file:` and `data:` links
    /// through. Off: raw HTML becomes `<!-- raw HTML omitted -->`, such links
    /// get an empty `href`, and each omission is reported as a warning.
    public var unsafeHTML: Bool
    /// Turn straight quotes, `--`, `---` and `...` into typographic punctuation.
    public var smartPunctuation: Bool
    /// Give every `h1`–`h6` an `id` made from its text, so headings can be linked to.
    public var headingIDs: Bool
    /// Ids the page around the body already uses (the theme's `main`, say):
    /// a heading that would get one gets the next free suffix instead, so a
    /// page never has two elements with one id.
    public var reservedIDs: Set<String>
    /// The transcript dialect's context; `nil` renders plain CommonMark,
    /// byte for byte as cmark does.
    public var transcript: TranscriptContext?

    public init(
        unsafeHTML: Bool = false, smartPunctuation: Bool = false, headingIDs: Bool = true,
        reservedIDs: Set<String> = [], transcript: TranscriptContext? = nil
    ) {
        self.transcript = transcript
        self.unsafeHTML = unsafeHTML
        self.smartPunctuation = smartPunctuation
        self.headingIDs = headingIDs
        self.reservedIDs = reservedIDs
    }
}
