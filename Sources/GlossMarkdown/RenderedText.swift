/// The text of a rendered body as a reader sees it, without markup, for
/// anchoring annotations by quote.
///
/// Offsets are into `utf8`. Text nodes contribute their characters, entities
/// decoded; soft and hard line breaks contribute one space; each block
/// (paragraph, heading, list item, …) is a range of its own, and blocks are
/// separated by a `\n` that belongs to none of them, so a quote can never
/// match across two blocks by accident.
struct RenderedText: Sendable {
    var utf8: [UInt8] = []
    /// The range of each block's text, in document order.
    var blocks: [Range<Int>] = []
}

/// Where an annotation landed: a range of `RenderedText.utf8` inside one block.
struct AnchoredRange: Hashable, Sendable {
    var range: Range<Int>
    /// Index of the annotation in the list given to the anchoring.
    var annotation: Int
}
