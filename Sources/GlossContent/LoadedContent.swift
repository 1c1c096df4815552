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

    public init(config: SiteConfig, speakers: [Speaker], documents: [Document], diagnostics: [Diagnostic]) {
        self.config = config
        self.speakers = speakers
        self.documents = documents
        self.diagnostics = diagnostics
    }
}
