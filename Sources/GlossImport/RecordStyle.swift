import GlossModel

/// A speaker as the Congressional Record names one at the start of a
/// paragraph: a member (`Mr. LOTT.`, `Ms. JACKSON-LEE of Texas.`) or a
/// presiding office (`The PRESIDING OFFICER.`, `The SPEAKER pro tempore
/// (Mr. Poe).`), with the member holding the office when it is named.
struct RecordLabel: Hashable, Sendable {
    enum Who: Hashable, Sendable {
        /// `Mr.`, `LOTT`, `Texas`.
        case member(honorific: String, surname: String, state: String?)
        /// `PRESIDING OFFICER`, `pro tempore` kept in `office`; the holder as printed (`Mr. Kyl`).
        case office(String, holder: String?)
    }

    var who: Who
    /// The label as printed, without its closing period.
    var written: String
    /// The paragraph after the label.
    var rest: String

    static let honorifics: Set<String> = ["Mr.", "Mrs.", "Ms.", "Miss", "Dr."]
    private static let particles: Set<String> = ["de", "la", "del", "van", "von", "du", "da", "di", "le"]

    /// Reads a label at the start of `text` (plain text, not Markdown), or nil.
    static func parse(_ text: String) -> RecordLabel? {
        let words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard words.count >= 2 else { return nil }
        // The record now and then sets the article in capitals too: `THE PRESIDING OFFICER (Mr. Bennett).`
        if words[0] == "The" || words[0] == "THE" { return parseOffice(words) }
        guard honorifics.contains(words[0]) else { return nil }
        // The surname in capitals, then `of State` in mixed case, then the period.
        var surname: [String] = []
        var index = 1
        while index < words.count {
            var word = words[index]
            let ends = word.hasSuffix(".") && !isInitial(word)
            if ends { word.removeLast() }
            if isCapitalWord(word) || (particles.contains(word) && !ends) {
                surname.append(word)
                index += 1
                if ends { return label(.member(honorific: words[0], surname: surname.joined(separator: " "), state: nil), words: words, upTo: index) }
                continue
            }
            break
        }
        guard !surname.isEmpty, surname.contains(where: isCapitalWord), index < words.count, words[index] == "of" else { return nil }
        index += 1
        var state: [String] = []
        while index < words.count, state.count < 3 {
            var word = words[index]
            let ends = word.hasSuffix(".")
            if ends { word.removeLast() }
            guard word.first?.isUppercase == true, word.dropFirst().allSatisfy({ $0.isLowercase || $0 == "-" }) else { return nil }
            state.append(word)
            index += 1
            if ends {
                return label(.member(honorific: words[0], surname: surname.joined(separator: " "), state: state.joined(separator: " ")), words: words, upTo: index)
            }
        }
        return nil
    }

    /// `The PRESIDING OFFICER.`, `The SPEAKER pro tempore (Mr. Poe).`, `The CHAIRMAN.`
    private static func parseOffice(_ words: [String]) -> RecordLabel? {
        var office: [String] = []
        var index = 1
        while index < words.count, office.count < 4 {
            var word = words[index]
            let ends = word.hasSuffix(".")
            if ends { word.removeLast() }
            guard word.count >= 3, word.allSatisfy({ $0.isLetter && $0.isUppercase }) else { break }
            office.append(word)
            index += 1
            if ends { return label(.office(office.joined(separator: " "), holder: nil), words: words, upTo: index) }
        }
        guard !office.isEmpty, index < words.count else { return nil }
        if words[index] == "pro", index + 1 < words.count, words[index + 1].hasPrefix("tempore") {
            office += ["pro", "tempore"]
            index += 1
            if words[index] == "tempore." { return label(.office(office.joined(separator: " "), holder: nil), words: words, upTo: index + 1) }
            guard words[index] == "tempore" else { return nil }
            index += 1
        }
        // `(Mr. Kyl).` or `[Mr. Kyl].`: who holds the office.
        guard index < words.count, let open = words[index].first, open == "(" || open == "[" else { return nil }
        let close: Character = open == "(" ? ")" : "]"
        var holder: [String] = []
        while index < words.count, holder.count < 6 {
            let word = words[index]
            holder.append(word)
            index += 1
            if word.hasSuffix("\(close).") {
                var name = holder.joined(separator: " ")
                name.removeFirst()
                name.removeLast(2)
                guard name.split(separator: " ").count >= 2 else { return nil }
                return label(.office(office.joined(separator: " "), holder: name), words: words, upTo: index)
            }
        }
        return nil
    }

    /// `By Mr. KENNEDY (for himself and Mr. DODD):`, `By Mrs. FEINSTEIN:`:
    /// the member who introduces a bill and speaks on it next.
    static func introduced(_ text: String) -> RecordLabel? {
        guard text.hasPrefix("By "), text.hasSuffix(":"), text.count <= 400 else { return nil }
        var words: [String] = []
        for word in text.dropFirst(3).split(separator: " ") {
            if word.hasPrefix("(") { break }
            words.append(String(word))
            if word.hasSuffix(":") { break }
        }
        var name = words.joined(separator: " ")
        if name.hasSuffix(":") { name.removeLast() }
        guard let label = parse(name + "."), label.rest.isEmpty, case .member = label.who else { return nil }
        return label
    }

