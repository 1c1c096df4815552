import GlossTemplate
/// The root object every template receives.
///
/// `site` and `links` are always there; each of the others only on its own
/// page (`transcript` on a transcript page, `home` on the home pages …), so a
/// partial can test for them.
struct PageViewModel: TemplateObject {
    var site: SiteViewModel
    var links: LinksViewModel
    /// The page's absolute URL for `<link rel="canonical">`, when `site.yaml` has a `base_url`.
    var canonicalURL: String?
    var transcript: TranscriptViewModel?
    var home: HomeViewModel?
    var archive: ArchivePageViewModel?
    var speakersIndex: SpeakersIndexViewModel?
    var speaker: SpeakerProfileViewModel?
    var topicsIndex: TopicsIndexViewModel?
    var topic: TopicPageViewModel?
    var feed: FeedViewModel?
    var sitemap: SitemapViewModel?
    var robots: RobotsViewModel?
}

extension PageViewModel {
    func value(named key: String) -> TemplateValue? {
        switch key {
        case "site": site.templateValue
        case "links": links.templateValue
        case "canonicalURL": canonicalURL.templateValue
        case "transcript": transcript.templateValue
        case "home": home.templateValue
        case "archive": archive.templateValue
        case "speakersIndex": speakersIndex.templateValue
        case "speaker": speaker.templateValue
        case "topicsIndex": topicsIndex.templateValue
        case "topic": topic.templateValue
        case "feed": feed.templateValue
        case "sitemap": sitemap.templateValue
        case "robots": robots.templateValue
        default: nil
        }
    }
}
