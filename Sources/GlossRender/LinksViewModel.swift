import GlossTemplate
import GlossSite

/// `{{links.…}}`: the URLs every page needs, computed for the page they appear on.
struct LinksViewModel: TemplateObject {
    /// The home page (`./`, `../../`).
    var home: String
    /// The list of speakers (`speakers/`).
    var speakers: String
    /// The list of topics (`topics/`).
    var topics: String
    /// The Atom feed, only when there is one (`site.yaml` has a `base_url`).
    var feed: String?
    /// The theme stylesheet.
    var stylesheet: String
    /// The theme script.
    var script: String
    /// The search page (`search/`), unless search is off.
    var search: String?
    /// The search script, which only the search page loads.
    var searchScript: String

    /// Links relative to `page`, the output file they are written into.
    init(page: String, hasFeed: Bool = false, hasSearch: Bool = true) {
        self.init(hasFeed: hasFeed, hasSearch: hasSearch) { SiteURL.relative(from: page, to: $0) }
    }

    /// Absolute links under `baseURL`, for a page served at URLs other than its own
    /// (a host serves `404.html` for any missing path, at any depth).
    init(baseURL: String, hasSearch: Bool = true) {
        self.init(hasFeed: true, hasSearch: hasSearch) { SiteURL.absolute(base: baseURL, path: $0) }
    }

    private init(hasFeed: Bool, hasSearch: Bool, _ link: (String) -> String) {
        home = link("")
        speakers = link(PageRenderer.speakersDirectory)
        topics = link(PageRenderer.topicsDirectory)
        feed = hasFeed ? link(PageRenderer.feedFile) : nil
        stylesheet = link(Theme.stylesheetPath)
        script = link(Theme.scriptPath)
        search = hasSearch ? link(SiteURL.searchDirectory) : nil
        searchScript = link(Theme.searchScriptPath)
    }
}

extension LinksViewModel {
    func value(named key: String) -> TemplateValue? {
        switch key {
        case "home": home.templateValue
        case "speakers": speakers.templateValue
        case "topics": topics.templateValue
        case "feed": feed.templateValue
        case "stylesheet": stylesheet.templateValue
        case "script": script.templateValue
        case "search": search.templateValue
        case "searchScript": searchScript.templateValue
        default: nil
        }
    }
}
