/// `Content/site.yaml`: what the whole site shares.
public struct SiteConfig: Hashable, Sendable {
    public var title: String
    /// Absolute URL of the published site, e.g. `https://example.org/archive/`.
    /// Used only where a URL must be absolute (feeds, sitemap, canonical links);
    /// every other link is relative so `Public/` works anywhere.
    public var baseURL: String?
    /// BCP 47 language tag for `<html lang>`.
    public var language: String
    public var description: String?
    public var author: String?
    public var options: Options
    /// Keys Gloss does not know, kept for templates.
    public var params: [String: Value]

    public struct Options: Hashable, Sendable {
        /// Pass raw HTML and `javascript:`-style links in Markdown through.
        /// Off by default: imported text must not run script in a reader's browser.
        public var unsafeHTML: Bool
        /// Turn straight quotes and dashes into typographic ones. Off by default,
        /// because a transcript is verbatim.
        public var smartPunctuation: Bool

        public init(unsafeHTML: Bool = false, smartPunctuation: Bool = false) {
            self.unsafeHTML = unsafeHTML
            self.smartPunctuation = smartPunctuation
        }
    }

    public init(
        title: String,
        baseURL: String? = nil,
        language: String = "en",
        description: String? = nil,
        author: String? = nil,
        options: Options = Options(),
        params: [String: Value] = [:]
    ) {
        self.title = title
        self.baseURL = baseURL
        self.language = language
        self.description = description
        self.author = author
        self.options = options
        self.params = params
    }
}
