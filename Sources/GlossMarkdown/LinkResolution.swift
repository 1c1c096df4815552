/// What a `LinkResolver` decides for one link or image destination.
public enum LinkResolution: Sendable, Hashable {
    /// Write the destination as it is; in safe mode a `javascript:`-like URL
    /// is still omitted with a warning.
    case keep
    /// Write this URL instead (a relative URL the site made). It is
    /// URL-escaped like any destination, and the dangerous-URL rule still applies.
    case replace(String)
    /// The destination points nowhere: an error diagnostic at the link's
    /// location, and the destination written unchanged.
    case broken(message: String, note: String?)
    /// Decide later: the writer leaves hole number `slot` in the HTML, which
    /// ``RenderedMarkdown/resolvingLinks(with:)`` fills once every page is known.
    case deferred(slot: Int)
}
