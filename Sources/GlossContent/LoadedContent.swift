import GlossModel

/// Everything read from the content directory, and every problem found on the way.
public struct LoadedContent: Sendable {
    /// The site configuration. When `site.yaml` is missing or broken this
    /// holds what could be read (an empty title at worst) and `diagnostics`
    /// says why, so a preview can still render its error page.
    public var config: SiteConfig
    /// The speaker registry in the order of `speakers.yaml`; empty without one.
    public var speakers: [Speaker]
    /// Transcripts without errors, in walk order (sorted by path within each folder).
    public var documents: [Document]
    public var diagnostics: [Diagnostic]
    /// Every transcript file as read, errors and all, by path relative to the
    /// content directory: what the next load may reuse.
    public var transcriptFiles: [String: TranscriptFile] = [:]
    /// The stamp of every file the loader looked at, by relative path.
    public var stamps: [String: UInt64] = [:]
    /// A stable hash of `site.yaml` and of the speaker registry (`speakers.yaml`
    /// with the speakers transcripts declare).
    public var configRevision: UInt64 = 0
    /// What the load found besides the transcripts, for a later load that
    /// reads only the files a watcher says changed.
    var siteFiles: SiteFiles?
    /// The transcripts (by path) this load read again when it read only what
    /// a watcher reported; nil when it walked the whole directory.
    public var reread: Set<String>?

    public init(config: SiteConfig, speakers: [Speaker], documents: [Document], diagnostics: [Diagnostic]) {
        self.config = config
        self.speakers = speakers
        self.documents = documents
        self.diagnostics = diagnostics
    }
}

/// The walk's listing and what `site.yaml` and `speakers.yaml` gave.
struct SiteFiles: Sendable {
    var listing: ContentWalker.Listing
    var config = SiteConfig(title: "")
    /// `speakers.yaml` alone, before transcripts add speakers of their own.
    var registry: [Speaker] = []
    /// `speakers.yaml` could not be read at all.
    var registryUnreadable = false
    var diagnostics: [Diagnostic] = []
    /// The two files' bytes, hashed.
    var revision = StableHasher()

    init(listing: ContentWalker.Listing) {
        self.listing = listing
    }
}
