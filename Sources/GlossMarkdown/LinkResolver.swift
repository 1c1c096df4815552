/// Resolves link and image destinations while a body is rendered: cross
/// references (`other.md#passage`, `speaker:hegseth`, `topic:nato`,
/// `/speakers/x/`) against the site index.
///
/// Called once per destination, in no guaranteed order (note bodies are
/// rendered before the text around them), possibly from several renders at
/// once: implementations must be thread-safe and should not rely on order.
public protocol LinkResolver: Sendable {
    /// What to write for `reference`.
    func resolve(_ reference: LinkReference) -> LinkResolution
}
