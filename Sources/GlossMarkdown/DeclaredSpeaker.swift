/// A speaker a transcript declares, with everything a turn label may call them.
public struct DeclaredSpeaker: Sendable, Hashable {
    /// The registry id (`hegseth`), written into `data-speaker`.
    public var id: String
    /// The name shown in the turn head (`Pete Hegseth`).
    public var name: String
    /// Other labels (`HEGSETH`, `Secretary Hegseth`).
    public var aliases: [String]
    /// The role at this event, or the registry's role.
    public var role: String?

    public init(id: String, name: String, aliases: [String] = [], role: String? = nil) {
        self.id = id
        self.name = name
        self.aliases = aliases
        self.role = role
    }
}
