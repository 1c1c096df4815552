import GlossModel

/// A Swift value that has an obvious ``TemplateValue``, so that a view model's
/// fields convert with one spelling: `field.templateValue`.
public protocol TemplateRepresentable: Sendable {
    var templateValue: TemplateValue { get }
}

extension TemplateValue: TemplateRepresentable {
    public var templateValue: TemplateValue { self }
}

extension String: TemplateRepresentable {
    @inlinable public var templateValue: TemplateValue { .text(self) }
}

extension Int: TemplateRepresentable {
    @inlinable public var templateValue: TemplateValue { .number(self) }
}

extension Bool: TemplateRepresentable {
    @inlinable public var templateValue: TemplateValue { .bool(self) }
}

/// `nil` is a declared but empty field, which must not fall through to an
/// outer context (see ``TemplateValue/absent``).
extension Optional: TemplateRepresentable where Wrapped: TemplateRepresentable {
    @inlinable public var templateValue: TemplateValue {
        switch self {
        case .some(let value): value.templateValue
        case .none: .absent
        }
    }
}

extension Array: TemplateRepresentable where Element: TemplateRepresentable {
    // A closure, not a key path: key paths are instantiated at run time on every call.
    @inlinable public var templateValue: TemplateValue { .list(map { $0.templateValue }) }
}

extension Dictionary: TemplateRepresentable where Key == String, Value: TemplateRepresentable {
    @inlinable public var templateValue: TemplateValue { .object(TemplateDictionary(mapValues { $0.templateValue })) }
}

/// Fields from a dictionary, for data without a view model of its own
/// (front matter `params`, tests).
public struct TemplateDictionary: TemplateObject {
    public var fields: [String: TemplateValue]

    public init(_ fields: [String: TemplateValue]) {
        self.fields = fields
    }

    public func value(named name: String) -> TemplateValue? { fields[name] }
}

extension TemplateValue {
    /// A front matter value as templates see it, as Gloss showed it through
    /// swift-mustache: `null` (at any depth) is ``absent``, so `{{#params.key}}`
    /// is false for `key: ~`; a decimal is written as Swift prints it.
    public init(_ value: GlossModel.Value) {
        switch value {
        case .null: self = .absent
        case .bool(let bool): self = .bool(bool)
        case .int(let int): self = .number(int)
        case .double(let double): self = .text(String(describing: double))
        case .string(let string): self = .text(string)
        case .array(let values): self = .list(values.map(TemplateValue.init))
        case .dictionary(let values): self = .object(TemplateDictionary(values.mapValues(TemplateValue.init)))
        }
    }
}
