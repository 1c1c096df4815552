import GlossModel
import GlossTemplate

extension Theme {
    /// Compiles every `.mustache` file of the theme into one ``TemplateSet``,
    /// each named by its path without the extension (`partials/header`) and
    /// reported under its display path (`Templates/…` or `(built-in)/…`).
    ///
    /// ``TemplateSet`` checks syntax, partials and parent templates that do
    /// not exist, cycles, nesting too deep to render safely and dynamic
    /// partials, so a set that compiles renders every page without failing.
    /// - Parameter pages: the templates pages start from; each must exist.
    /// - Throws: ``ThemeError`` with every problem found, at file, line and column.
    func templateSet(pages: [String]) throws(ThemeError) -> TemplateSet {
        let sources = files.keys.sorted().filter { $0.hasSuffix(Self.templateExtension) }.map { path in
            TemplateSource(
                name: String(path.dropLast(Self.templateExtension.count)),
                text: String(decoding: files[path] ?? [], as: UTF8.self),
                path: displayPaths[path] ?? path
            )
        }
        let set: TemplateSet
        do {
            set = try TemplateSet(sources, roots: pages)
        } catch {
            throw ThemeError(diagnostics: error.diagnostics)
        }
        let missing = pages.filter { !set.contains($0) }
        guard missing.isEmpty else {
            throw ThemeError(diagnostics: missing.map { .error(at: nil, "the theme has no \($0)\(Self.templateExtension)") })
        }
        return set
    }
}
