import GlossContent
import GlossMarkdown
import GlossModel

/// What one build keeps in memory for the next in the same process (the
/// preview server's): the content as loaded, and each transcript's rendered
/// body, so that a rebuild reads, decodes and renders only what changed.
public struct BuildMemory: Sendable {
    var content: LoadedContent?
    /// Paths a watcher reported changed that no load has read yet: with
    /// `content`, all a load needs to look at.
    var unloaded: Set<String> = []
    /// The seed the bodies were rendered under: speakers, options and theme ids.
    var seed: UInt64 = 0
    /// The hash of the theme the last build compiled, for its input stamp.
    var themeHash: UInt64?
    /// By transcript path.
    var bodies: [String: RememberedBody] = [:]
    /// Where the bodies' HTML is, kept open from one rebuild to the next.
    var store: BodyStore?
    /// Every page as the last build planned it, when that build had no
    /// errors and a later one will reuse it.
    var plan: SitePlan?
    /// The manifests of the live and the previous output generations, by
    /// id, as this process wrote them.
    var manifests: [String: OutputGenerations.Manifest] = [:]
    /// What the document cache holds, when this process read or wrote it.
    var cachedDocuments: DocumentCache.Logged?

    /// Whether a later build will reuse this one's content: when not, each
    /// transcript's Markdown is let go as soon as its body is rendered.
    var keepsContent = true

    public init() {}

    init(keepsContent: Bool) {
        self.keepsContent = keepsContent
    }
}

/// A transcript's body as rendered for one revision of it. `body` keeps
/// its diagnostics and pending links; its HTML is in `html`.
struct RememberedBody: Sendable {
    var revision: UInt64
    var body: RenderedMarkdown
    var html: BodyHTML
    var survey: TranscriptSurvey
}

/// Where a rendered body's HTML is kept until its page is written.
enum BodyHTML: Sendable {
    /// In the body store, which could not be written for this one.
    case inMemory(String)
    case stored(BodyLocation)
    /// Not kept: a check writes no page, and a body the store lost is
    /// rendered again when its page is written.
    case dropped
}
