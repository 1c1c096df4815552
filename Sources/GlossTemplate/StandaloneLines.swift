/// The spec's standalone rule: a line holding one non-interpolating tag and
/// only spaces or tabs besides is removed from the output, newline included.
///
/// Two cases follow from text inside `{{<parent}}…{{/parent}}` being ignored:
/// a parent tag with its closing tag counts as one tag (`  {{<p}}{{/p}}` is
/// standalone), and a block right after the parent tag starts its line
/// (`{{<p}}{{$block}}` then a newline).
struct StandaloneLines {
    /// The source bytes each tag removes from the output: the tag itself, or
    /// for a standalone tag its whole line.
    private(set) var consumed: [Range<Int>]
    private(set) var isStandalone: [Bool]

    init(tags: [Tag], matcher: SectionMatcher, source: SourceText) {
        consumed = tags.map(\.range)
        isStandalone = Array(repeating: false, count: tags.count)

        func blankLineStart(before offset: Int) -> Int? {
            let start = source.startOfSpaces(before: offset)
            return source.isLineStart(start) ? start : nil
        }

        for (index, tag) in tags.enumerated() where tag.canStandAlone {
            if tag.kind == .parent {
                guard let close = matcher.partner[index],
                      let lineStart = blankLineStart(before: tag.range.lowerBound),
                      let lineEnd = source.endOfBlankRest(from: tags[close].range.upperBound) else { continue }
                consumed[index] = lineStart..<tag.range.upperBound
                consumed[close] = tags[close].range.lowerBound..<lineEnd
                isStandalone[index] = true
                isStandalone[close] = true
                continue
            }
            if tag.kind == .close, let opening = matcher.partner[index], tags[opening].kind == .parent { continue }

            var before = tag.range.lowerBound
            if tag.kind == .block, let around = matcher.enclosing[index], tags[around].kind == .parent,
               source.startOfSpaces(before: before) == tags[around].range.upperBound {
                before = tags[around].range.lowerBound
            }
            guard let lineStart = blankLineStart(before: before),
                  let lineEnd = source.endOfBlankRest(from: tag.range.upperBound) else { continue }
            consumed[index] = max(lineStart, source.startOfSpaces(before: tag.range.lowerBound))..<lineEnd
            isStandalone[index] = true
        }
    }
}
