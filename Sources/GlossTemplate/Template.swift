/// One template ready to render: its tokens, with every partial and parent
/// resolved to its index in the ``TemplateSet``.
struct CompiledTemplate: Sendable {
    var name: String
    var tokens: [Token]
    /// A rough size of what the template writes, to reserve the output once.
    var textSize: Int
}

/// A template's text and where it came from.
public struct TemplateSource: Sendable, Hashable {
    /// How other templates name it: its path without `.mustache` (`partials/header`).
    public var name: String
    public var text: String
    /// The file as the user would type it, for errors.
    public var path: String

    public init(name: String, text: String, path: String? = nil) {
        self.name = name
        self.text = text
        self.path = path ?? name
    }
}
