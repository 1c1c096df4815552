/// A person in `Content/speakers.yaml`, keyed by a short id (`hegseth`).
public struct Speaker: Hashable, Sendable, Identifiable {
    public var id: String
    public var name: String
    public var role: String?
    /// Other labels that name this speaker in a transcript (`HEGSETH`, `Secretary Hegseth`).
    public var aliases: [String]
    public var links: [String]
    public var location: SourceLocation?

    public init(id: String, name: String, role: String? = nil, aliases: [String] = [], links: [String] = [], location: SourceLocation? = nil) {
        self.id = id
        self.name = name
        self.role = role
        self.aliases = aliases
        self.links = links
        self.location = location
    }
}
