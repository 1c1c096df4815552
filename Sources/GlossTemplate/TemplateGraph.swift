/// The templates and the `{{> partial}}` and `{{< parent}}` tags between them.
///
/// Every cycle is an error, even one a section would guard
/// (`{{#children}}{{> node}}{{/children}}`): Gloss's view models hold no
/// recursive data, and without cycles rendering depth is known before any
/// page is rendered. Both walks keep their own stack, so a chain of thousands
/// of templates cannot overflow Gloss's.
struct TemplateGraph {
    struct Vertex {
        var name: String
        var path: String
        var references: [TemplateReference]
        var maxDepth: Int
    }

    private var vertices: [String: Vertex] = [:]
    /// Page templates first, so a cycle is named from the page that reaches it.
    private var order: [String] = []

    init(_ vertices: [Vertex], roots: [String]) {
        for vertex in vertices { self.vertices[vertex.name] = vertex }
        let rootSet = Set(roots)
        order = roots.filter { self.vertices[$0] != nil } + vertices.map(\.name).sorted().filter { !rootSet.contains($0) }
    }

    /// References to templates that exist (missing ones are reported on their own).
    private func edges(of name: String) -> [TemplateReference] {
        vertices[name]?.references.filter { vertices[$0.name] != nil } ?? []
    }

    private func error(in name: String, at reference: TemplateReference, _ message: String, note: String) -> TemplateError {
        TemplateError(
            template: name, path: vertices[name]?.path ?? name,
            line: reference.line, column: reference.column, message: message, note: note
        )
    }

    /// One error per reference that closes a cycle, at its tag, naming the path.
    func cycleErrors() -> [TemplateError] {
        enum State { case onPath, finished }
        var states: [String: State] = [:]
        var errors: [TemplateError] = []
        for root in order where states[root] == nil {
            var path: [(name: String, edges: [TemplateReference], next: Int)] = [(root, edges(of: root), 0)]
            states[root] = .onPath
            while let top = path.last {
                guard top.next < top.edges.count else {
                    states[top.name] = .finished
                    path.removeLast()
                    continue
                }
                path[path.count - 1].next += 1
                let reference = top.edges[top.next]
                switch states[reference.name] {
                case nil:
                    states[reference.name] = .onPath
                    path.append((reference.name, edges(of: reference.name), 0))
                case .onPath:
                    let names = path.map(\.name) + [reference.name]
                    let what = reference.isParent ? "parent template" : "partial"
                    errors.append(error(
                        in: top.name, at: reference,
                        "\(what) cycle: " + names.joined(separator: " → "),
                        note: "a template must not include itself, directly or through other templates"
                    ))
                case .finished:
                    break
                }
            }
        }
        return errors
    }

    /// At most one error: the first template whose rendering would nest deeper
    /// than `limit` through its partials and parents, at the tag that leads
    /// down the deepest path. Requires a graph without cycles.
    func depthErrors(limit: Int) -> [TemplateError] {
        var depths: [String: Int] = [:]
        func deepestThrough(_ reference: TemplateReference) -> Int {
            reference.depth + 1 + (depths[reference.name] ?? 0)
        }
        for root in order where depths[root] == nil {
            var pending = [root]
            while let name = pending.last {
                if let next = edges(of: name).first(where: { depths[$0.name] == nil && !pending.contains($0.name) }) {
                    pending.append(next.name)
                    continue
                }
                pending.removeLast()
                depths[name] = edges(of: name).map(deepestThrough).reduce(vertices[name]?.maxDepth ?? 0, max)
            }
        }
        guard let root = order.first(where: { (depths[$0] ?? 0) > limit }) else { return [] }
        var names = [root]
        var firstStep: (String, TemplateReference)?
        var current = root
        while let vertex = vertices[current],
              let deepest = edges(of: current).max(by: { deepestThrough($0) < deepestThrough($1) }),
              deepestThrough(deepest) > vertex.maxDepth {
            if firstStep == nil { firstStep = (current, deepest) }
            current = deepest.name
            names.append(current)
        }
        let shown = names.count > 12 ? Array(names.prefix(6)) + ["…"] + Array(names.suffix(5)) : names
        let message = "templates nest more than \(limit) levels deep through partials: " + shown.joined(separator: " → ")
        let note = "Gloss refuses deeper nesting, which could exhaust the stack while rendering"
        guard let (name, reference) = firstStep else {
            return [TemplateError(template: root, path: vertices[root]?.path ?? root, line: 1, column: 1, message: message, note: note)]
        }
        return [error(in: name, at: reference, message, note: note)]
    }
}
