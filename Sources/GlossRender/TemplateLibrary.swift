import GlossModel
import Mustache

/// Compiles a theme's `.mustache` files into a Mustache library, collecting
/// every syntax error and every reference to a template that does not exist.
struct TemplateLibrary {
    var library: MustacheLibrary
    var diagnostics: [Diagnostic]

    init(theme: Theme) {
        var library = MustacheLibrary()
        var diagnostics: [Diagnostic] = []
        var sources: [(name: String, text: String, displayPath: String)] = []

        for path in theme.files.keys.sorted() where path.hasSuffix(Theme.templateExtension) {
            let name = String(path.dropLast(Theme.templateExtension.count))
            let text = String(decoding: theme.files[path] ?? [], as: UTF8.self)
            let displayPath = theme.displayPaths[path] ?? path
            sources.append((name, text, displayPath))
            do {
                library.register(try MustacheTemplate(string: text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                let location = SourceLocation(file: displayPath, line: error.context.lineNumber, column: error.context.columnNumber)
                diagnostics.append(.error(at: location, Self.message(for: error.error)))
            } catch {
                diagnostics.append(.error(at: SourceLocation(file: displayPath), "cannot parse template: \(error)"))
            }
        }

        let names = Set(sources.map(\.name))
        for source in sources {
            for reference in PartialReference.scan(source.text) where !names.contains(reference.name) {
                let location = SourceLocation(file: source.displayPath, line: reference.line, column: reference.column)
                let what = reference.isParent ? "parent template" : "partial"
                diagnostics.append(.error(
                    at: location,
                    "\(what) \"\(reference.name)\" not found",
                    note: "templates are named by their path without \(Theme.templateExtension), e.g. \"partials/header\""
                ))
            }
        }
        self.library = library
        self.diagnostics = diagnostics
    }

    private static func message(for error: any Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
        switch error {
        case .sectionCloseNameIncorrect: return "closing tag does not match the section it closes"
        case .unfinishedName: return "unfinished tag: expected a name and then '}}'"
        case .expectedSectionEnd: return "a section is never closed (missing {{/name}})"
        case .invalidSetDelimiter: return "malformed set-delimiter tag"
        case .transformAppliedToInheritanceSection: return "a transform cannot be applied to a {{$block}}"
        case .illegalTokenInsideInheritSection: return "only {{$block}} overrides may appear inside {{<parent}}…{{/parent}}"
        case .textInsideInheritSection: return "text is not allowed inside {{<parent}}…{{/parent}}, only {{$block}} overrides"
        case .invalidConfigVariableSyntax: return "malformed pragma tag {{% … }}"
        case .unrecognisedConfigVariable: return "unknown pragma in {{% … }}"
        }
    }
}
