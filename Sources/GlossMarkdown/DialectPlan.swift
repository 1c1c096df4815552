/// How the transcript dialect changes the HTML of a parsed tree, keyed by
/// node: what the writer adds, replaces or leaves out as it walks.
///
/// The plan is made after analysing the tree, so the writer stays one walk
/// that knows nothing of speakers or notes; an empty plan changes nothing.
/// Everything planned for a node sits in one entry, so that the dialect and
/// the writer each hash a node once rather than once per kind of change.
struct DialectPlan {
    /// Nodes with something planned; nodes with nothing planned are absent.
    private(set) var nodes = NodeMap<NodePlan>()
    /// The passage id of each top-level block in one: a paragraph's own id,
    /// the turn's id for a turn's other blocks.
    var passageIDs = NodeMap<String>()
    /// HTML written after the whole body (the endnotes).
    var end = ""

    struct NodePlan {
        /// The node is written not at all, children included (a turn's bold label).
        var skip = false
        /// HTML written just before the node (a turn's opening `div` and head).
        var before: String?
        /// HTML written instead of a block's opening tag (`<p id="p-3f2a1c">`).
        var openTag: String?
        /// HTML written instead of a block's closing tag (a permalink, then `</p>`).
        var closeTag: String?
        /// HTML written just after the node (notes, a turn's closing `div`).
        var after: String?
        /// The complete HTML of a text node (events, note markers, marks).
        var text: [UInt8]?
        /// Links of the notes whose asides `after` holds.
        var noteLinks: [LinkReference]?
    }

    /// What is planned for `node`; changing it plans it.
    subscript(node: OpaquePointer) -> NodePlan {
        get { nodes[node] ?? NodePlan() }
        _modify { yield &nodes[node, default: NodePlan()] }
    }

    func skips(_ node: OpaquePointer) -> Bool {
        nodes[node]?.skip == true
    }

    mutating func skip(_ node: OpaquePointer) {
        self[node].skip = true
    }
}
