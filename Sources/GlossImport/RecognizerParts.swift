import Foundation
import GlossModel

/// Every label the source uses, grouped into people: `MR. KENNEDY` and
/// `SENATOR KENNEDY` are one speaker with both labels as aliases.
struct SpeakerBook {
    private struct Variant {
        var label: String
        /// The name without honorifics and role, lower-cased: `kennedy`, `howard k. smith`.
        var core: String
        var person: String
        var role: String?
    }

    private var header: ImportedSpeaker?
    private var variants: [Variant] = []
    /// Group index of each label, once grouped.
    private var groupOf: [String: Int] = [:]
    private var groups: [[Int]] = []
    private var declared: [ImportedSpeaker] = []
    private var grouped = false

    init(header: ImportedSpeaker?) {
        self.header = header
    }

    static let honorifics: Set<String> = [
        "the", "mr", "mrs", "ms", "miss", "dr", "senator", "sen", "secretary", "president", "rep", "representative",
        "gov", "governor", "general", "gen", "admiral", "rear", "vice", "lieutenant", "lt", "colonel", "col", "captain",
        "capt", "major", "sergeant", "acting", "under", "deputy", "assistant", "ambassador", "mayor", "judge", "justice",
        "chairman", "chairwoman", "chair", "speaker", "leader", "minister", "prime", "sir", "madam",
        "professor", "prof", "rev", "reverend", "father", "sister", "brother", "commissioner", "director", "attorney",
    ]

    static func hasHonorific(_ label: String) -> Bool {
        label.contains(",") || words(of: label).first.map { honorifics.contains($0) } ?? false
    }

    private static func words(of text: String) -> [String] {
        text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\u{00A0}" }).map { String($0).trimmingCharacters(in: ".") }
    }

    mutating func add(_ label: String) {
        guard !variants.contains(where: { $0.label == label }) else { return }
        let parts = label.split(separator: ",", maxSplits: 1).map { $0.trimmingSpaces }
        let person = parts.first ?? label
        let role = parts.count > 1 ? Self.titleCased(parts[1]) : nil
        var words = Self.words(of: person)
        let all = words
        while words.count > 1, let first = words.first, Self.honorifics.contains(first) { words.removeFirst() }
        if label == "Q" { words = ["q"] }
        variants.append(Variant(label: label, core: (words.isEmpty ? all : words).joined(separator: " "), person: person, role: role))
        grouped = false
    }

    /// Groups labels by their core name; a lone surname joins the one full
    /// name that ends with it.
    private mutating func group() {
        guard !grouped else { return }
        grouped = true
        groups = []
        groupOf = [:]
        var byCore: [String: Int] = [:]
        if let header {
            groups.append([])
            byCore[Self.words(of: header.name).joined(separator: " ")] = 0
        }
        for (index, variant) in variants.enumerated() {
            if let existing = byCore[variant.core] {
                groups[existing].append(index)
            } else {
                byCore[variant.core] = groups.count
                groups.append([index])
            }
        }
        if header != nil, header?.role?.lowercased() == "president" {
            for core in ["president", "the president"] {
                if let group = byCore[core], group != 0 { groups[0] += groups[group]; groups[group] = [] }
            }
        }
        // `KENNEDY` into `JOHN F. KENNEDY` when exactly one full name ends so.
        let cores = byCore.sorted { $0.value < $1.value }
        for (core, group) in cores where !core.contains(" ") && !groups[group].isEmpty {
            let fuller = cores.filter { $0.key.hasSuffix(" " + core) && !groups[$0.value].isEmpty || ($0.value == 0 && header != nil && $0.key.hasSuffix(" " + core)) }
            guard fuller.count == 1, let target = fuller.first?.value, target != group else { continue }
            groups[target] += groups[group]
            groups[group] = []
        }
        for (number, members) in groups.enumerated() {
            for member in members { groupOf[variants[member].label] = number }
        }
    }

    private var ids: [Int: String] = [:]

    mutating func id(for label: String) -> String {
        group()
        guard let number = groupOf[label] else { return declare(ImportedSpeaker(id: Self.slug(label), name: label)) }
        return speaker(group: number).id
    }

