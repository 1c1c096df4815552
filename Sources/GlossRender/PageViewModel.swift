/// The root object every template receives.
///
/// `site` and `links` are always there; each of the others only on its own
/// page (`transcript` on a transcript page, `home` on the home pages …), so a
/// partial can test for them.
struct PageViewModel: ViewModel {
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
    func field(named key: String) -> Any?? {
        switch key {
        case "site": site
        case "links": links
        case "canonicalURL": .some(canonicalURL)
        case "transcript": .some(transcript)
        case "home": .some(home)
        case "archive": .some(archive)
        case "speakersIndex": .some(speakersIndex)
        case "speaker": .some(speaker)
        case "topicsIndex": .some(topicsIndex)
        case "topic": .some(topic)
        case "feed": .some(feed)
        case "sitemap": .some(sitemap)
        case "robots": .some(robots)
        default: nil
        }
    }
}
