import GlossTemplate
import GlossModel
import GlossSite

/// One entry of `{{#transcript.citedBy}}`: a transcript that links to this one.
struct CitingTranscriptViewModel: TemplateObject {
    var title: String
    /// Link to the citing transcript's page, relative to the page being rendered.
    var url: String
    var date: DateViewModel?
    /// Each link, in the citing transcript's order.
    var citations: [CitationViewModel]

    init(_ document: Document, citations: [Citation], page: String) {
        title = document.frontMatter.title
        let url = SiteURL.relative(from: page, to: SiteURL.pageDirectory(forSlug: document.slug))
        self.url = url
        date = document.frontMatter.date.map(DateViewModel.init)
        self.citations = citations.enumerated().map { CitationViewModel($1, number: $0 + 1, citingURL: url) }
    }
}

extension CitingTranscriptViewModel {
    func value(named key: String) -> TemplateValue? {
        switch key {
        case "title": title.templateValue
        case "url": url.templateValue
        case "date": date.templateValue
        case "citations": citations.templateValue
        default: nil
        }
    }
}

/// One link from a citing transcript: `{{#citations}}` inside `{{#transcript.citedBy}}`.
struct CitationViewModel: TemplateObject {
    /// 1, 2, … within the citing transcript.
    var number: Int
    /// Link to the citing passage (`../other/#t-00-03-10`), or to its page when the passage is unknown.
    var url: String
    /// True when the link is in an annotation's note rather than in the transcript's words.
    var inAnnotation: Bool
    /// `#PASSAGE` of this transcript the link points at, when it names one.
    var target: String?

    init(_ citation: Citation, number: Int, citingURL: String) {
        self.number = number
        url = citingURL + (citation.fromPassageID.nonEmpty.map { "#" + $0 } ?? "")
        inAnnotation = citation.inAnnotation
        target = citation.toPassageID.nonEmpty.map { "#" + $0 }
    }
}

extension CitationViewModel {
    func value(named key: String) -> TemplateValue? {
        switch key {
        case "number": number.templateValue
        case "url": url.templateValue
        case "inAnnotation": inAnnotation.templateValue
        case "target": target.templateValue
        default: nil
        }
    }
}
