/// One `{{…}}` tag as written in a template.
struct Tag {
    enum Kind: Equatable {
        case variable
        /// `{{{x}}}` or `{{&x}}`.
        case unescaped
        case section
        case invertedSection
        case close
        case comment
        case partial
        case parent
        case block
        case delimiters
        case pragma
    }

    var kind: Kind
    /// The tag's content without its sigil and padding: a name, a pragma.
    var name: String
    /// The whole tag, delimiters included, as byte offsets in the source.
    var range: Range<Int>
    /// How the tag was opened (`{{#`), for messages.
    var opening: String

    var opensSection: Bool {
        kind == .section || kind == .invertedSection || kind == .parent || kind == .block
    }

    /// Interpolations print something, so they never make a line standalone.
    var canStandAlone: Bool { kind != .variable && kind != .unescaped }

    /// The tag as written, for messages: `{{#name}}`.
    var display: String { opening + name + "}}" }
}

/// A problem found while reading a template, at a byte offset of its source.
struct SourceError {
    var offset: Int
    var message: String
    var note: String? = nil
}
