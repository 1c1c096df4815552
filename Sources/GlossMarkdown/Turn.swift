/// A speaker turn found in the tree: its label's speaker and time, and the
/// top-level blocks it spans.
struct Turn {
    var speaker: Int
    var timestamp: Timestamp?
    var blocks: [OpaquePointer]
    var id = ""
}