    private static func label(_ who: Who, words: [String], upTo end: Int) -> RecordLabel {
        var written = words[..<end].joined(separator: " ")
        written.removeLast()
        return RecordLabel(who: who, written: written, rest: words[end...].joined(separator: " "))
    }

    /// `LOTT`, `JACKSON-LEE`, `D'AMATO`, `McCAIN`: mostly capitals.
    private static func isCapitalWord(_ word: String) -> Bool {
        let letters = word.filter(\.isLetter)
        guard letters.count >= 2, word.allSatisfy({ $0.isLetter || $0 == "-" || $0 == "'" || $0 == "\u{2019}" }) else { return false }
        return letters.filter(\.isUppercase).count * 2 > letters.count && letters.first?.isUppercase == true
    }

    private static func isInitial(_ word: String) -> Bool {
        word.count == 2 && word.first?.isUppercase == true
    }
}

/// The record's account of what happened rather than what was said:
/// `There was no objection.`, `The question was taken; …`, `Mr. REID
/// addressed the Chair.`, `The legislative clerk proceeded to call the roll.`
enum StageDirection {
    private static let openings = [
        "There was no objection", "There being no objection", "Thereupon", "Whereupon", "The question was taken",
        "The question is on", "The motion was agreed to", "The motion to", "The amendment was agreed to", "The amendment (No.",
        "The yeas and nays were ordered", "The result was announced", "The bill was", "The bill (", "The joint resolution",
        "The concurrent resolution", "The resolution", "The preamble was", "So the bill", "So the motion", "So the amendment", "So the resolution", "So the joint resolution",
        "So the concurrent resolution", "So the nomination", "So the conference report", "A motion to reconsider",
        "The legislative clerk", "The assistant legislative clerk", "The bill clerk", "The Clerk read", "The clerk read",
        "The Clerk will", "The nomination was", "The SPEAKER pro tempore announced", "Accordingly (at ", "The Senate proceeded",
        "The House proceeded", "The Senate met at", "The House met at", "The Senate resumed", "The Senate adjourned", "Recorded vote",
    ]
    private static let phrases = [
        " addressed the Chair.", " was agreed to.", " were agreed to.", " was ordered to be printed", " were ordered to be printed",
        " proceeded to call the roll.", " read as follows:", " was laid on the table.", " the following prayer:",
        " led the Pledge of Allegiance", " ordered to be printed in the Record, as follows:",
    ]

    static func matches(_ plain: String) -> Bool {
        guard plain.count <= 400 else { return false }
        if openings.contains(where: { plain.hasPrefix($0) }) { return true }
        if isMeasureTitle(plain) { return true }
        return phrases.contains { plain.contains($0) } && !plain.hasPrefix("I ") && !plain.contains(" I ")
    }
}

extension StageDirection {
    private static let measures = ["S.", "H.R.", "S. Res.", "S.J. Res.", "S. Con. Res.", "H. Res.", "H.J. Res.", "H. Con. Res."]

    /// `S. 223. A bill to prohibit …`: the clerk's title of a measure introduced.
    static func isMeasureTitle(_ plain: String) -> Bool {
        for measure in measures where plain.hasPrefix(measure + " ") {
            let rest = plain.dropFirst(measure.count + 1)
            let number = rest.prefix { $0.isASCIIDigit }
            guard !number.isEmpty else { continue }
            let after = rest.dropFirst(number.count)
            if after.hasPrefix(". A bill") || after.hasPrefix(". A joint resolution") || after.hasPrefix(". A resolution")
                || after.hasPrefix(". A concurrent resolution") || after.hasPrefix(". An original") { return true }
        }
        return false
    }
}

/// `(Applause.)`, `[Laughter.]`: a record's or a speech text's note of
/// the room, written as the dialect's events (`[Applause.]`).
enum EventMarks {
    private static let words = ["Applause", "Laughter", "Laughs", "Cheers", "Booing", "Pause", "Music", "Crosstalk", "Inaudible"]

    /// Whether an opening parenthesis or bracket is followed by a capital,
    /// on the bytes: this runs on every paragraph of a speech.
    private static func mayHoldNote(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if (previous == UInt8(ascii: "(") || previous == UInt8(ascii: "[")) && byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") { return true }
            previous = byte
        }
        return false
    }

    /// `escaped` is Markdown from plain text: its brackets are escaped.
    static func marked(_ escaped: String) -> String {
        guard mayHoldNote(escaped) else { return escaped }
        var out = ""
        var rest = Substring(escaped)
        // Only where a parenthesis or an escaped bracket opens can a note start.
        while let open = rest.firstIndex(where: { $0 == "(" || $0 == "\\" }) {
            out += rest[..<open]
            let tail = rest[open...]
            if let (form, event) = note(at: tail) {
                out += event
                rest = tail.dropFirst(form.count)
            } else {
                out.append(tail[open])
                rest = tail.dropFirst()
            }
        }
        return out + rest
    }

    /// The form of a note that `text` starts with, and the event to write for it.
    private static func note(at text: Substring) -> (form: String, event: String)? {
        for word in words {
            for (form, event) in [("(\(word).)", "[\(word).]"), ("(\(word))", "[\(word)]"), ("\\[\(word).\\]", "[\(word).]"), ("\\[\(word)\\]", "[\(word)]")]
            where text.hasPrefix(form) {
                return (form, event)
            }
        }
        return nil
    }
}

