import GlossModel

/// Tells which registered speaker an attribution names.
///
/// `Pete Hegseth`, `Hegseth`, `Secretary Hegseth`, `HEGSETH` and an alias
/// all name `hegseth`: a name matches a speaker when it is the speaker's
/// id, name or an alias, or when one of its words is the last word of the
/// speaker's name or of an alias; failing that, when the speaker's role
/// holds every word of it (`the Secretary said`). A name that could be two
/// speakers names neither.
public struct SpeakerNames: Sendable {
    /// Folded full names (id, name, aliases) → speaker ids.
    private var full: [String: Set<String>] = [:]
    /// Folded last words of names and aliases → speaker ids.
    private var last: [String: Set<String>] = [:]
    /// Folded words of roles (`Secretary`, `Defense` of `U.S. Secretary of
    /// Defense`) → speaker ids, for a credit by title: `the Secretary said`.
    private var roleWords: [String: Set<String>] = [:]
    /// Each speaker's title: the first word of their role that counts
    /// (`secretary` of `U.S. Secretary of Defense`). A credit by role must
    /// name it, so that `the United States said` is not the President's.
    private var titles: [String: Set<String>] = [:]
    /// Words of a role that name no role on their own.
    private static let roleStopWords: Set<String> = ["of", "the", "and", "for", "to", "in", "on", "at", "a", "an", "us", "u", "s"]

    public init(_ speakers: [Speaker]) {
        for speaker in speakers {
            for name in [speaker.id, speaker.name] + speaker.aliases {
                let words = QuoteText.words(name)
                guard let final = words.last else { continue }
                full[words.joined(separator: " "), default: []].insert(speaker.id)
                last[final, default: []].insert(speaker.id)
            }
            let role = QuoteText.words(speaker.role ?? "").filter { !Self.roleStopWords.contains($0) }
            for word in role { roleWords[word, default: []].insert(speaker.id) }
            if let title = role.first { titles[speaker.id, default: []].insert(title) }
        }
    }

    /// The speakers whose role holds every word of `words` (stop words
    /// aside), its title among them: `Secretary` and `Defense Secretary`
    /// name the speaker whose role is `U.S. Secretary of Defense`, `Defense`
    /// alone does not. Only asked when no name matches.
    private func speakers(byRole words: [String]) -> Set<String> {
        let significant = words.filter { !Self.roleStopWords.contains($0) }
        guard let first = significant.first else { return [] }
        var found = roleWords[first] ?? []
        for word in significant.dropFirst() { found.formIntersection(roleWords[word] ?? []) }
        return found.filter { id in titles[id]?.contains(where: significant.contains) == true }
    }

    /// Every speaker `name` could name: by full name or alias if any
    /// matches, else by last words, else by the words of their role (`the
    /// Secretary`). Empty if none.
    public func speakers(named name: String) -> Set<String> {
        let words = QuoteText.words(name)
        if let ids = full[words.joined(separator: " ")] { return ids }
        var found: Set<String> = []
        for word in words { found.formUnion(last[word] ?? []) }
        return found.isEmpty ? speakers(byRole: words) : found
    }

    /// The id of the one speaker `name` names, or nil.
    public func speaker(named name: String) -> String? {
        let words = QuoteText.words(name)
        if let ids = full[words.joined(separator: " ")], ids.count == 1 { return ids.first }
        var found: Set<String> = []
        for word in words { found.formUnion(last[word] ?? []) }
        if found.isEmpty { found = speakers(byRole: words) }
        return found.count == 1 ? found.first : nil
    }
}
