import GlossModel

/// The rule that anchored annotations never share text: a `<mark>` per note,
/// and one note per passage.
///
/// Overlapping, identical and nested ranges are all refused. Nesting is
/// refused too because a note inside another's passage has no clear place in
/// the margin or the reading order, and the two notes can always be combined
/// or the outer quote shortened.
enum AnchorOverlap {
    /// The error for `annotation`, anchored at `range`, when that range shares
    /// text with one already accepted; nil when it shares none. Ranges that
    /// merely touch do not overlap.
    static func clash(
        of range: Range<Int>, for annotation: Annotation, with accepted: [AnchoredRange], of annotations: [Annotation]
    ) -> Diagnostic? {
        guard let other = accepted.first(where: { $0.range.overlaps(range) }),
              annotations.indices.contains(other.annotation) else { return nil }
        let earlier = annotations[other.annotation]
        let location = earlier.location
        let named = "(\"\(AnchoringMessage.shown(earlier.quote, limit: 40))\" at \(location.file):\(location.line))"
        let apart = "nested or overlapping annotations are not supported: shorten one quote so they do not share words, or combine the two notes"
        if other.range == range {
            return .error(
                at: annotation.location, "annotation marks the same passage as another annotation \(named)",
                note: "one note per passage: combine the two into one annotation"
            )
        }
        if other.range.lowerBound <= range.lowerBound, range.upperBound <= other.range.upperBound {
            return .error(at: annotation.location, "annotation lies inside another annotation \(named)", note: apart)
        }
        if range.lowerBound <= other.range.lowerBound, other.range.upperBound <= range.upperBound {
            return .error(at: annotation.location, "annotation contains another annotation \(named)", note: apart)
        }
        return .error(at: annotation.location, "annotation overlaps another annotation \(named)", note: apart)
    }
}
