/// A speaker label at the start of a paragraph, in any of the styles
/// transcripts use: `HEGSETH:`, `MR. KENNEDY:`, `HOWARD K. SMITH, MODERATOR:`,
/// `**Mat Ryer:**`, `Q`, `Name (00:14):`, with an optional timestamp.
struct SpeakerLabel: Hashable, Sendable {
    enum Style: Hashable, Sendable {
        /// `**Name:**`: the writer marked it, so it is a label whatever it says.
        case bold
        /// All capitals: a label when the document uses labels or it has an honorific.
        case capitals
        /// `Q` for a reporter's question.
        case question
        /// `Name (00:14):`: the time makes it a label.
        case timed
        /// `Mat Ryer: …` in mixed case: a label only when used more than once.
        case mixedCase
    }

    var name: String
    var style: Style
    /// In the dialect's form: `00:04:01.06`, `04:01`.
    var timestamp: String?
    /// The paragraph after the label, timestamp and colon.
    var rest: String

    /// Reads a label at the start of `text` (inline Markdown), or nil.
    static func parse(_ text: String) -> SpeakerLabel? {
        if text.hasPrefix("**") { return parseBold(text) }
        if let question = parseQuestion(text) { return question }
        return parsePlain(text)
    }

    private static func parseBold(_ text: String) -> SpeakerLabel? {
        let inner = text.dropFirst(2)
        guard let close = inner.range(of: "**") else { return nil }
        var name = String(inner[..<close.lowerBound]).trimmingSpaces
        var rest = inner[close.upperBound...]
        var colon = false
        if name.hasSuffix(":") { name.removeLast(); name = name.trimmingSpaces; colon = true }
        var timestamp: String?
        (timestamp, rest) = readTime(rest.drop { $0 == " " })
        if !colon, rest.first == ":" { colon = true; rest = rest.dropFirst() }
        if timestamp == nil { (timestamp, rest) = readTime(rest.drop { $0 == " " }) }
        guard colon || timestamp != nil, !name.isEmpty, name.count <= 60, !name.contains("*") else { return nil }
        return SpeakerLabel(name: MarkdownEscaping.unescape(name), style: .bold, timestamp: timestamp, rest: rest.trimmingSpaces)
    }

    private static func parseQuestion(_ text: String) -> SpeakerLabel? {
        guard text.hasPrefix("Q") else { return nil }
        let after = text.dropFirst()
        guard let next = after.first, next == " " || next == ":" || next == "." || next == "\u{00A0}" else { return nil }
        var rest = after
        if next == ":" || next == "." { rest = rest.dropFirst() }
        let spaces = rest.prefix { $0 == " " || $0 == "\u{00A0}" }
        // `Q. Smith` is a name and `Q.E.D.` an abbreviation; a question is set off by space.
        guard !spaces.isEmpty || next == ":" else { return nil }
        rest = rest.dropFirst(spaces.count)
        guard let first = rest.first, !first.isLowercase else { return nil }
        return SpeakerLabel(name: "Q", style: .question, timestamp: nil, rest: String(rest))
    }

    private static func parsePlain(_ text: String) -> SpeakerLabel? {
        // Every label has a colon near the start; most paragraphs have none there, found on the bytes.
        guard text.utf8.prefix(400).contains(UInt8(ascii: ":")) else { return nil }
        // The name runs to the first colon, timestamp or bracket, within 60 characters.
        let window = text.prefix(72)
        guard let end = window.firstIndex(where: { $0 == ":" || $0 == "(" || $0 == "[" || ($0 == "\\" ) }) else { return nil }
        let name = text[..<end].trimmingSpaces
        guard !name.isEmpty, name.count <= 60, name.first?.isUppercase == true else { return nil }
        var rest = text[end...]
        var timestamp: String?
        (timestamp, rest) = readTime(rest)
        rest = rest.drop { $0 == " " }
        guard rest.first == ":" else { return nil }
        rest = rest.dropFirst()
        if timestamp == nil { (timestamp, rest) = readTime(rest.drop { $0 == " " || $0 == "\u{00A0}" }) }
        let remainder = rest.trimmingSpaces
        let allowed: (Character) -> Bool = { $0.isLetter || $0 == " " || $0 == "." || $0 == "'" || $0 == "\u{2019}" || $0 == "-" || $0 == "," }
        guard name.allSatisfy(allowed), name.filter(\.isLetter).count >= 2 else { return nil }
        let letters = name.filter(\.isLetter)
        if letters.allSatisfy({ !$0.isLowercase }) {
            // A comma only before a role: `HOWARD K. SMITH, MODERATOR`.
            guard name.filter({ $0 == "," }).count <= 1, !name.hasSuffix(",") else { return nil }
            return SpeakerLabel(name: name, style: timestamp == nil ? .capitals : .timed, timestamp: timestamp, rest: remainder)
        }
        guard !name.contains(","), isNameLike(name) else { return nil }
        return SpeakerLabel(name: name, style: timestamp == nil ? .mixedCase : .timed, timestamp: timestamp, rest: remainder)
    }

