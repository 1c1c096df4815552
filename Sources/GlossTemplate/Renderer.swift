/// Renders compiled templates into bytes. One renderer serves one render
/// call: it holds that call's context stack and output, so a ``TemplateSet``
/// can be used from many threads at once.
struct Renderer {
    /// A `{{$name}}` override in force while its parent template renders.
    private struct Binding {
        var name: String
        var template: Int
        var body: Range<Int>
        /// True while the override is being rendered: a block of the same name
        /// inside it renders its default rather than the override again.
        var isExpanding = false
    }

    /// Defends against recursion that the compile-time checks cannot see;
    /// templates that pass those checks never come close.
    private static let nestingLimit = 1_000

    private let templates: [CompiledTemplate]
    private var stack: [TemplateValue]
    private var bindings: [Binding] = []
    private var nesting = 0
    var output: OutputBuffer

    init(templates: [CompiledTemplate], context: TemplateValue, capacity: Int) {
        self.templates = templates
        stack = [context]
        stack.reserveCapacity(16)
        output = OutputBuffer(reservingCapacity: capacity)
    }

    mutating func render(template: Int) {
        guard templates.indices.contains(template) else { return }
        render(template: template, range: 0..<templates[template].tokens.count)
    }

    private mutating func render(template: Int, range: Range<Int>) {
        guard nesting < Self.nestingLimit else { return }
        nesting += 1
        defer { nesting -= 1 }
        let tokens = templates[template].tokens
        var index = range.lowerBound
        while index < range.upperBound {
            switch tokens[index] {
            case .text(let bytes):
                output.writeTemplateText(bytes)
                index += 1
            case .variable(let path, let escaped):
                if let value = lookUp(path) { write(value, escaped: escaped) }
                index += 1
            case .section(let path, let end):
                renderSection(lookUp(path), template: template, body: (index + 1)..<end)
                index = end
            case .invertedSection(let path, let end):
                if !(lookUp(path)?.isTruthy ?? false) {
                    render(template: template, range: (index + 1)..<end)
                }
                index = end
            case .partial(let partial, let indentation):
                withIndentation(indentation) { $0.render(template: partial) }
                index += 1
            case .parent(let parent, let indentation, let overrides, let end):
                let outerBindings = bindings.count
                for override in overrides {
                    bindings.append(Binding(name: override.name, template: template, body: override.body))
                }
                withIndentation(indentation) { $0.render(template: parent) }
                bindings.removeSubrange(outerBindings...)
                index = end
            case .block(let name, let indentation, let end):
                withIndentation(indentation) { renderer in
                    // The outermost override wins: a child overrides its parent's overrides.
                    if let found = renderer.bindings.firstIndex(where: { $0.name == name && !$0.isExpanding }) {
                        renderer.bindings[found].isExpanding = true
                        let binding = renderer.bindings[found]
                        renderer.render(template: binding.template, range: binding.body)
                        renderer.bindings[found].isExpanding = false
                    } else {
                        renderer.render(template: template, range: (index + 1)..<end)
                    }
                }
                index = end
            }
        }
    }

    private mutating func renderSection(_ value: TemplateValue?, template: Int, body: Range<Int>) {
        switch value {
        case .list(let items)?:
            for item in items {
                stack.append(item)
                render(template: template, range: body)
                stack.removeLast()
            }
        case .bool(let isTrue)?:
            if isTrue { render(template: template, range: body) }
        case .absent?, nil:
            break
        case let value?:
            stack.append(value)
            render(template: template, range: body)
            stack.removeLast()
        }
    }

    private mutating func withIndentation(_ indentation: [UInt8], _ body: (inout Renderer) -> Void) {
        if indentation.isEmpty { return body(&self) }
        output.indentation.append(contentsOf: indentation)
        body(&self)
        output.indentation.removeLast(indentation.count)
    }

    /// The first context, innermost first, with a field called the first
    /// name; the other names are looked up in that field only.
    private func lookUp(_ path: Path) -> TemplateValue? {
        let names = path.names
        guard let first = names.first else { return stack.last }
        var found: TemplateValue?
        var level = stack.count - 1
        while level >= 0 {
            if case .object(let object) = stack[level], let value = object.value(named: first) {
                found = value
                break
            }
            level -= 1
        }
        guard var value = found else { return nil }
        var position = 1
        while position < names.count {
            guard case .object(let object) = value, let next = object.value(named: names[position]) else { return nil }
            value = next
            position += 1
        }
        return value
    }

    private mutating func write(_ value: TemplateValue, escaped: Bool) {
        switch value {
        case .text(let text): output.writeValue(text, escapingHTML: escaped)
        case .html(let html): output.writeValue(html, escapingHTML: false)
        case .number(let number): output.writeValue(number)
        case .bool(let bool): output.writeValue(bool ? "true" : "false", escapingHTML: false)
        case .object(let object): if let text = object.renderedText { output.writeValue(text, escapingHTML: escaped) }
        // A list has no text of its own; swift-mustache would print Swift's debug description.
        case .list, .absent: break
        }
    }
}
