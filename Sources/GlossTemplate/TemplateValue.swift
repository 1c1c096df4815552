/// What a template sees of the data it renders: a closed set of typed values.
///
/// Rendering never inspects an `Any`: every value says what it is, so looking
/// a name up costs one `switch` per context and no dynamic cast.
///
/// Truthiness follows what Gloss relied on with swift-mustache, so switching
/// engines changes no page:
/// - falsey: `.bool(false)`, `.absent`, an empty `.list`, and a name that
///   resolves to nothing;
/// - truthy: everything else, *including* an empty `.text("")` and
///   `.number(0)` (swift-mustache opens a section on any non-nil value that is
///   not a `Bool` or an empty sequence). Gloss's view models turn empty
///   strings into `nil` (`.absent`) where a section should be skipped.
public enum TemplateValue: Sendable {
    /// Text that `{{x}}` escapes for HTML (unless the template declares
    /// `{{%CONTENT_TYPE:TEXT}}`) and `{{{x}}}` writes as is.
    case text(String)
    /// Markup Gloss produced and trusts: written as is even by `{{x}}`.
    case html(String)
    /// `{{x}}` writes `true` or `false`; a section opens only on `true`,
    /// without pushing a new context.
    case bool(Bool)
    case number(Int)
    /// A section repeats its body once per element, each pushed as the context.
    case list([TemplateValue])
    /// A section pushes the object; names are looked up in it first.
    case object(any TemplateObject)
    /// A field that exists but is empty: writes nothing, is false in a section,
    /// and — unlike a missing name — stops the lookup, so
    /// `{{#source}}{{title}}{{/source}}` never prints an outer `title`.
    case absent

    /// Whether a section `{{#x}}` renders (and `{{^x}}` does not).
    public var isTruthy: Bool {
        switch self {
        case .bool(let value): value
        case .absent: false
        case .list(let values): !values.isEmpty
        case .text, .html, .number, .object: true
        }
    }
}

/// A view model: a value with named fields that templates read.
///
/// Conforming is a `switch` over the field names, each answering its value:
///
/// ```swift
/// struct SourceViewModel: TemplateObject {
///     var text: String
///     var url: String?
///     func value(named name: String) -> TemplateValue? {
///         switch name {
///         case "text": text.templateValue
///         case "url": url.templateValue   // nil becomes .absent
///         default: nil                    // not a field: look further out
///         }
///     }
/// }
/// ```
public protocol TemplateObject: TemplateRepresentable {
    /// The field called `name`; nil when the object has no such field, so the
    /// lookup continues in the enclosing contexts. A field that is declared
    /// but empty answers ``TemplateValue/absent`` instead.
    func value(named name: String) -> TemplateValue?

    /// What `{{.}}` writes for the object itself (escaped like text); nil
    /// writes nothing. A topic, say, renders as its name.
    var renderedText: String? { get }
}

extension TemplateObject {
    public var renderedText: String? { nil }
    public var templateValue: TemplateValue { .object(self) }
}
