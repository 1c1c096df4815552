/// A heading found while rendering, for tables of contents and link checks.
public struct Heading: Sendable, Hashable {
    /// 1 to 6.
    public var level: Int
    /// The heading's plain text: formatting dropped, raw HTML left out, line breaks as spaces.
    public var text: String
    /// The fragment that links to it, unique within its document (`#id`).
    /// Filled in even when ids are not rendered, so callers can rely on it.
    public var id: String
    /// Line in the `.md` file (not in the body) on which the heading starts.
    public var line: Int

    public init(level: Int, text: String, id: String, line: Int) {
        self.level = level
        self.text = text
        self.id = id
        self.line = line
    }
}