/// The speakers of one record page. A member printed two ways
/// (`Ms. JACKSON-LEE of Texas`, `Ms. JACKSON-LEE`) is one speaker; an
/// office is a speaker of its own, one for each member named as holding
/// it, with the holder as its role (`Mr. Kyl presiding`). A bare
/// `The PRESIDING OFFICER` after a holder was named is that holder.
struct RecordSpeakers {
    private(set) var speakers: [ImportedSpeaker] = []
    private var byKey: [String: Int] = [:]
    private var holders: [String: String] = [:]
    /// Surnames printed with a state, for joining the same surname printed without one.
    private var statesOf: [String: Set<String>] = [:]

    /// Learns every label first, so that a surname is joined to its one stated form.
    init(labels: [RecordLabel]) {
        for label in labels {
            if case .member(_, let surname, let state?) = label.who { statesOf[surname, default: []].insert(state) }
        }
    }

    /// `… called to order by the Presiding Officer (Mr. Enzi).`: the record's
    /// narration names who takes the chair; a bare `The PRESIDING OFFICER.`
    /// after it is that member.
    mutating func readChair(from narration: String) {
        guard let found = narration.range(of: "Presiding Officer ("), let close = narration[found.upperBound...].firstIndex(of: ")") else { return }
        let holder = String(narration[found.upperBound..<close])
        guard let first = holder.split(separator: " ").first, RecordLabel.honorifics.contains(String(first)),
              holder.split(separator: " ").count >= 2, holder.count <= 60 else { return }
        holders["PRESIDING OFFICER"] = holder
    }

    /// The speaker's id, and the label to write for this turn.
    mutating func speaker(for label: RecordLabel) -> (id: String, label: String) {
        switch label.who {
        case .member(let honorific, let surname, let state):
            let joined = state ?? (statesOf[surname]?.count == 1 ? statesOf[surname]?.first : nil)
            let key = "member " + surname + (joined.map { " of " + $0 } ?? "")
            let name = honorific + " " + Self.readable(surname) + (joined.map { " of " + $0 } ?? "")
            let index = add(key: key, id: SpeakerBook.slug(surname + (joined.map { " " + $0 } ?? "")), name: name, role: nil, alias: label.written)
            return (speakers[index].id, label.written)
        case .office(let office, let holder):
            if let holder { holders[office] = holder }
            let current = holder ?? holders[office]
            let name = "The " + Self.readable(office)
            let id = SpeakerBook.slug(office + (current.map { " " + $0.split(separator: " ").dropFirst().joined(separator: " ") } ?? ""))
            // Every turn of a holder is written with the holder named, so that the label is theirs alone.
            let written = current.map { "The \(office) (\($0))" } ?? label.written
            let index = add(key: "office " + office + " " + (current ?? ""), id: id, name: name, role: current.map { "\($0) presiding" }, alias: written)
            return (speakers[index].id, written)
        }
    }

    private mutating func add(key: String, id: String, name: String, role: String?, alias: String) -> Int {
        if let index = byKey[key] {
            if !speakers[index].aliases.contains(alias), alias != speakers[index].name { speakers[index].aliases.append(alias) }
            return index
        }
        var unique = id.isEmpty ? "speaker" : id
        var suffix = 2
        while speakers.contains(where: { $0.id == unique }) { unique = "\(id)-\(suffix)"; suffix += 1 }
        speakers.append(ImportedSpeaker(id: unique, name: name, role: role, aliases: alias == name ? [] : [alias]))
        byKey[key] = speakers.count - 1
        return speakers.count - 1
    }

    /// `JACKSON-LEE` → `Jackson-Lee`, `PRESIDING OFFICER pro tempore` → `Presiding Officer pro tempore`;
    /// a name whose prefix the record prints in mixed case keeps it (`McCAIN` →
    /// `McCain`, `DeLAURO` → `DeLauro`); other words in lower or mixed case are kept.
    static func readable(_ capitals: String) -> String {
        capitals.split(separator: " ").map { word -> String in
            if let lastLower = word.lastIndex(where: \.isLowercase) {
                let rest = word[word.index(after: lastLower)...]
                guard rest.count >= 3, rest.allSatisfy(\.isUppercase) else { return String(word) }
                let kept = word.index(after: rest.startIndex)
                return String(word[..<kept]) + word[kept...].lowercased()
            }
            var out = ""
            var startOfPart = true
            for character in word {
                out += startOfPart ? String(character) : character.lowercased()
                startOfPart = character == "-" || ((character == "'" || character == "\u{2019}") && out.count == 2)
            }
            return out
        }.joined(separator: " ")
    }
}
