/// Who a quotation is credited to, as the text around it says.
public struct Attribution: Sendable, Hashable {
    /// The name as written (`Hegseth`, `Secretary Hegseth`, `Reuters`), or
    /// the pronoun (`he`) before ``QuoteFinder/resolvingPronouns(_:)``.
    public var name: String
    /// `he`, `she`, `they`: a name only the text before can tell.
    public var isPronoun: Bool

    public init(name: String, isPronoun: Bool = false) {
        self.name = name
        self.isPronoun = isPronoun
    }
}

/// A quotation found in a block of text.
public struct FoundQuotation: Sendable, Hashable {
    /// The words between the quote marks (or the whole block quote).
    public var text: String
    /// UTF-8 offsets of `text` in the block it was found in.
    public var start: Int
    public var end: Int
    /// 0 for a quotation in the running text, 1 for one inside it (single
    /// marks inside double), and so on.
    public var depth: Int
    public var attribution: Attribution?
    /// The number of words, ellipses and bracketed insertions not counted.
    public var wordCount: Int

    public init(text: String, start: Int, end: Int, depth: Int = 0, attribution: Attribution? = nil, wordCount: Int) {
        self.text = text
        self.start = start
        self.end = end
        self.depth = depth
        self.attribution = attribution
        self.wordCount = wordCount
    }
}

/// Finds quotations in running text: double quote marks, curly or straight,
/// single marks inside them or on their own (the British way), and who each
/// one is credited to (`, he said`, `Hegseth told the meeting`, `— Reuters`).
///
/// A block quote is the caller's to find (it is Markdown structure, not
/// marks): pass its text to ``blockQuotation(_:attribution:)``.
public enum QuoteFinder {
    /// Quotations shorter than this many words are not checked: short
    /// phrases in quote marks are more often titles, terms or scare quotes
    /// than quotations, and too short to tell a source from a coincidence.
    public static let minimumWords = 6
    /// Spans between quote marks longer than this many characters are not
    /// read as quotations…
    public static let maximumLength = 6000
    /// …nor more than this many in one block.
    public static let maximumQuotations = 400

    /// Verbs that credit a quotation to a speaker.
    static let speechVerbs: Set<String> = [
        "said", "says", "say", "told", "tells", "added", "adds", "stated", "states", "declared", "declares",
        "wrote", "writes", "asked", "asks", "insisted", "insists", "argued", "argues", "warned", "warns",
        "continued", "continues", "explained", "explains", "noted", "notes", "reported", "reports",
        "remarked", "remarks", "replied", "replies", "answered", "answers", "urged", "urges", "announced",
        "announces", "claimed", "claims", "vowed", "vows", "promised", "promises", "concluded", "concludes",
        "stressed", "stresses", "acknowledged", "acknowledges", "conceded", "concedes", "saying",
    ]
    static let pronouns: Set<String> = ["he", "she", "they", "it", "we", "i"]

