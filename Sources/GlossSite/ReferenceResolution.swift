/// What a link destination in a transcript turned out to be.
public enum ReferenceResolution: Sendable, Hashable {
    /// Not a site reference (`https:`, `mailto:`, `media/a.mp3`, …): write it as it is.
    case external
    /// A page of the site. `url` is relative to the citing page and keeps the
    /// query and fragment as written. `slug` and `anchor` name the target when it
    /// is a transcript (for backlinks); `anchor` is the decoded id.
    case page(url: String, slug: String?, anchor: String?)
    /// Names nothing on the site: `message` says what is missing
    /// (`no transcript "2024/hegseth.md"`), `suggestion` the likely intent
    /// (`did you mean "2025/hegseth.md"?`) when something is close.
    case broken(message: String, suggestion: String?)
}
