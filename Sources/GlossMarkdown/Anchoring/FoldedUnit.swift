/// One element of text folded for quote comparison: a comparison key and the
/// exact bytes of the original text it stands for.
///
/// A run of whitespace is one unit with the key `" "`; a dash (`–`, `—`, `--`,
/// `---`) is one unit with the key `"–"`; `...` is one unit with the key `"…"`.
struct FoldedUnit: Hashable, Sendable {
    /// The key whitespace runs fold to.
    static let spaceKey = " "

    var key: String
    /// Where the unit's characters are in `RenderedText.utf8`.
    var bytes: Range<Int>
    /// The index of the block the unit starts in, or -1 for the text between
    /// blocks.
    var block: Int32

    var isSpace: Bool { key == Self.spaceKey }
}
