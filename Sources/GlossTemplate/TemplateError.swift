import GlossModel

/// A problem in a template's text or in how templates refer to each other,
/// at a 1-based line and column (counted in characters).
public struct TemplateError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The template's name (`partials/header`).
    public var template: String
    /// The file as the user would type it, for the diagnostic.
    public var path: String
    public var line: Int
    public var column: Int
    /// What was expected and what was found.
    public var message: String
    public var note: String?

    public init(template: String, path: String, line: Int, column: Int, message: String, note: String? = nil) {
        self.template = template
        self.path = path
        self.line = line
        self.column = column
        self.message = message
        self.note = note
    }

    public var location: SourceLocation { SourceLocation(file: path, line: line, column: column) }

    public var diagnostic: Diagnostic { .error(at: location, message, note: note) }

    public var description: String { diagnostic.description }
}

/// Every error found while compiling a ``TemplateSet``, in reading order.
public struct TemplateSetError: Error, Sendable, CustomStringConvertible {
    public var errors: [TemplateError]

    public var diagnostics: [Diagnostic] { errors.map(\.diagnostic) }

    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