    /// The speaker named before the body, if any.
    mutating func headerID() -> String? {
        guard header != nil else { return nil }
        group()
        return speaker(group: 0).id
    }

    /// A speaker found in an article's prose, joined to a labelled one with the same name.
    mutating func declare(_ speaker: ImportedSpeaker) -> String {
        group()
        let core = Self.words(of: speaker.name).joined(separator: " ")
        if let number = groups.indices.first(where: { number in groups[number].contains { variants[$0].core == core } }) {
            return self.speaker(group: number).id
        }
        if let existing = declared.first(where: { $0.name == speaker.name }) { return existing.id }
        var speaker = speaker
        speaker.id = uniqueID(speaker.id)
        declared.append(speaker)
        return speaker.id
    }

    private var taken: Set<String> = []
    private var made: [Int: ImportedSpeaker] = [:]

    private mutating func uniqueID(_ base: String) -> String {
        var id = base.isEmpty ? "speaker" : base
        var suffix = 2
        while taken.contains(id) { id = "\(base)-\(suffix)"; suffix += 1 }
        taken.insert(id)
        return id
    }

    private mutating func speaker(group number: Int) -> ImportedSpeaker {
        if let made = made[number] { return made }
        let members = groups[number].map { variants[$0] }
        var result: ImportedSpeaker
        if number == 0, let header {
            result = header
            result.id = uniqueID(header.id)
        } else {
            // The fullest name as the display name: most words, then first seen.
            let best = members.enumerated().max { a, b in
                let (wa, wb) = (Self.words(of: a.element.person).count, Self.words(of: b.element.person).count)
                return wa == wb ? a.offset > b.offset : wa < wb
            }?.element ?? members[0]
            let name = best.person.contains { $0.isLowercase } ? best.person : Self.titleCased(best.person)
            result = ImportedSpeaker(id: uniqueID(best.label == "Q" ? "q" : Self.slug(best.core)), name: name, role: members.compactMap(\.role).first)
        }
        var seen = Set([result.name.lowercased()] + result.aliases.map { $0.lowercased() })
        for member in members where !seen.contains(member.label.lowercased()) {
            seen.insert(member.label.lowercased())
            result.aliases.append(member.label)
        }
        made[number] = result
        return result
    }

    /// Labels of different spellings read as one person, for a warning.
    var merges: [[String]] {
        groups.map { $0.map { variants[$0].label } }.filter { labels in
            Set(labels.map { $0.lowercased() }).count > 1
        }
    }

    /// The speakers that have turns, in order of first appearance as made.
    func finished(used: Set<String>) -> [ImportedSpeaker] {
        let all = made.sorted { $0.key < $1.key }.map(\.value) + declared
        return all.filter { used.contains($0.id) }
    }

    static func titleCased(_ text: String) -> String {
        var out = ""
        var startOfWord = true
        for character in text {
            out += startOfWord ? character.uppercased() : character.lowercased()
            startOfWord = !(character.isLetter || character == "'" || character == "\u{2019}") || (character == "'" || character == "\u{2019}") && out.count == 2
        }
        return out.replacingOccurrences(of: "’S ", with: "’s ").replacingOccurrences(of: "'S ", with: "'s ")
    }

    /// A speaker id: lower-case ASCII letters, digits and hyphens.
    static func slug(_ text: String) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        var out = ""
        for scalar in folded.unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                out.unicodeScalars.append(scalar)
            } else if !out.isEmpty, out.last != "-" {
                out += "-"
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out
    }
}

/// Paragraphs that open with a quotation mark and the paragraphs a
/// quotation runs over, by the convention that an unclosed quote goes on.
enum Quotation {
    /// Starts with an opening quote that the paragraph does not close before its end.
    static func opens(_ text: String) -> Bool {
        let body = text.trimmingSpaces
        guard let first = body.first else { return false }
        switch first {
        case "\u{201C}": return !body.dropFirst().dropLast(3).contains("\u{201D}")
        case "\"": return body.filter { $0 == "\"" }.count == 1 || (body.filter { $0 == "\"" }.count == 2 && closes(body))
        default: return false
        }
    }

