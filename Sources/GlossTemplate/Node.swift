/// A template as a tree, between parsing and flattening into ``Token``s.
indirect enum Node {
    case text([UInt8])
    case variable(Path, escaped: Bool)
    case section(Path, inverted: Bool, body: [Node])
    /// The template is named; ``TemplateSet`` resolves names to indices.
    case partial(name: String, indentation: [UInt8])
    case parent(name: String, indentation: [UInt8], overrides: [(name: String, body: [Node])])
    case block(name: String, indentation: [UInt8], body: [Node])
}

/// Turns the tree into the flat token array the renderer walks.
struct Flattener {
    /// Index of each template by name; names not found were reported already.
    let templateIndex: (String) -> Int
    private(set) var tokens: [Token] = []

    init(templateIndex: @escaping (String) -> Int) {
        self.templateIndex = templateIndex
    }

    mutating func append(_ nodes: [Node]) {
        for node in nodes {
            switch node {
            case .text(let bytes):
                tokens.append(.text(bytes))
            case .variable(let path, let escaped):
                tokens.append(.variable(path, escaped: escaped))
            case .section(let path, let inverted, let body):
                let start = tokens.count
                tokens.append(.text([]))
                append(body)
                tokens[start] = inverted ? .invertedSection(path, end: tokens.count) : .section(path, end: tokens.count)
            case .partial(let name, let indentation):
                tokens.append(.partial(template: templateIndex(name), indentation: indentation))
            case .parent(let name, let indentation, let overrides):
                let start = tokens.count
                tokens.append(.text([]))
                var compiled: [BlockOverride] = []
                for override in overrides {
                    let bodyStart = tokens.count
                    append(override.body)
                    compiled.append(BlockOverride(name: override.name, body: bodyStart..<tokens.count))
                }
                tokens[start] = .parent(template: templateIndex(name), indentation: indentation, overrides: compiled, end: tokens.count)
            case .block(let name, let indentation, let body):
                let start = tokens.count
                tokens.append(.text([]))
                append(body)
                tokens[start] = .block(name: name, indentation: indentation, end: tokens.count)
            }
        }
    }
}
