import GlossModel

/// Tells which registered speaker an attribution names.
///
/// `Pete Hegseth`, `Hegseth`, `Secretary Hegseth`, `HEGSETH` and an alias
/// all name `hegseth`: a name matches a speaker when it is the speaker's
/// id, name or an alias, or when one of its words is the last word of the
/// speaker's name or of an alias. A name that could be two speakers names
/// neither.
public struct SpeakerNames: Sendable {
    /// Folded full names (id, name, aliases) → speaker ids.
    private var full: [String: Set<String>] = [:]
    /// Folded last words of names and aliases → speaker ids.
    private var last: [String: Set<String>] = [:]

    public init(_ speakers: [Speaker]) {
        for speaker in speakers {
            for name in [speaker.id, speaker.name] + speaker.aliases {
                let words = QuoteText.words(name)
                guard let final = words.last else { continue }
                full[words.joined(separator: " "), default: []].insert(speaker.id)
                last[final, default: []].insert(speaker.id)
            }
        }
    }

    /// Every speaker `name` could name: by full name or alias if any
    /// matches, else by last words. Empty if none.
    public func speakers(named name: String) -> Set<String> {
        let words = QuoteText.words(name)
        if let ids = full[words.joined(separator: " ")] { return ids }
        var found: Set<String> = []
        for word in words { found.formUnion(last[word] ?? []) }
        return found
    }

    /// The id of the one speaker `name` names, or nil.
    public func speaker(named name: String) -> String? {
        let words = QuoteText.words(name)
        if let ids = full[words.joined(separator: " ")], ids.count == 1 { return ids.first }
        var found: Set<String> = []
        for word in words { found.formUnion(last[word] ?? []) }
        return found.count == 1 ? found.first : nil
    }
}
