/// How the transcript dialect changes the HTML of a parsed tree, keyed by
/// node: what the writer adds, replaces or leaves out as it walks.
///
/// The plan is made after analysing the tree, so the writer stays one walk
/// that knows nothing of speakers or notes; an empty plan changes nothing.
struct DialectPlan {
    /// Nodes written not at all, children included (a turn's bold label).
    var skip: Set<OpaquePointer> = []
    /// HTML written just before a node (a turn's opening `div` and head).
    var before: [OpaquePointer: String] = [:]
    /// HTML written instead of a block's opening tag (`<p id="p-3f2a1c">`).
    var openTag: [OpaquePointer: String] = [:]
    /// HTML written instead of a block's closing tag (a permalink, then `</p>`).
    var closeTag: [OpaquePointer: String] = [:]
    /// HTML written just after a node (notes, a turn's closing `div`).
    var after: [OpaquePointer: String] = [:]
    /// The complete HTML of a text node (events, note markers, marks).
    var text: [OpaquePointer: [UInt8]] = [:]
    /// The passage id of each top-level block in one: a paragraph's own id,
    /// the turn's id for a turn's other blocks.
    var passageIDs: [OpaquePointer: String] = [:]
    /// Links of the notes whose asides `after` holds, by the same node.
    var noteLinks: [OpaquePointer: [LinkReference]] = [:]
    /// HTML written after the whole body (the endnotes).
    var end = ""

    /// Everything planned for one node, so that the writer looks each node
    /// up once instead of once per kind of change.
    struct NodePlan {
        var skip = false
        var before: String?
        var openTag: String?
        var closeTag: String?
        var after: String?
        var text: [UInt8]?
        var noteLinks: [LinkReference]?
    }

    /// The plan by node; nodes with nothing planned are absent.
    func byNode() -> [OpaquePointer: NodePlan] {
        var nodes: [OpaquePointer: NodePlan] = [:]
        nodes.reserveCapacity(text.count + openTag.count + before.count)
        for node in skip { nodes[node, default: NodePlan()].skip = true }
        for (node, html) in before { nodes[node, default: NodePlan()].before = html }
        for (node, html) in openTag { nodes[node, default: NodePlan()].openTag = html }
        for (node, html) in closeTag { nodes[node, default: NodePlan()].closeTag = html }
        for (node, html) in after { nodes[node, default: NodePlan()].after = html }
        for (node, bytes) in text { nodes[node, default: NodePlan()].text = bytes }
        for (node, links) in noteLinks { nodes[node, default: NodePlan()].noteLinks = links }
        return nodes
    }
}
