/// Reads one template's source: tags, structure, standalone lines, then the tree.
struct ParsedTemplate {
    var nodes: [Node] = []
    var references: [TemplateReference] = []
    /// The deepest nesting of sections, blocks and parents in this template alone.
    var maxDepth = 0
    var errors: [(line: Int, column: Int, message: String, note: String?)] = []

    init(_ text: String, depthLimit: Int) {
        let source = SourceText(text)
        let lexer = Lexer(source)
        let matcher = SectionMatcher(tags: lexer.tags, source: source, depthLimit: depthLimit)
        var problems = lexer.errors + matcher.errors
        maxDepth = matcher.maxDepth
        for (index, tag) in lexer.tags.enumerated() where tag.kind == .partial || tag.kind == .parent {
            guard !tag.name.isEmpty, !tag.name.hasPrefix("*") else { continue }
            let position = source.position(of: tag.range.lowerBound)
            references.append(TemplateReference(
                name: tag.name, isParent: tag.kind == .parent,
                line: position.line, column: position.column, depth: matcher.depth[index]
            ))
        }
        if problems.isEmpty {
            let lines = StandaloneLines(tags: lexer.tags, matcher: matcher, source: source)
            let builder = TreeBuilder(tags: lexer.tags, matcher: matcher, lines: lines, source: source)
            problems += builder.errors
            nodes = builder.nodes
        }
        errors = problems.sorted { $0.offset < $1.offset }.map {
            let position = source.position(of: $0.offset)
            return (position.line, position.column, $0.message, $0.note)
        }
    }
}
