/// A theme's templates, compiled and checked together: immutable, `Sendable`,
/// and safe to render from many threads at once.
///
/// Compiling reports every problem it can find, each at its tag: syntax
/// errors, partials and parents that do not exist, cycles between templates,
/// nesting too deep to render safely and dynamic partials (`{{>*name}}`).
/// A set that compiles renders without any further failure.
public struct TemplateSet: Sendable {
    /// The deepest nesting of sections, blocks, partials and parents accepted.
    /// Gloss's default theme nests fewer than 10 deep.
    public static let depthLimit = 100

    private let templates: [CompiledTemplate]
    private let indexByName: [String: Int]

    /// Compiles `sources`.
    /// - Parameter roots: the templates pages start from, so that a cycle is
    ///   named from the page that reaches it.
    /// - Throws: every error found, in reading order.
    public init(_ sources: [TemplateSource], roots: [String] = []) throws(TemplateSetError) {
        var errors: [TemplateError] = []
        var indexByName: [String: Int] = [:]
        var parsed: [ParsedTemplate] = []
        for source in sources {
            if indexByName[source.name] != nil {
                errors.append(TemplateError(
                    template: source.name, path: source.path, line: 1, column: 1,
                    message: "a second template is named \"\(source.name)\""
                ))
                parsed.append(ParsedTemplate("", depthLimit: Self.depthLimit))
                continue
            }
            indexByName[source.name] = parsed.count
            let template = ParsedTemplate(source.text, depthLimit: Self.depthLimit)
            errors += template.errors.map {
                TemplateError(template: source.name, path: source.path, line: $0.line, column: $0.column, message: $0.message, note: $0.note)
            }
            parsed.append(template)
        }

        for (source, template) in zip(sources, parsed) {
            for reference in template.references where indexByName[reference.name] == nil {
                let what = reference.isParent ? "parent template" : "partial"
                errors.append(TemplateError(
                    template: source.name, path: source.path, line: reference.line, column: reference.column,
                    message: "\(what) \"\(reference.name)\" not found",
                    note: "templates are named by their path without .mustache, e.g. \"partials/header\""
                ))
            }
        }

        let graph = TemplateGraph(zip(sources, parsed).map {
            TemplateGraph.Vertex(name: $0.name, path: $0.path, references: $1.references, maxDepth: $1.maxDepth)
        }, roots: roots)
        let cycles = graph.cycleErrors()
        errors += cycles
        // Depth through templates is defined only without cycles, and is no
        // news when one template is too deep on its own.
        if cycles.isEmpty, !parsed.contains(where: { $0.maxDepth > Self.depthLimit }) {
            errors += graph.depthErrors(limit: Self.depthLimit)
        }

        guard errors.isEmpty else {
            throw TemplateSetError(errors: errors.sorted { ($0.path, $0.line, $0.column) < ($1.path, $1.line, $1.column) })
        }
        templates = zip(sources, parsed).map { source, template in
            var flattener = Flattener { indexByName[$0] ?? -1 }
            flattener.append(template.nodes)
            let textSize = flattener.tokens.reduce(0) { size, token in
                if case .text(let bytes) = token { size + bytes.count } else { size + 16 }
            }
            return CompiledTemplate(name: source.name, tokens: flattener.tokens, textSize: textSize)
        }
        self.indexByName = indexByName
    }

    /// Compiles templates given by name, each reported under its name.
    public init(templates: [String: String], roots: [String] = []) throws(TemplateSetError) {
        try self.init(templates.sorted { $0.key < $1.key }.map { TemplateSource(name: $0.key, text: $0.value) }, roots: roots)
    }

    /// The names of the templates, sorted.
    public var names: [String] { indexByName.keys.sorted() }

    public func contains(_ name: String) -> Bool { indexByName[name] != nil }

    /// The template `name` rendered with `context` as the only context;
    /// nil when there is no such template.
    public func render(_ name: String, _ context: TemplateValue) -> String? {
        var output: [UInt8] = []
        guard render(name, context, into: &output) else { return nil }
        return String(decoding: output, as: UTF8.self)
    }

    public func render(_ name: String, _ context: some TemplateObject) -> String? {
        render(name, .object(context))
    }

    /// Appends the rendering of `name` to `output`; false when there is no such template.
    public func render(_ name: String, _ context: TemplateValue, into output: inout [UInt8]) -> Bool {
        guard let index = indexByName[name] else { return false }
        // Reserved in the caller's buffer, which the renderer writes into: a
        // buffer reserved by the renderer would be swapped out unused.
        output.reserveCapacity(output.count + templates[index].textSize * 2)
        var renderer = Renderer(templates: templates, context: context, capacity: 0)
        swap(&renderer.output.bytes, &output)
        renderer.render(template: index)
        swap(&renderer.output.bytes, &output)
        return true
    }
}
