/// How one render or nested note render treats link destinations: the
/// resolver, if any, and what the references it records should say.
struct LinkScope: Sendable {
    var resolver: (any LinkResolver)?
    /// Marks every reference as inside a note.
    var inNote = false
    /// The passage every reference is in (a note's passage); when nil, the
    /// dialect's plan says, block by block.
    var passageID: String?
}