    static func closes(_ text: String) -> Bool {
        var body = Substring(text.trimmingSpaces)
        while let last = body.last, last == "." || last == "," || last == ")" { body = body.dropLast() }
        return body.last == "\u{201D}" || body.last == "\""
    }

    /// The indices of the paragraphs of the quotation starting at `start`:
    /// to the first that closes it, or just `start` if none does.
    static func run(in blocks: [SourceBlock], from start: Int) -> [Int] {
        var index = start
        while index < blocks.endIndex, let text = blocks[index].paragraphText {
            if closes(text) { return Array(start...index) }
            index += 1
        }
        return [start]
    }
}

/// "Reuters reported:" before a quotation: the wire service is its source.
enum WireQuote {
    private static let services: Set<String> = [
        "reuters", "ap", "the ap", "associated press", "the associated press", "afp", "agence france-presse", "bloomberg",
        "cnn", "bbc", "the bbc", "fox news", "nbc news", "cbs news", "abc news", "politico", "axios", "npr", "tass", "xinhua",
        "interfax", "al jazeera", "the new york times", "the washington post", "the wall street journal", "the guardian",
        "the hill", "newsweek", "breitbart", "the times", "the telegraph", "dpa", "ria novosti", "kyiv independent", "the kyiv independent",
    ]

    static func source(introducedBy text: String) -> String? {
        let plain = MarkdownEscaping.plainText(text).trimmingSpaces
        guard plain.hasSuffix(":"), plain.count <= 80 else { return nil }
        let words = plain.dropLast().split(separator: " ").map(String.init)
        guard let verbIndex = words.firstIndex(where: { ["reported", "reports", "wrote", "writes", "noted", "notes", "said", "says", "added", "explained"].contains($0.lowercased()) }),
              verbIndex >= 1, verbIndex <= 5
        else { return nil }
        let source = words[..<verbIndex].joined(separator: " ")
        let verb = words[verbIndex].lowercased()
        guard source.first?.isUppercase == true else { return nil }
        if services.contains(source.lowercased()) { return source }
        return verb.hasPrefix("report") && words[..<verbIndex].allSatisfy({ $0.first?.isUppercase == true || $0 == "of" }) ? source : nil
    }
}

/// `— Karli Bonne’ (@KarluskaP) February 12, 2025`: the line that closes a
/// post copied from X/Twitter.
struct SocialPost {
    var name: String
    var handle: String
    var rest: String

    init?(attribution markdown: String) {
        // Runs on every paragraph: an attribution line is short and names a handle.
        guard markdown.utf8.count <= 400, markdown.utf8.first.map({ $0 >= 0x80 || $0 == 0x2D || $0 == 0x5C }) == true,
              markdown.contains("(@") else { return nil }
        let plain = MarkdownEscaping.plainText(markdown).trimmingSpaces
        guard let dash = ["\u{2014}", "\u{2013}", "--", "-"].first(where: { plain.hasPrefix($0) }),
              let at = plain.range(of: "(@"), let close = plain[at.upperBound...].firstIndex(of: ")")
        else { return nil }
        let handle = plain[at.upperBound..<close]
        guard !handle.isEmpty, handle.count <= 30, handle.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) else { return nil }
        name = plain[plain.index(plain.startIndex, offsetBy: dash.count)..<at.lowerBound].trimmingSpaces
        self.handle = String(handle)
        rest = plain[plain.index(after: close)...].trimmingSpaces
        guard !name.isEmpty else { return nil }
    }

    var date: CalendarDate? { DateText.find(in: rest) }

    /// The attribution with the handle linked, so the dialect shows a post citation.
    var attributionMarkdown: String {
        let link = "[@\(MarkdownEscaping.escape(handle))](https://twitter.com/\(handle))"
        return MarkdownEscaping.escape(name) + " (" + link + ")" + (rest.isEmpty ? "" : " " + MarkdownEscaping.escape(rest))
    }
}

