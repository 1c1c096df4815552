import GlossTemplate
import GlossModel

/// `{{site.…}}`: what every page shares, from `Content/site.yaml`.
struct SiteViewModel: TemplateObject {
    var title: String
    /// For `<html lang>`.
    var language: String
    var description: String?
    var author: String?
    /// Keys of `site.yaml` Gloss does not know, as plain values (`{{site.params.twitter}}`).
    var params: TemplateDictionary

    init(_ site: SiteConfig) {
        title = site.title
        language = site.language.isEmpty ? "en" : site.language
        description = site.description.nonEmpty
        author = site.author.nonEmpty
        params = TemplateDictionary(site.params.mapValues { TemplateValue($0) })
    }
}

extension SiteViewModel {
    func value(named key: String) -> TemplateValue? {
        switch key {
        case "title": title.templateValue
        case "language": language.templateValue
        case "description": description.templateValue
        case "author": author.templateValue
        case "params": params.templateValue
        default: nil
        }
    }
}
