import GlossModel
import Mustache

/// Compiles a theme's `.mustache` files into a Mustache library, collecting
/// every syntax error, every reference to a template that does not exist and
/// every template that would make swift-mustache recurse without limit.
struct TemplateLibrary {
    var library: MustacheLibrary
    var diagnostics: [Diagnostic]

    init(theme: Theme) {
        var library = MustacheLibrary()
        var diagnostics: [Diagnostic] = []
        var sources: [TemplateSource] = []

        for path in theme.files.keys.sorted() where path.hasSuffix(Theme.templateExtension) {
            let name = String(path.dropLast(Theme.templateExtension.count))
            let text = String(decoding: theme.files[path] ?? [], as: UTF8.self)
            let source = TemplateSource(name: name, displayPath: theme.displayPaths[path] ?? path, outline: .scan(text))
            sources.append(source)
            // swift-mustache parses each nested section with one more level of
            // recursion: a template nested thousands deep would overflow the stack.
            if let tag = source.outline.firstTooDeep {
                diagnostics.append(.error(
                    at: source.location(tag.line, tag.column),
                    "sections nest more than \(TemplateOutline.depthLimit) levels deep",
                    note: "Gloss refuses deeper nesting, which could exhaust the stack while parsing or rendering"
                ))
                continue
            }
            for tag in source.outline.dynamicReferences {
                diagnostics.append(.error(
                    at: source.location(tag.line, tag.column),
                    "dynamic \(tag.sigil == "<" ? "parent template" : "partial") {{\(tag.sigil)\(tag.name)}} is not supported",
                    note: "name the template directly, e.g. {{\(tag.sigil)partials/header}}: a name taken from data could include itself without end"
                ))
            }
            do {
                library.register(try MustacheTemplate(string: text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                if case .expectedSectionEnd? = error.error as? MustacheTemplate.Error, let tag = source.outline.unclosed.last {
                    // swift-mustache reports the end of the file; the opening tag is more use.
                    diagnostics.append(.error(
                        at: source.location(tag.line, tag.column),
                        "{{\(tag.sigil)\(tag.name)}} is never closed (missing {{/\(tag.name)}})"
                    ))
                } else {
                    let location = source.location(error.context.lineNumber, error.context.columnNumber)
                    diagnostics.append(.error(at: location, Self.message(for: error.error)))
                }
            } catch {
                diagnostics.append(.error(at: SourceLocation(file: source.displayPath), "cannot parse template: \(error)"))
            }
        }

        let names = Set(sources.map(\.name))
        for source in sources {
            for reference in source.outline.references.map(\.partial) where !names.contains(reference.name) {
                let what = reference.isParent ? "parent template" : "partial"
                diagnostics.append(.error(
                    at: source.location(reference.line, reference.column),
                    "\(what) \"\(reference.name)\" not found",
                    note: "templates are named by their path without \(Theme.templateExtension), e.g. \"partials/header\""
                ))
            }
        }

        let graph = TemplateGraph(sources: sources, roots: PageRenderer.pageTemplateNames)
        let cycles = graph.cycleDiagnostics()
        diagnostics += cycles
        // Depth through partials is only defined without cycles, and is no news
        // when one template is too deep on its own.
        if cycles.isEmpty, !sources.contains(where: { $0.outline.firstTooDeep != nil }) {
            diagnostics += graph.depthDiagnostics()
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

/// One template of the theme as the checks see it.
struct TemplateSource {
    var name: String
    var displayPath: String
    var outline: TemplateOutline

    func location(_ line: Int, _ column: Int) -> SourceLocation {
        SourceLocation(file: displayPath, line: line, column: column)
    }
}
