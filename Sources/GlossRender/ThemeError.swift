import GlossModel

/// The theme's templates could not be compiled: every problem found, each
/// naming the template file and, where there is one, line and column.
public struct ThemeError: Error, Sendable {
    public var diagnostics: [Diagnostic]

    public init(diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }
}
