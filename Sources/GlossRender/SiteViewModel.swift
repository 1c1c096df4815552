import GlossModel

/// `{{site.…}}`: what every page shares, from `Content/site.yaml`.
struct SiteViewModel: ViewModel {
    var title: String
    /// For `<html lang>`.
    var language: String
    var description: String?
    var author: String?
    /// Keys of `site.yaml` Gloss does not know, as plain values (`{{site.params.twitter}}`).
    var params: [String: Any]

    init(_ site: SiteConfig) {
        title = site.title
        language = site.language.isEmpty ? "en" : site.language
        description = site.description.nonEmpty
        author = site.author.nonEmpty
        params = site.params.mapValues(\.mustacheValue)
    }
}

extension SiteViewModel {
    func field(named key: String) -> Any?? {
        switch key {
        case "title": title
        case "language": language
        case "description": .some(description)
        case "author": .some(author)
        case "params": params
        default: nil
        }
    }
}
