import GlossSite

/// `{{links.…}}`: the URLs every page needs, computed for the page they appear on.
struct LinksViewModel: ViewModel {
    /// The home page (`./`, `../../`).
    var home: String
    /// The theme stylesheet.
    var stylesheet: String
    /// The theme script.
    var script: String

    /// Links relative to `page`, the output file they are written into.
    init(page: String) {
        self.init { SiteURL.relative(from: page, to: $0) }
    }

    /// Absolute links under `baseURL`, for a page served at URLs other than its own
    /// (a host serves `404.html` for any missing path, at any depth).
    init(baseURL: String) {
        self.init { SiteURL.absolute(base: baseURL, path: $0) }
    }

    private init(_ link: (String) -> String) {
        home = link("")
        stylesheet = link(Theme.stylesheetPath)
        script = link(Theme.scriptPath)
    }
}

extension LinksViewModel {
    func field(named key: String) -> Any?? {
        switch key {
        case "home": home
        case "stylesheet": stylesheet
        case "script": script
        default: nil
        }
    }
}
