import GlossModel

/// Finds annotation quotes in one rendered text, exactly: the text is folded
/// once, each quote is searched in linear time, and the looser foldings that
/// suggest near misses are built only when a quote is not found.
struct QuoteSearch {
    let text: RenderedText
    /// The display path of the Markdown file, for messages.
    let document: String
    private let exact: FoldedText
    private var hintViews: [QuoteFolding: FoldedText] = [:]

    init(_ text: RenderedText, document: String) {
        self.text = text
        self.document = document
        self.exact = FoldedText(text, folding: .exact)
    }

    /// Where `annotation`'s quote is, or the error that says why it is not
    /// anchored.
    mutating func locate(_ annotation: Annotation) -> QuoteSearchResult {
        let at = annotation.location
        let quote = exact.keys(for: annotation.quote)
        guard !quote.isEmpty else {
            return .rejected(.error(at: at, "annotation quote is empty", note: "give the exact words of the transcript the note is about"))
        }
        let shownQuote = AnchoringMessage.shown(annotation.quote)
        let all = SubsequenceSearch.occurrences(of: quote, in: exact.keys).map { $0..<($0 + quote.count) }
        let matches = all.filter(exact.isWithinOneBlock)
        if matches.isEmpty {
            if !all.isEmpty {
                return .rejected(.error(
                    at: at, "annotation quote crosses a paragraph boundary: \"\(shownQuote)\"",
                    note: "split it into one annotation per paragraph"
                ))
            }
            return .rejected(.error(at: at, "annotation quote not found: \"\(shownQuote)\"", note: nearMiss(for: annotation.quote)))
        }

        let prefix = annotation.prefix.map(exact.keys(for:)).flatMap { $0.isEmpty ? nil : $0 }
        let suffix = annotation.suffix.map(exact.keys(for:)).flatMap { $0.isEmpty ? nil : $0 }
        let exact = self.exact
        let fitsPrefix = matches.map { match in prefix.map { exact.hasPrefix($0, before: match.lowerBound) } ?? true }
        let fitsSuffix = matches.map { match in suffix.map { exact.hasSuffix($0, after: match.upperBound) } ?? true }
        let qualifying = matches.indices.filter { fitsPrefix[$0] && fitsSuffix[$0] }.map { matches[$0] }
        if qualifying.count == 1, let only = qualifying.first {
            return .anchored(exact.byteRange(of: only))
        }
        let utf8 = text.utf8
        let listed = { (matches: [Range<Int>]) in AnchoringMessage.occurrences(matches, in: exact, utf8: utf8) }

        if qualifying.count > 1 {
            if prefix == nil, suffix == nil {
                return .rejected(.error(
                    at: at, "annotation quote found \(matches.count) times: \"\(shownQuote)\"",
                    note: "add \"prefix:\" or \"suffix:\" to choose one (occurrences: \(listed(matches)))"
                ))
            }
            let given = [prefix.map { _ in "prefix" }, suffix.map { _ in "suffix" }].compactMap { $0 }.joined(separator: " and ")
            return .rejected(.error(
                at: at,
                "annotation quote found \(matches.count) times and \(qualifying.count) of them match its \(given): \"\(shownQuote)\"",
                note: "lengthen \"prefix:\" or \"suffix:\" to choose one (occurrences: \(listed(qualifying)))"
            ))
        }

        let occurs = "the quote occurs \(AnchoringMessage.times(matches.count))"
        if let prefixText = annotation.prefix, prefix != nil, !fitsPrefix.contains(true) {
            return .rejected(.error(
                at: at, "annotation quote not found after its prefix \"\(AnchoringMessage.shown(prefixText, limit: 40))\": \"\(shownQuote)\"",
                note: "\(occurs), and \"prefix:\" must be the text right before it (occurrences: \(listed(matches)))"
            ))
        }
        if let suffixText = annotation.suffix, suffix != nil, !fitsSuffix.contains(true) {
            return .rejected(.error(
                at: at, "annotation quote not found before its suffix \"\(AnchoringMessage.shown(suffixText, limit: 40))\": \"\(shownQuote)\"",
                note: "\(occurs), and \"suffix:\" must be the text right after it (occurrences: \(listed(matches)))"
            ))
        }
        return .rejected(.error(
            at: at, "annotation quote not found between its prefix and suffix: \"\(shownQuote)\"",
            note: "\(occurs); the prefix and the suffix match different occurrences (occurrences: \(listed(matches)))"
        ))
    }

    /// A hint for a quote that is not in the text: a variant found with other
    /// capitalisation or punctuation (never anchored), else advice.
    private mutating func nearMiss(for quote: String) -> String {
        let foldings: [(QuoteFolding, String)] = [
            (.caseInsensitive, "capitalisation"),
            (.punctuationInsensitive, "punctuation"),
            (.caseAndPunctuationInsensitive, "capitalisation and punctuation"),
        ]
        for (folding, difference) in foldings {
            let view = hintView(folding)
            let keys = view.keys(for: quote)
            guard !keys.isEmpty else { continue }
            let found = SubsequenceSearch.occurrences(of: keys, in: view.keys).map { $0..<($0 + keys.count) }
            guard let match = found.first(where: view.isWithinOneBlock) ?? found.first else { continue }
            let variant = AnchoringMessage.shown(AnchoringMessage.text(view.byteRange(of: match), text.utf8))
            return "found with different \(difference) in \(document): \"\(variant)\""
        }
        return "check the wording against the transcript"
    }

    private mutating func hintView(_ folding: QuoteFolding) -> FoldedText {
        if let view = hintViews[folding] { return view }
        let view = FoldedText(text, folding: folding)
        hintViews[folding] = view
        return view
    }
}
