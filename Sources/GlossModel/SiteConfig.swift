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
        /// Which data files the build writes beside each transcript and at
        /// the top of the site (docs/exports.md): all of them unless turned off.
        public var exports = Exports()
        /// Whether `gloss build` writes the search page and index (docs/search.md).
        /// Off unless a site asks: at 10,000 transcripts the index still
        /// adds a fifth to a full build and seconds to a rebuild.
        public var search = false

        public init(unsafeHTML: Bool = false, smartPunctuation: Bool = false) {
            self.unsafeHTML = unsafeHTML
            self.smartPunctuation = smartPunctuation
        }
    }

    /// The `export_…` and `structured_data` switches of `options`.
    public struct Exports: Hashable, Sendable {
        /// `annotations.jsonld` beside each transcript.
        public var annotations = true
        /// `transcript.vtt` for a transcript with timestamps.
        public var webVTT = true
        /// `transcript.srt` for a transcript with timestamps.
        public var srt = true
        /// `transcript.json` (Podcasting 2.0) for a transcript with timestamps.
        public var podcastJSON = true
        /// `transcript.gloss.json` beside each transcript.
        public var glossJSON = true
        /// `annotations.jsonld` at the top of the site and a page of it beside each transcript.
        public var siteAnnotations = true
        /// schema.org JSON-LD (the transcript, ClaimReview) in each transcript's page.
        public var structuredData = true

        public init() {}
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
