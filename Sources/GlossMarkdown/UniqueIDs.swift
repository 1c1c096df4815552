/// Hands out ids unique within one page: a base as it is, else with the
/// first free numeric suffix (`-1` or `-2`, as the caller's convention has it).
struct UniqueIDs {
    private var used: Set<String>
    /// Next suffix to try per base, so a hundred "Questions" headings or
    /// "[applause]" lines do not rescan from the first suffix each time.
    private var nextSuffix: [String: Int] = [:]
    private let firstSuffix: Int

    /// - Parameter reserved: ids already taken on the page around the document.
    init(reserved: Set<String> = [], firstSuffix: Int) {
        used = reserved
        self.firstSuffix = firstSuffix
    }

    mutating func claim(_ base: String) -> String {
        // One hash of the base in the usual case, where it is free.
        if used.insert(base).inserted { return base }
        var suffix = nextSuffix[base, default: firstSuffix]
        while used.contains("\(base)-\(suffix)") { suffix += 1 }
        nextSuffix[base] = suffix + 1
        let id = "\(base)-\(suffix)"
        used.insert(id)
        return id
    }
}