    /// One to five words, each capitalised or an initial: `Mat Ryer`,
    /// `Howard K. Smith`; `Someone said` and `The answer is` are not.
    private static func isNameLike(_ name: String) -> Bool {
        let words = name.split(separator: " ")
        let particles: Set<Substring> = ["de", "van", "von", "der", "da", "del", "la", "le", "bin", "al"]
        return (1...5).contains(words.count) && words.allSatisfy { word in
            word.first?.isUppercase == true || particles.contains(word)
        } && words.first?.first?.isUppercase == true
    }

    /// `[00:04:01.06]`, `\[04:01\]` or `(00:14)` at the start of `text`.
    static func readTime(_ text: Substring) -> (String?, Substring) {
        let forms: [(open: String, close: String)] = [("\\[", "\\]"), ("[", "]"), ("(", ")")]
        for form in forms where text.hasPrefix(form.open) {
            let inner = text.dropFirst(form.open.count)
            guard let close = inner.range(of: form.close) else { continue }
            if let time = Timecode(inner[..<close.lowerBound]) {
                return (time.dialectForm, inner[close.upperBound...])
            }
        }
        return (nil, text)
    }

    /// Whether the dialect reads `name:` as a label without bold: letters,
    /// spaces, `.`, `'`, `’`, `-`, and at most 60 characters.
    static func isPlainLabel(_ name: String) -> Bool {
        name.count <= 60 && name.first?.isLetter == true
            && name.allSatisfy { $0.isLetter || $0 == " " || $0 == "." || $0 == "'" || $0 == "\u{2019}" || $0 == "-" }
            && !name.contains { $0.isLowercase }
    }
}

/// A time in a transcript or caption: `00:04:01.06`, `04:01`, `1:02:03,500`.
struct Timecode: Hashable, Sendable, Comparable {
    var hours: Int
    var minutes: Int
    var seconds: Int
    /// Thousandths of a second.
    var milliseconds: Int

    init?(_ text: Substring) {
        var clock = text
        var fraction = ""
        if let dot = clock.lastIndex(where: { $0 == "." || $0 == "," }) {
            fraction = String(clock[clock.index(after: dot)...])
            clock = clock[..<dot]
            guard (1...3).contains(fraction.count), fraction.allSatisfy(\.isASCIIDigit) else { return nil }
        }
        let parts = clock.split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count),
              parts.allSatisfy({ (1...3).contains($0.count) && $0.allSatisfy(\.isASCIIDigit) }),
              let values = Optional(parts.compactMap { Int($0) }), values.count == parts.count
        else { return nil }
        let (h, m, s) = values.count == 3 ? (values[0], values[1], values[2]) : (0, values[0], values[1])
        guard s < 60, values.count == 2 || m < 60 else { return nil }
        hours = h + m / 60
        minutes = m % 60
        seconds = s
        milliseconds = Int(fraction.padding(toLength: 3, withPad: "0", startingAt: 0)) ?? 0
    }

    init(hours: Int, minutes: Int, seconds: Int, milliseconds: Int) {
        self.hours = hours
        self.minutes = minutes
        self.seconds = seconds
        self.milliseconds = milliseconds
    }

    var totalMilliseconds: Int { ((hours * 60 + minutes) * 60 + seconds) * 1000 + milliseconds }

    static func < (lhs: Timecode, rhs: Timecode) -> Bool { lhs.totalMilliseconds < rhs.totalMilliseconds }

    /// What the dialect accepts: `mm:ss` under an hour, `hh:mm:ss` from an
    /// hour, and hundredths (`.cc`) only when there are any.
    var dialectForm: String {
        let hundredths = milliseconds / 10
        var text = hours > 0 || hundredths > 0 ? "\(pad(hours)):\(pad(minutes)):\(pad(seconds))" : "\(pad(minutes)):\(pad(seconds))"
        if hundredths > 0 { text += ".\(pad(hundredths))" }
        return text
    }

    private func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

extension StringProtocol {
    var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{00A0}" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
