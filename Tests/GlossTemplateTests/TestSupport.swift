import GlossTemplate
import Testing

// Literals keep the spec tables close to the spec's JSON data.
extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral {
    public init(stringLiteral value: String) { self = .text(value) }
    public init(integerLiteral value: Int) { self = .number(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self = .object(TemplateDictionary(Dictionary(elements, uniquingKeysWith: { first, _ in first })))
    }
    public init(nilLiteral: ()) { self = .absent }
}

/// One case of a spec table: a template, its partials, data and the expected output.
struct RenderCase: Sendable, CustomTestStringConvertible {
    var name: String
    var template: String
    var data: TemplateValue = [:]
    var partials: [String: String] = [:]
    var expected: String

    var testDescription: String { name }

    init(_ name: String, _ template: String, data: TemplateValue = [:], partials: [String: String] = [:], expected: String) {
        self.name = name
        self.template = template
        self.data = data
        self.partials = partials
        self.expected = expected
    }

    func render() throws -> String? {
        var sources = partials
        sources["test"] = template
        return try TemplateSet(templates: sources).render("test", data)
    }
}

/// The errors compiling `templates` reports, or none.
func compileErrors(_ templates: [String: String]) -> [TemplateError] {
    do {
        _ = try TemplateSet(templates: templates)
        return []
    } catch {
        return error.errors
    }
}

func compileErrors(_ template: String) -> [TemplateError] {
    compileErrors(["test": template])
}
