/// A name as a template writes it, split once at compile time: `a.b.c` is
/// `["a", "b", "c"]` and `.` (the current context) is `[]`.
struct Path: Sendable, Hashable {
    var names: [String]

    init(_ written: String) {
        names = written == "." ? [] : written.split(separator: ".").map(String.init)
    }
}

/// One step of a compiled template. A template is a flat array of tokens:
/// a token with a body (section, parent, block) is followed by the body's
/// tokens, and `end` is the index just after them.
enum Token: Sendable {
    case text([UInt8])
    case variable(Path, escaped: Bool)
    case section(Path, end: Int)
    case invertedSection(Path, end: Int)
    /// `template` is the index of the partial in its ``TemplateSet``.
    case partial(template: Int, indentation: [UInt8])
    /// The overrides' bodies follow the token, each a range of this template's tokens.
    case parent(template: Int, indentation: [UInt8], overrides: [BlockOverride], end: Int)
    /// A block's default content follows the token, up to `end`.
    case block(name: String, indentation: [UInt8], end: Int)
}

/// `{{$name}}…{{/name}}` inside `{{<parent}}…{{/parent}}`.
struct BlockOverride: Sendable {
    var name: String
    var body: Range<Int>
}

/// A `{{> name}}` or `{{< name}}` tag, for checking that the template exists,
/// that no template includes itself and that nesting stays within bounds.
public struct TemplateReference: Sendable, Hashable {
    public var name: String
    /// True for `{{< parent}}`, false for `{{> partial}}`.
    public var isParent: Bool
    public var line: Int
    public var column: Int
    /// Sections, blocks and parents open around the tag.
    var depth: Int
}
