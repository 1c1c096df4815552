import GlossTemplate
import GlossSite

/// A topic: each entry of `{{#transcript.topics}}` and of `{{#topicsIndex.topics}}`.
///
/// It renders as its name, so `{{#topics}}{{.}}{{/topics}}` still prints the names.
struct TopicViewModel: TemplateObject {
    /// As written in front matter.
    var name: String
    /// URL segment of the topic's page (`topics/SLUG/`).
    var slug: String
    /// Link to the topic's page, relative to the page being rendered.
    var url: String
    /// Transcripts with the topic; only on the topics index.
    var count: Int?
    /// `1 transcript`, `3 transcripts`; only on the topics index.
    var countLabel: String?

    init(name: String, page: String, count: Int? = nil) {
        self.name = name
        slug = Topics.slug(for: name)
        url = SiteURL.relative(from: page, to: SiteURL.topicDirectory(forSlug: slug))
        self.count = count
        countLabel = count.map { Plural.label($0, "transcript") }
    }

    var renderedText: String? { name }
}

extension TopicViewModel {
    func value(named key: String) -> TemplateValue? {
        switch key {
        case "name": name.templateValue
        case "slug": slug.templateValue
        case "url": url.templateValue
        case "count": count.templateValue
        case "countLabel": countLabel.templateValue
        default: nil
        }
    }
}

/// `{{#topicsIndex}}` on `topics/index.html`.
struct TopicsIndexViewModel: TemplateObject {
    /// By name.
    var topics: [TopicViewModel]
    var hasTopics: Bool

    init(topics: [TopicViewModel]) {
        self.topics = topics
        hasTopics = !topics.isEmpty
    }
}

extension TopicsIndexViewModel {
    func value(named key: String) -> TemplateValue? {
        switch key {
        case "topics": topics.templateValue
        case "hasTopics": hasTopics.templateValue
        default: nil
        }
    }
}

/// `{{#topic}}` on `topics/SLUG/index.html` and its further pages (`topics/SLUG/page/2/`).
struct TopicPageViewModel: TemplateObject {
    var name: String
    /// This page's, newest first.
    var transcripts: [TranscriptViewModel]
    var hasTranscripts: Bool
    /// Of every page together, not this page's: `1 transcript`, `3 transcripts`.
    var countLabel: String
    var pagination: PaginationViewModel

    init(name: String, count: Int, transcripts: [TranscriptViewModel], pagination: PaginationViewModel) {
        self.name = name
        self.transcripts = transcripts
        hasTranscripts = !transcripts.isEmpty
        countLabel = Plural.label(count, "transcript")
        self.pagination = pagination
    }
}

extension TopicPageViewModel {
    func value(named key: String) -> TemplateValue? {
        switch key {
        case "name": name.templateValue
        case "transcripts": transcripts.templateValue
        case "hasTranscripts": hasTranscripts.templateValue
        case "countLabel": countLabel.templateValue
        case "pagination": pagination.templateValue
        default: nil
        }
    }
}

/// Topic names to URL segments.
public enum Topics {
    /// The URL segment of a topic, by the site index's rule, so that pages
    /// and `topic:` references always agree (`Air Defense` → `air-defense`).
    public static func slug(for name: String) -> String {
        SiteIndex.topicSlug(name)
    }

}

/// `1 turn`, `2 turns`.
enum Plural {
    static func label(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}

extension Topics {
    /// The names with blank ones and repeats of a slug already seen left out, in order.
    static func unique(_ names: [String]) -> [String] {
        var seen: Set<String> = []
        return names.filter { $0.nonEmpty != nil && seen.insert(slug(for: $0)).inserted }
    }
}
