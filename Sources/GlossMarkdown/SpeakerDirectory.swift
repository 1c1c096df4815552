import GlossModel

/// Looks turn labels up among a transcript's declared speakers.
///
/// A label matches a speaker's name, id or alias, ignoring case, repeated
/// spaces and a trailing period; newsroom style also allows an honorific and
/// the surname (`MR. NIXON`, `SECRETARY HEGSETH`) or the surname alone when
/// no other declared speaker shares it.
struct SpeakerDirectory {
    let speakers: [DeclaredSpeaker]
    private var exact: [String: Int] = [:]
    private var surnames: [String: [Int]] = [:]

    static let honorifics: Set<String> = ["mr", "mrs", "ms", "miss", "dr", "secretary", "senator", "president", "sen", "rep", "gov", "governor", "general", "gen"]

    init(_ speakers: [DeclaredSpeaker]) {
        self.speakers = speakers
        for (index, speaker) in speakers.enumerated() {
            for label in [speaker.name, speaker.id] + speaker.aliases {
                let key = Self.normalized(label)
                if !key.isEmpty && exact[key] == nil { exact[key] = index }
            }
            if let surname = Self.normalized(speaker.name).split(separator: " ").last {
                surnames[String(surname), default: []].append(index)
            }
        }
    }

    /// Whether `Q` opens a question turn in this transcript.
    var questionSpeaker: Int? { exact["q"] }

    /// The speaker a label names, if any.
    func speaker(for label: String) -> Int? {
        let key = Self.normalized(label)
        if let index = exact[key] { return index }
        var words = key.split(separator: " ").map(String.init)
        if words.count >= 2, Self.honorifics.contains(words[0].trimmingSuffix(".")) {
            words.removeFirst()
            let rest = words.joined(separator: " ")
            if let index = exact[rest] { return index }
        }
        if words.count == 1, let matches = surnames[words[0]], matches.count == 1 { return matches[0] }
        return nil
    }

    /// The declared name, id or alias closest to `label`, when it is close
    /// enough to be a likely typo. Unlike ``ClosestMatch``, ties go to the
    /// candidate written alike, so `HEGSET` suggests `HEGSETH`, not `hegseth`.
    func nearest(to label: String) -> String? {
        var best: (label: String, distance: Int, exact: Int)?
        for speaker in speakers {
            for candidate in [speaker.name, speaker.id] + speaker.aliases {
                let distance = EditDistance.between(label, candidate)
                // Between equally near candidates, prefer the one written alike (`HEGSETH` for `HEGSET`).
                let exact = EditDistance.between(label, candidate, ignoringCase: false)
                if let best, (best.distance, best.exact) <= (distance, exact) { continue }
                best = (candidate, distance, exact)
            }
        }
        guard let best, best.distance <= max(2, label.count / 3) else { return nil }
        return best.label
    }

    /// The declared speakers, for a note: `Pete Hegseth (hegseth), Reporter (q)`.
    var listing: String {
        speakers.map { "\($0.name) (\($0.id))" }.joined(separator: ", ")
    }

    /// Lowercased, periods at word ends dropped, whitespace collapsed.
    static func normalized(_ label: String) -> String {
        if let ascii = normalizedASCII(label) { return ascii }
        return label.lowercased().split(whereSeparator: { $0.isWhitespace }).map { word in
            String(word).trimmingSuffix(".")
        }.filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// ``normalized(_:)`` for an ASCII label, on its bytes: every label of
    /// every paragraph is looked up, so this avoids splitting into Strings.
    /// Nil for any other label.
    private static func normalizedASCII(_ label: String) -> String? {
        var output: [UInt8] = []
        output.reserveCapacity(label.utf8.count)
        var word: [UInt8] = []
        func endWord() {
            // One trailing period goes; a word that was only a period goes too.
            if word.last == UInt8(ascii: ".") { word.removeLast() }
            guard !word.isEmpty else { return }
            if !output.isEmpty { output.append(UInt8(ascii: " ")) }
            output += word
            word.removeAll(keepingCapacity: true)
        }
        for byte in label.utf8 {
            guard byte < 0x80 else { return nil }
            if byte == 0x20 || (0x09...0x0D).contains(byte) {
                endWord()
            } else {
                word.append((UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte)
            }
        }
        endWord()
        return String(decoding: output, as: UTF8.self)
    }
}

extension String {
    /// Without one trailing `suffix`, if it ends in one.
    func trimmingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}
