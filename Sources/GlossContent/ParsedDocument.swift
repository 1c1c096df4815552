import GlossModel

/// The outcome of reading one transcript on its own, before it is checked
/// against the rest of the site.
public struct ParsedDocument: Sendable {
    /// Nil when the file has errors; warnings alone keep it.
    public var document: Document?
    public var diagnostics: [Diagnostic]

    public init(document: Document?, diagnostics: [Diagnostic]) {
        self.document = document
        self.diagnostics = diagnostics
    }
}