/// "Hegseth, speaking to the Ukraine Defense Contact Group in Belgium
/// saying:" introduces a speech; this finds who gives it, with their full
/// name and title from elsewhere in the article.
enum SpeechIntroduction {
    private static let speechWords: Set<String> = [
        "saying", "said", "says", "told", "stated", "states", "declared", "remarked", "added", "explained", "continued",
        "noting", "adding", "stating", "telling", "announced", "speaking", "remarks", "speech", "address",
    ]
    private static let titles: Set<String> = [
        "secretary", "of", "defense", "state", "treasury", "president", "vice", "senator", "sen", "rep", "representative",
        "governor", "gov", "mayor", "minister", "prime", "foreign", "chancellor", "general", "gen", "admiral", "ambassador",
        "spokesman", "spokeswoman", "spokesperson", "press", "deputy", "chairman", "chair", "leader", "speaker", "house",
        "senate", "majority", "minority", "u.s", "us", "mr", "mrs", "ms", "dr", "former", "the", "attorney", "commander",
        "chief", "director", "judge", "justice", "pope", "king", "queen", "prince", "lord", "nato", "un", "eu", "white",
    ]
    private static let notPeople: Set<String> = ["group", "department", "ministry", "office", "house", "council", "committee", "agency", "administration", "government"]
    private static let leading: Set<String> = ["the", "a", "an", "in", "on", "at", "after", "during", "he", "she", "they", "it", "speaking", "while", "and", "but", "watch", "then"]

    static func speaker(of text: String, in paragraphs: [String]) -> ImportedSpeaker? {
        let plain = MarkdownEscaping.plainText(text).trimmingSpaces
        guard plain.hasSuffix(":") else { return nil }
        let sentences = plain.dropLast().components(separatedBy: ". ")
        guard let last = sentences.last,
              last.split(separator: " ").contains(where: { speechWords.contains($0.lowercased().trimmingCharacters(in: ",")) })
        else { return nil }
        for sentence in sentences.reversed() {
            guard let run = nameRuns(in: sentence).first else { continue }
            let person = Array(run.drop { titles.contains(normalized($0)) })
            guard !person.isEmpty, person.count <= 4, !person.contains(where: { notPeople.contains(normalized($0)) }) else { continue }
            return fullSpeaker(surname: person.last ?? "", known: person, intro: plain, paragraphs: paragraphs)
        }
        return nil
    }

    private static func normalized(_ word: String) -> String {
        word.lowercased().trimmingCharacters(in: ".")
    }

    /// Runs of capitalised words (with `of` inside), possessives and commas trimmed.
    static func nameRuns(in sentence: String) -> [[String]] {
        var runs: [[String]] = []
        var current: [String] = []
        for raw in sentence.split(separator: " ") {
            var word = String(raw)
            var ends = false
            while let last = word.last, ",;:)".contains(last) { word.removeLast(); ends = true }
            for suffix in ["\u{2019}s", "'s"] where word.hasSuffix(suffix) { word.removeLast(suffix.count); ends = true }
            let capital = word.first?.isUppercase == true
            if capital || (!current.isEmpty && word == "of") {
                if current.isEmpty, leading.contains(word.lowercased()) { continue }
                current.append(word)
            } else {
                if !current.isEmpty { runs.append(current) }
                current = []
            }
            if ends, !current.isEmpty { runs.append(current); current = [] }
        }
        if !current.isEmpty { runs.append(current) }
        return runs.map { run in run.last == "of" ? Array(run.dropLast()) : run }.filter { !$0.isEmpty }
    }

    private static func fullSpeaker(surname: String, known: [String], intro: String, paragraphs: [String]) -> ImportedSpeaker {
        var name = known
        var role: [String] = []
        var aliases: [String] = []
        // The intro paragraph first, then the rest of the article, for the fullest mention.
        for paragraph in [intro] + paragraphs.map(MarkdownEscaping.plainText) {
            for run in nameRuns(in: paragraph) where run.last == surname {
                let person = Array(run.drop { titles.contains(normalized($0)) })
                let title = Array(run.prefix(run.count - person.count))
                let mention = run.joined(separator: " ")
                if !aliases.contains(mention) { aliases.append(mention) }
                if person.count > name.count, person.count <= 4 { name = person }
                if role.isEmpty, !title.isEmpty, person.count >= 2, title.first.map(normalized) != "the" { role = title }
            }
        }
        let full = name.joined(separator: " ")
        return ImportedSpeaker(
            id: SpeakerBook.slug(full), name: full, role: role.isEmpty ? nil : role.joined(separator: " "),
            aliases: aliases.filter { $0 != full }
        )
    }
}

