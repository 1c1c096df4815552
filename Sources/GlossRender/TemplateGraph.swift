import GlossModel

/// The templates of a theme and the `{{> partial}}` and `{{< parent}}` tags between them.
///
/// swift-mustache follows a partial every time it is rendered, with no limit:
/// a template that includes itself, directly or through others, recurses until
/// the stack overflows. Gloss's view models hold no recursive data, so no
/// Gloss template needs a cycle, even one guarded by a section
/// (`{{#children}}{{> node}}{{/children}}`): every cycle is an error.
///
/// Both walks below keep their own stack rather than recursing, so that a
/// theme of thousands of chained partials cannot overflow Gloss's stack either.
struct TemplateGraph {
    private var sources: [String: TemplateSource] = [:]
    /// The order the walks start from: page templates first, so that a cycle is
    /// named from the page that reaches it, then every other template by name.
    private var order: [String] = []

    init(sources: [TemplateSource], roots: [String]) {
        for source in sources { self.sources[source.name] = source }
        let names = sources.map(\.name).sorted()
        order = roots.filter { self.sources[$0] != nil } + names.filter { !roots.contains($0) }
    }

    /// The references of `name` to templates that exist (missing ones are reported elsewhere).
    private func edges(of name: String) -> [TemplateOutline.Reference] {
        sources[name]?.outline.references.filter { sources[$0.partial.name] != nil } ?? []
    }

    /// One error per reference that closes a cycle, at that reference's tag,
    /// naming the path from the first template that reaches the cycle.
    func cycleDiagnostics() -> [Diagnostic] {
        enum Visit { case active, done }
        var visits: [String: Visit] = [:]
        var diagnostics: [Diagnostic] = []
        for root in order where visits[root] == nil {
            var stack: [(name: String, edges: [TemplateOutline.Reference], next: Int)] = [(root, edges(of: root), 0)]
            visits[root] = .active
            while let top = stack.last {
                guard top.next < top.edges.count else {
                    visits[top.name] = .done
                    stack.removeLast()
                    continue
                }
                stack[stack.count - 1].next += 1
                let reference = top.edges[top.next].partial
                switch visits[reference.name] {
                case nil:
                    visits[reference.name] = .active
                    stack.append((reference.name, edges(of: reference.name), 0))
                case .active:
                    let path = stack.map(\.name) + [reference.name]
                    let what = reference.isParent ? "parent template" : "partial"
                    diagnostics.append(.error(
                        at: sources[top.name]?.location(reference.line, reference.column),
                        "\(what) cycle: " + path.joined(separator: " → "),
                        note: "a template must not include itself, directly or through other templates"
                    ))
                case .done:
                    break
                }
            }
        }
        return diagnostics
    }

    /// How deep rendering each template nests, counting its sections and, through
    /// every partial and parent template it names, theirs. Requires an acyclic graph.
    private func renderDepths() -> [String: Int] {
        var depths: [String: Int] = [:]
        for root in order where depths[root] == nil {
            var stack: [String] = [root]
            while let name = stack.last {
                let pending = edges(of: name).map(\.partial.name).filter { depths[$0] == nil && !stack.contains($0) }
                if let next = pending.first {
                    stack.append(next)
                    continue
                }
                stack.removeLast()
                let local = sources[name]?.outline.maxDepth ?? 0
                depths[name] = edges(of: name).reduce(local) { deepest, reference in
                    max(deepest, reference.depth + 1 + (depths[reference.partial.name] ?? 0))
                }
            }
        }
        return depths
    }

    /// At most one error: the first template (pages first) whose rendering would
    /// nest deeper than ``TemplateOutline/depthLimit`` through its partials, at the
    /// tag that leads down the deepest path.
    func depthDiagnostics() -> [Diagnostic] {
        let depths = renderDepths()
        let limit = TemplateOutline.depthLimit
        guard let root = order.first(where: { (depths[$0] ?? 0) > limit }) else { return [] }
        var path = [root]
        var first: (TemplateSource, PartialReference)?
        var current = root
        while let source = sources[current],
              let deepest = edges(of: current).max(by: { a, b in
                  a.depth + (depths[a.partial.name] ?? 0) < b.depth + (depths[b.partial.name] ?? 0)
              }),
              deepest.depth + 1 + (depths[deepest.partial.name] ?? 0) > source.outline.maxDepth {
            if first == nil { first = (source, deepest.partial) }
            current = deepest.partial.name
            path.append(current)
        }
        let shown = path.count > 12 ? path.prefix(6) + ["…"] + path.suffix(5) : path[...]
        return [.error(
            at: first.map { $0.0.location($0.1.line, $0.1.column) } ?? sources[root].map { SourceLocation(file: $0.displayPath) },
            "templates nest more than \(limit) levels deep through partials: " + shown.joined(separator: " → "),
            note: "Gloss refuses deeper nesting, which could exhaust the stack while rendering"
        )]
    }
}
