/// The root object every page template receives.
///
/// `site` and `links` are always there; `transcript` only on a transcript page
/// and `home` only on the home page, so a partial can test for them.
struct PageViewModel: ViewModel {
    var site: SiteViewModel
    var links: LinksViewModel
    /// The page's absolute URL for `<link rel="canonical">`, when `site.yaml` has a `base_url`.
    var canonicalURL: String?
    var transcript: TranscriptViewModel?
    var home: HomeViewModel?
}

extension PageViewModel {
    func field(named key: String) -> Any?? {
        switch key {
        case "site": site
        case "links": links
        case "canonicalURL": .some(canonicalURL)
        case "transcript": .some(transcript)
        case "home": .some(home)
        default: nil
        }
    }
}
