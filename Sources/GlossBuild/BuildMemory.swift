import GlossContent
import GlossMarkdown
import GlossModel

/// What one build keeps in memory for the next in the same process (the
/// preview server's): the content as loaded, and each transcript's rendered
/// body, so that a rebuild reads, decodes and renders only what changed.
public struct BuildMemory: Sendable {
    var content: LoadedContent?
    /// The seed the bodies were rendered under: speakers, options and theme ids.
    var seed: UInt64 = 0
    /// By transcript path.
    var bodies: [String: RememberedBody] = [:]

    public init() {}
}

/// A transcript's body as rendered for one revision of it.
struct RememberedBody: Sendable {
    var revision: UInt64
    var body: RenderedMarkdown
    var survey: TranscriptSurvey
}
