import GlossTemplate
import GlossModel

/// `{{#source}}`: where the transcript was published.
struct SourceViewModel: TemplateObject {
    /// What to show for the source: its title, else its publisher, else its URL as text.
    var text: String
    /// The publisher, when `text` is the title (so it is not shown twice).
    var publisher: String?
    /// The URL, only when it is safe to put in an `href` (see ``LinkPolicy``).
    var url: String?
    var retrieved: DateViewModel?

    /// Nil when the source names nothing to show.
    init?(_ source: Source) {
        let title = source.title.nonEmpty
        let publisher = source.publisher.nonEmpty
        let url = source.url.nonEmpty
        guard let text = title ?? publisher ?? url else { return nil }
        self.text = text
        self.publisher = title == nil ? nil : publisher
        self.url = url.flatMap(LinkPolicy.href)
        retrieved = source.retrieved.map(DateViewModel.init)
    }
}

extension SourceViewModel {
    func value(named key: String) -> TemplateValue? {
        switch key {
        case "text": text.templateValue
        case "publisher": publisher.templateValue
        case "url": url.templateValue
        case "retrieved": retrieved.templateValue
        default: nil
        }
    }
}
