/// Numbers notes in document order and gathers their asides and endnotes.
struct NoteCollector {
    private(set) var count = 0
    /// Point notes already numbered, by key.
    var pointNumbers: [String: Int] = [:]
    /// Annotations whose note has been placed.
    var referenced: Set<Int> = []
    /// Asides to write after each top-level block.
    private(set) var asides = NodeMap<String>()
    private(set) var endnotes: [String] = []
    private var useCounts: [String: Int] = [:]

    /// The next note number, from 1; point and range notes share it.
    mutating func next() -> Int {
        count += 1
        return count
    }

    /// Links inside the notes, by the block their asides follow.
    private(set) var links = NodeMap<[LinkReference]>()

    mutating func add(_ note: NoteHTML, after block: OpaquePointer, links noteLinks: [LinkReference] = []) {
        asides[block, default: ""] += note.aside
        if !noteLinks.isEmpty { links[block, default: []] += noteLinks }
        endnotes.append(note.endnote)
    }

    /// How many times `key` has been referenced, this one included.
    mutating func uses(of key: String) -> Int {
        useCounts[key, default: 0] += 1
        return useCounts[key, default: 1]
    }
}
