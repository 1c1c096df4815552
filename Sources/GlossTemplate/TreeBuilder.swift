/// Builds a template's tree from its matched tags and the text between them,
/// applying the standalone rule, block indentation and the content-type pragma.
///
/// Block indentation follows the spec: a block's own indentation (that of
/// the first line of its body, when its opening tag is standalone) is removed
/// where the block is written and the indentation of the block tag it fills
/// is added where it is rendered.
struct TreeBuilder {
    private enum FrameKind {
        case root
        case section(Path, inverted: Bool)
        case slot(name: String, indentation: [UInt8])
        case parentCall(name: String, indentation: [UInt8])
        case override(name: String)
    }

    private struct Frame {
        var kind: FrameKind
        var nodes: [Node] = []
        var overrides: [(name: String, body: [Node])] = []
        /// Spaces removed from the start of each line of this frame's text.
        var dedent: Int
    }

    private let source: SourceText
    private var frames: [Frame] = [Frame(kind: .root, dedent: 0)]
    /// False after `{{%CONTENT_TYPE:TEXT}}`: the rest of the template is not HTML.
    private var escapesHTML = true
    private(set) var errors: [SourceError] = []

    /// Call only when `matcher` found no error: every opening tag has its closing tag.
    init(tags: [Tag], matcher: SectionMatcher, lines: StandaloneLines, source: SourceText) {
        self.source = source
        var cursor = 0
        for (index, tag) in tags.enumerated() {
            let consumed = lines.consumed[index]
            addText(cursor..<consumed.lowerBound)
            cursor = consumed.upperBound
            add(tag, standalone: lines.isStandalone[index], consumed: consumed)
        }
        addText(cursor..<source.bytes.count)
    }

    var nodes: [Node] { frames.first?.nodes ?? [] }

    private var dedent: Int { frames.last?.dedent ?? 0 }

    private mutating func add(_ tag: Tag, standalone: Bool, consumed: Range<Int>) {
        switch tag.kind {
        case .variable:
            append(.variable(Path(tag.name), escaped: escapesHTML))
        case .unescaped:
            append(.variable(Path(tag.name), escaped: false))
        case .section, .invertedSection:
            frames.append(Frame(kind: .section(Path(tag.name), inverted: tag.kind == .invertedSection), dedent: dedent))
        case .block:
            openBlock(tag, standalone: standalone, consumed: consumed)
        case .parent:
            let indentation = standalone ? indentation(from: consumed.lowerBound, to: tag.range.lowerBound) : []
            frames.append(Frame(kind: .parentCall(name: tag.name, indentation: indentation), dedent: dedent))
        case .partial:
            let indentation = standalone ? indentation(from: consumed.lowerBound, to: tag.range.lowerBound) : []
            append(.partial(name: tag.name, indentation: indentation))
        case .close:
            close()
        case .pragma:
            applyPragma(tag)
        case .comment, .delimiters:
            break
        }
    }

    private mutating func openBlock(_ tag: Tag, standalone: Bool, consumed: Range<Int>) {
        let outer = dedent
        if case .parentCall = frames.last?.kind {
            // An override: its own indentation goes, the slot it fills sets the rest.
            let own = standalone ? source.spaces(at: consumed.upperBound) : 0
            frames.append(Frame(kind: .override(name: tag.name), dedent: max(outer, own)))
            return
        }
        if standalone {
            // Indented like the first line of its default content.
            let own = source.spaces(at: consumed.upperBound)
            let start = consumed.upperBound + min(outer, own)
            let indentation = Array(source.bytes[start..<(consumed.upperBound + own)])
            frames.append(Frame(kind: .slot(name: tag.name, indentation: indentation), dedent: max(outer, own)))
        } else {
            let spacesStart = source.startOfSpaces(before: tag.range.lowerBound)
            let indentation = source.isLineStart(spacesStart) ? indentation(from: spacesStart, to: tag.range.lowerBound) : []
            frames.append(Frame(kind: .slot(name: tag.name, indentation: indentation), dedent: outer))
        }
    }

    private mutating func close() {
        guard frames.count > 1, let frame = frames.popLast() else { return }
        switch frame.kind {
        case .root:
            break
        case .section(let path, let inverted):
            append(.section(path, inverted: inverted, body: frame.nodes))
        case .slot(let name, let indentation):
            append(.block(name: name, indentation: indentation, body: frame.nodes))
        case .parentCall(let name, let indentation):
            append(.parent(name: name, indentation: indentation, overrides: frame.overrides))
        case .override(let name):
            frames[frames.count - 1].overrides.append((name, frame.nodes))
        }
    }

    /// The spaces from `start` to `end` (the start of a tag), less those the
    /// enclosing block's dedent removes.
    private func indentation(from start: Int, to end: Int) -> [UInt8] {
        Array(source.bytes[min(start + dedent, end)..<end])
    }

    private mutating func append(_ node: Node) {
        let last = frames.count - 1
        if case .text(let new) = node, case .text(let previous)? = frames[last].nodes.last {
            frames[last].nodes[frames[last].nodes.count - 1] = .text(previous + new)
        } else {
            frames[last].nodes.append(node)
        }
    }

    private mutating func addText(_ range: Range<Int>) {
        guard !range.isEmpty else { return }
        // Text directly inside a parent tag is ignored, as the spec says.
        if case .parentCall = frames.last?.kind { return }
        let dedent = self.dedent
        guard dedent > 0 else {
            append(.text(Array(source.bytes[range])))
            return
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(range.count)
        var offset = range.lowerBound
        while offset < range.upperBound {
            if source.isLineStart(offset) {
                var skipped = 0
                while skipped < dedent, offset < range.upperBound, source.isInlineSpace(offset) {
                    offset += 1
                    skipped += 1
                }
                if offset == range.upperBound { break }
            }
            bytes.append(source.bytes[offset])
            offset += 1
        }
        if !bytes.isEmpty { append(.text(bytes)) }
    }

    private mutating func applyPragma(_ tag: Tag) {
        let parts = tag.name.split(separator: ":", maxSplits: 1).map { String($0).trimmingWhitespace() }
        guard parts.count == 2, parts[0] == "CONTENT_TYPE" else {
            errors.append(SourceError(
                offset: tag.range.lowerBound,
                message: "unknown pragma \(tag.display): expected {{%CONTENT_TYPE:TEXT}} or {{%CONTENT_TYPE:HTML}}"
            ))
            return
        }
        switch parts[1] {
        case "TEXT": escapesHTML = false
        case "HTML": escapesHTML = true
        default:
            errors.append(SourceError(
                offset: tag.range.lowerBound,
                message: "unknown content type '\(parts[1])' in \(tag.display): expected TEXT or HTML"
            ))
        }
    }
}
