/// Pairs every opening tag with its closing tag, and reports tags that close
/// the wrong section, sections never closed and nesting beyond the limit.
struct SectionMatcher {
    /// For an opening tag its closing tag, and the other way round.
    private(set) var partner: [Int?]
    /// The innermost open tag around each tag.
    private(set) var enclosing: [Int?]
    /// Sections open around each tag.
    private(set) var depth: [Int]
    private(set) var maxDepth = 0
    private(set) var errors: [SourceError] = []
    /// True when nesting went past the limit: the rest was not examined.
    private(set) var gaveUp = false

    init(tags: [Tag], source: SourceText, depthLimit: Int) {
        partner = Array(repeating: nil, count: tags.count)
        enclosing = Array(repeating: nil, count: tags.count)
        depth = Array(repeating: 0, count: tags.count)
        var open: [Int] = []

        func at(_ index: Int) -> String {
            let position = source.position(of: tags[index].range.lowerBound)
            return "line \(position.line), column \(position.column)"
        }

        for (index, tag) in tags.enumerated() {
            enclosing[index] = open.last
            depth[index] = open.count
            if let top = open.last, tags[top].kind == .parent, !Self.allowedDirectlyInParent(tag.kind) {
                errors.append(SourceError(
                    offset: tag.range.lowerBound,
                    message: "only {{$block}} overrides may appear directly inside \(tags[top].display)…{{/\(tags[top].name)}}; found \(tag.display)",
                    note: "text there is ignored; a {{$name}}…{{/name}} block replaces the parent's block of that name"
                ))
            }
            if tag.opensSection {
                open.append(index)
                maxDepth = max(maxDepth, open.count)
                if open.count > depthLimit {
                    errors.append(SourceError(
                        offset: tag.range.lowerBound,
                        message: "sections nest more than \(depthLimit) levels deep",
                        note: "Gloss refuses deeper nesting, which could exhaust the stack while rendering"
                    ))
                    gaveUp = true
                    return
                }
            } else if tag.kind == .close {
                guard let top = open.last else {
                    errors.append(SourceError(
                        offset: tag.range.lowerBound,
                        message: "unexpected closing tag \(tag.display): no section is open"
                    ))
                    continue
                }
                if tags[top].name == tag.name {
                    pair(top, index)
                    open.removeLast()
                } else if let match = open.lastIndex(where: { tags[$0].name == tag.name }) {
                    // The sections opened after the one this tag closes were left open.
                    for unclosed in open[(match + 1)...] {
                        errors.append(SourceError(
                            offset: tags[unclosed].range.lowerBound,
                            message: "\(tags[unclosed].display) is never closed: expected {{/\(tags[unclosed].name)}}, found \(tag.display) at \(at(index))"
                        ))
                    }
                    pair(open[match], index)
                    open.removeSubrange(match...)
                } else {
                    errors.append(SourceError(
                        offset: tag.range.lowerBound,
                        message: "mismatched closing tag: expected {{/\(tags[top].name)}} to close \(tags[top].display) at \(at(top)), found \(tag.display)"
                    ))
                }
            }
        }
        for unclosed in open {
            errors.append(SourceError(
                offset: tags[unclosed].range.lowerBound,
                message: "\(tags[unclosed].display) is never closed: expected {{/\(tags[unclosed].name)}}, found the end of the file"
            ))
        }
    }

    private mutating func pair(_ opening: Int, _ closing: Int) {
        partner[opening] = closing
        partner[closing] = opening
    }

    private static func allowedDirectlyInParent(_ kind: Tag.Kind) -> Bool {
        switch kind {
        case .block, .close, .comment, .delimiters, .pragma: true
        default: false
        }
    }
}