    /// Every quotation in `text`, in the order they open, with at least
    /// `minimumWords` words (pass 1 to see all).
    ///
    /// `lead` is the text before the block (a paragraph ending in `Reuters
    /// reported:`), read only for the credit of a quotation that opens the block.
    public static func quotations(in text: String, lead: String = "", minimumWords: Int = minimumWords) -> [FoundQuotation] {
        guard lead.isEmpty else {
            let shift = lead.utf8.count + 1
            return quotations(in: lead + "\n" + text, minimumWords: minimumWords).compactMap { quotation in
                guard quotation.start >= shift else { return nil }
                var q = quotation
                q.start -= shift
                q.end -= shift
                return q
            }
        }
        let scalars = Array(text.unicodeScalars)
        var offsets: [Int] = []
        var offset = 0
        for scalar in scalars {
            offsets.append(offset)
            offset += UTF8.width(scalar)
        }
        offsets.append(offset)

        struct Open { var double: Bool; var index: Int }
        var stack: [Open] = []
        // How many of each kind are open, so that a mark with nothing to
        // close costs nothing however deep the stack is.
        var openDoubles = 0, openSingles = 0
        // (start scalar index of content, end scalar index, depth)
        var spans: [(Int, Int, Int)] = []

        func isWord(_ i: Int) -> Bool { i >= 0 && i < scalars.count && QuoteText.isWordScalar(scalars[i]) }
        func isSpaceOrEdge(_ i: Int) -> Bool {
            i < 0 || i >= scalars.count || QuoteText.isSpace(scalars[i])
                || "([{\u{2014}\u{2013}-".unicodeScalars.contains(scalars[i])
        }

        func push(double: Bool, at i: Int) {
            stack.append(Open(double: double, index: i))
            if double { openDoubles += 1 } else { openSingles += 1 }
        }
        func close(double: Bool, at i: Int) {
            guard double ? openDoubles > 0 : openSingles > 0, let at = stack.lastIndex(where: { $0.double == double }) else { return }
            let open = stack[at]
            for removed in stack[at...] {
                if removed.double { openDoubles -= 1 } else { openSingles -= 1 }
            }
            stack.removeSubrange(at...)
            spans.append((open.index + 1, i, at))
        }

        for (i, scalar) in scalars.enumerated() {
            let opensDouble = scalar == "\u{201C}" || scalar == "\u{201E}" || scalar == "\u{00AB}"
            let closesDouble = scalar == "\u{201D}" || scalar == "\u{00BB}"
            if opensDouble {
                push(double: true, at: i)
            } else if closesDouble {
                close(double: true, at: i)
            } else if scalar == "\"" {
                if openDoubles > 0, !isSpaceOrEdge(i - 1) || !isWord(i + 1) {
                    close(double: true, at: i)
                } else if isSpaceOrEdge(i - 1) || (i > 0 && QuoteText.isSingleQuote(scalars[i - 1])) {
                    push(double: true, at: i)
                }
            } else if scalar == "\u{2018}" {
                if !isWord(i - 1) { push(double: false, at: i) }
            } else if scalar == "\u{2019}" || scalar == "'" {
                let between = isWord(i - 1) && isWord(i + 1)
                if between { continue }  // an apostrophe
                if openSingles > 0, !isSpaceOrEdge(i - 1) {
                    close(double: false, at: i)
                } else if scalar == "'", isSpaceOrEdge(i - 1) || (i > 0 && QuoteText.isDoubleQuote(scalars[i - 1])), isWord(i + 1) {
                    push(double: false, at: i)
                }
            }
        }
        // A double quote still open at the end of the block runs to its end:
        // a quotation of several paragraphs closes only in its last one.
        var depth = 0
        for open in stack {
            if open.double { spans.append((open.index + 1, scalars.count, depth)) }
            depth += 1
        }

        spans.sort { $0.0 < $1.0 }
        var found: [FoundQuotation] = []
        // A quotation is words someone said, not pages: longer spans are a
        // stray mark, and so are more of them than a block could hold.
        for (from, to, depth) in spans.prefix(maximumQuotations) where to - from <= maximumLength {
            var lo = from, hi = to
            while lo < hi, QuoteText.isSpace(scalars[lo]) { lo += 1 }
            while hi > lo, QuoteText.isSpace(scalars[hi - 1]) { hi -= 1 }
            let body = String(String.UnicodeScalarView(scalars[lo ..< hi]))
            let count = QuotePattern.wordCount(of: body)
            guard count >= minimumWords else { continue }
            let attribution = attributionAfter(scalars, from: min(to + 1, scalars.count))
                ?? attributionBefore(scalars, upTo: max(from - 1, 0))
            found.append(FoundQuotation(
                text: body, start: offsets[lo], end: offsets[hi], depth: depth,
                attribution: attribution, wordCount: count
            ))
        }
        return found
    }

    /// A block quote's text as one quotation, credited to `attribution`
    /// (the text of a closing `— Reuters` line, dash left out), or nil if it
    /// is too short to check.
    public static func blockQuotation(_ text: String, attribution: String? = nil, minimumWords: Int = minimumWords) -> FoundQuotation? {
        let count = QuotePattern.wordCount(of: text)
        guard count >= minimumWords else { return nil }
        let credit = attribution.flatMap { name(in: $0) }.map { Attribution(name: $0) }
        return FoundQuotation(text: text, start: 0, end: text.utf8.count, attribution: credit, wordCount: count)
    }