/// `<s>Golden</s> \[Arvada\]`, the briefing room's mark for a correction.
enum Corrections {
    /// The block with each struck passage unstruck, calling `found` with the
    /// struck words, the inserted ones and the words just before.
    static func rewrite(_ block: ImportedBlock, found: (String, String?, String) -> Void) -> ImportedBlock {
        func fix(_ text: String) -> String { rewrite(text, found: found) }
        switch block {
        case .paragraph(let text): return .paragraph(fix(text))
        case .turn(var turn):
            turn.paragraphs = turn.paragraphs.map(fix)
            return .turn(turn)
        case .quote(var quote):
            quote.paragraphs = quote.paragraphs.map(fix)
            return .quote(quote)
        case .list(let items): return .list(items.map(fix))
        default: return block
        }
    }

    static func rewrite(_ text: String, found: (String, String?, String) -> Void) -> String {
        guard text.utf8.contains(UInt8(ascii: "<")), text.contains("<s>") else { return text }
        var out = ""
        var rest = Substring(text)
        while let open = rest.range(of: "<s>"), let close = rest[open.upperBound...].range(of: "</s>") {
            out += rest[..<open.lowerBound]
            let struck = String(rest[open.upperBound..<close.lowerBound])
            rest = rest[close.upperBound...]
            var inserted: String?
            let spaced = rest.drop { $0 == " " }
            for (opening, closing) in [("\\[", "\\]"), ("[", "]")] where spaced.hasPrefix(opening) {
                if let end = spaced.dropFirst(opening.count).range(of: closing) {
                    inserted = String(spaced[spaced.index(spaced.startIndex, offsetBy: opening.count)..<end.lowerBound])
                    out += struck + " \\[" + inserted! + "\\]"
                    rest = spaced[end.upperBound...]
                    break
                }
            }
            let before = MarkdownEscaping.plainText(String(out.dropLast(inserted == nil ? 0 : struck.count + inserted!.count + 5)))
            let words = before.split(separator: " ", omittingEmptySubsequences: false).suffix(4).joined(separator: " ")
            if inserted == nil { out += struck }
            found(MarkdownEscaping.plainText(struck), inserted.map(MarkdownEscaping.plainText), words)
        }
        return out + rest
    }
}

extension MarkdownEscaping {
    /// Roughly what a reader sees of inline Markdown: escapes resolved,
    /// links reduced to their text, emphasis marks dropped. For reading
    /// metadata out of text, never for output.
    static func plainText(_ markdown: String) -> String {
        // Most paragraphs have no markup at all: find that out on the bytes.
        guard markdown.utf8.contains(where: { $0 == 0x5C || $0 == 0x2A || $0 == 0x5F || $0 == 0x5B || $0 == 0x3C }) else { return markdown }
        var text = markdown
        // [text](url) → text
        while let open = text.range(of: "]("), let close = text[open.upperBound...].firstIndex(of: ")"),
              let start = text[..<open.lowerBound].lastIndex(of: "[") {
            let label = text[text.index(after: start)..<open.lowerBound]
            text.replaceSubrange(start...close, with: label)
        }
        text = text.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "<s>", with: "").replacingOccurrences(of: "</s>", with: "")
        return unescape(text)
    }

    static func firstLinkURL(in markdown: String) -> String? {
        guard let open = markdown.range(of: "]("), let close = markdown[open.upperBound...].firstIndex(of: ")") else { return nil }
        let url = String(markdown[open.upperBound..<close])
        return url.hasPrefix("http://") || url.hasPrefix("https://") ? url : nil
    }
}
