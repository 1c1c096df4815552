/// Hands out heading ids that are unique within one document.
struct HeadingIDs {
    private var used: Set<String> = []
    /// Next suffix to try per base slug, so a hundred "Questions" headings do
    /// not rescan from `-1` each time.
    private var nextSuffix: [String: Int] = [:]

    /// The slug of `text`, or the slug with `-1`, `-2`… when it is taken,
    /// whether by an earlier duplicate or by a heading whose slug ends in `-1`.
    mutating func id(for text: String) -> String {
        let base = Self.slug(text)
        guard used.contains(base) else {
            used.insert(base)
            return base
        }
        var suffix = nextSuffix[base, default: 1]
        while used.contains("\(base)-\(suffix)") { suffix += 1 }
        nextSuffix[base] = suffix + 1
        let id = "\(base)-\(suffix)"
        used.insert(id)
        return id
    }

    /// Lowercased letters and digits (any script), with every run of anything
    /// else turned into one `-`, none at either end; `section` when nothing is left.
    static func slug(_ text: String) -> String {
        var slug = ""
        var pendingSeparator = false
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                if pendingSeparator && !slug.isEmpty { slug.append("-") }
                pendingSeparator = false
                slug.append(character)
            } else {
                pendingSeparator = true
            }
        }
        return slug.isEmpty ? "section" : slug
    }
}
