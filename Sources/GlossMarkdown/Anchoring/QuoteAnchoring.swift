import GlossModel

/// Anchors range notes to the rendered text by quote, exactly and never
/// fuzzily (see `anchor`).
enum QuoteAnchoring {
    /// Finds each annotation's quote in `text`. Returns the ranges (one per
    /// annotation that anchored, in annotation order) and diagnostics, in
    /// annotation order, for those that did not.
    ///
    /// - A quote matches across line breaks and inline formatting (the text has
    ///   them folded already), comparing whitespace runs as one space, curly
    ///   and straight quotes as equal, every dash (`–`, `—`, `--`, `---`) as
    ///   equal but not as a hyphen, and `...` as `…`. Case counts. The range
    ///   covers the quoted characters exactly, not the whitespace around them.
    /// - It must occur exactly once, inside one block; `prefix` and `suffix`
    ///   (compared the same way, whitespace where they meet the quote ignored)
    ///   only choose between repeats, and must match when given.
    /// - Annotations may not overlap, share a range, or nest: the later one in
    ///   `annotations` is reported and left out.
    ///
    /// - Parameter document: the display path of the Markdown file, for messages.
    static func anchor(
        _ annotations: [Annotation], in text: RenderedText, document: String
    ) -> (ranges: [AnchoredRange], diagnostics: [Diagnostic]) {
        guard !annotations.isEmpty else { return ([], []) }
        var search = QuoteSearch(text, document: document)
        var ranges: [AnchoredRange] = []
        var diagnostics: [Diagnostic] = []
        for (index, annotation) in annotations.enumerated() {
            switch search.locate(annotation) {
            case .rejected(let diagnostic):
                diagnostics.append(diagnostic)
            case .anchored(let range):
                if let clash = AnchorOverlap.clash(of: range, for: annotation, with: ranges, of: annotations) {
                    diagnostics.append(clash)
                } else {
                    ranges.append(AnchoredRange(range: range, annotation: index))
                }
            }
        }
        return (ranges, diagnostics)
    }
}