    /// Replaces pronoun attributions with the last name credited before
    /// them (`… Hegseth told the meeting. “…”, he added.`); a pronoun with no
    /// name before it is dropped.
    public static func resolvingPronouns(_ quotations: [FoundQuotation]) -> [FoundQuotation] {
        var last: String?
        return quotations.map { quotation in
            var q = quotation
            if let credit = q.attribution {
                if credit.isPronoun {
                    q.attribution = last.map { Attribution(name: $0) }
                } else {
                    last = credit.name
                }
            }
            return q
        }
    }

    // MARK: Attribution

    private struct Word {
        var text: String
        var folded: String
        var capitalized: Bool
    }

    /// The words of `scalars[range]` as written, with their folded forms.
    private static func words(_ scalars: ArraySlice<Unicode.Scalar>) -> [Word] {
        let text = String(String.UnicodeScalarView(scalars))
        let bytes = Array(text.utf8)
        return QuoteText.tokens(text).map { token in
            Word(text: String(decoding: bytes[token.start ..< token.end], as: UTF8.self), folded: token.word, capitalized: token.capitalized)
        }
    }

    /// `, Hegseth told the meeting`, `, he added.`, `said Hegseth`, `— Reuters`.
    private static func attributionAfter(_ scalars: [Unicode.Scalar], from: Int) -> Attribution? {
        var i = from
        while i < scalars.count, QuoteText.isSpace(scalars[i]) || ",\u{201D}\u{2019}\"'".unicodeScalars.contains(scalars[i]) { i += 1 }
        guard i < scalars.count else { return nil }
        if QuoteText.isDash(scalars[i]) {
            var end = i + 1
            while end < scalars.count, !".,;\n\u{201C}\"(".unicodeScalars.contains(scalars[end]) { end += 1 }
            return name(in: String(String.UnicodeScalarView(scalars[(i + 1) ..< end]))).map { Attribution(name: $0) }
        }
        // The clause up to the end of the sentence or the next quotation.
        var end = i
        while end < scalars.count, end - i < 120, !".;:!?\u{201C}\u{2018}\"".unicodeScalars.contains(scalars[end]) { end += 1 }
        let clause = words(scalars[i ..< end])
        guard let verb = clause.prefix(6).firstIndex(where: { speechVerbs.contains($0.folded) }) else { return nil }
        return subject(before: Array(clause[..<verb])) ?? subject(after: Array(clause[(verb + 1)...]))
    }

    /// `Hegseth said “…”`, `He said ‘…’`, `as the Secretary put it, “…`.
    private static func attributionBefore(_ scalars: [Unicode.Scalar], upTo: Int) -> Attribution? {
        var start = upTo
        while start > 0, upTo - start < 120, !".;!?\u{201D}\u{2019}".unicodeScalars.contains(scalars[start - 1]) { start -= 1 }
        let clause = words(scalars[start ..< upTo])
        guard let verb = clause.suffix(4).lastIndex(where: { speechVerbs.contains($0.folded) }) else { return nil }
        return subject(before: Array(clause[..<verb])) ?? subject(after: Array(clause[(verb + 1)...]))
    }

    /// The pronoun or run of capitalized words just before the verb.
    private static func subject(before words: [Word]) -> Attribution? {
        guard let last = words.last else { return nil }
        if pronouns.contains(last.folded) { return Attribution(name: last.folded, isPronoun: true) }
        let run = words.reversed().prefix { $0.capitalized }
        guard !run.isEmpty else { return nil }
        return Attribution(name: run.reversed().map(\.text).joined(separator: " "))
    }

    /// `said Hegseth`, `said the Secretary`.
    private static func subject(after words: [Word]) -> Attribution? {
        var rest = words[...]
        if let first = rest.first, first.folded == "the" { rest = rest.dropFirst() }
        let run = rest.prefix { $0.capitalized }
        guard !run.isEmpty else { return nil }
        return Attribution(name: run.map(\.text).joined(separator: " "))
    }

    /// A name from an attribution line: its leading capitalized words
    /// (`Reuters, 12 February 2025` is `Reuters`).
    static func name(in text: String) -> String? {
        let all = words(Array(text.unicodeScalars)[...])
        let run = all.prefix { $0.capitalized || $0.folded == "of" || $0.folded == "the" }
        let trimmed = run.reversed().drop { !$0.capitalized }.reversed()
        guard !trimmed.isEmpty else { return nil }
        return trimmed.map(\.text).joined(separator: " ")
    }
}
