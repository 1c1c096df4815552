import GlossModel
import Yams

/// Decodes the front matter's `quotes:` list: the editor's rulings on the
/// page's quotations (docs/quotes.md, "Overrides").
///
/// Like range notes, every problem is reported at its position and an entry
/// with an error is left out; whether an entry still names a quotation of
/// the page and a passage of the site is the quote check's to say, once the
/// site is read.
enum QuoteOverrideDecoder {
    static let knownKeys = ["quote", "source", "unpublished"]

    static let example = """
        for example:
        quotes:
          - quote: "the quotation's first words"
            source: 2025/speech#p-3f2a1c
          - quote: "another quotation's first words"
            unpublished: "Interview with the author, 3 March 2025"
        """

    /// The entries of `quotes:`; nothing (`quotes:` left empty) is none.
    static func list(_ node: Node, path: String, reader: inout NodeReader) -> [QuoteOverride] {
        guard !YAMLScalar.isNull(node) else { return [] }
        guard case .sequence(let sequence) = node else {
            reader.mismatch(path, expected: "a list of quotations", found: node, note: "start each entry with \"- \"; " + example)
            return []
        }
        return sequence.enumerated().compactMap { index, element in
            entry(element, path: NodeReader.path(path, index: index), reader: &reader)
        }
    }

    private static func entry(_ node: Node, path: String, reader: inout NodeReader) -> QuoteOverride? {
        guard case .mapping = node else {
            reader.mismatch(path, expected: "a mapping with a quote and either a source or unpublished", found: node, note: example)
            return nil
        }
        guard let entries = reader.entries(of: node, path: path) else { return nil }
        let errorsBefore = reader.diagnostics.count
        var quote: String?
        var passage: (slug: String, passageID: String)?
        var sourceLocation: SourceLocation?
        var unpublished: String?
        for entry in entries {
            let entryPath = NodeReader.path(path, entry.key)
            switch entry.key {
            case "quote": quote = reader.nonEmptyString(entry.value, path: entryPath)
            case "source":
                sourceLocation = reader.location(of: entry.value)
                passage = reader.nonEmptyString(entry.value, path: entryPath).flatMap { text in
                    self.passage(text, path: entryPath, at: reader.location(of: entry.value), reader: &reader)
                }
            case "unpublished": unpublished = reader.nonEmptyString(entry.value, path: entryPath)
            default: reader.unknownKey(entry.key, at: entry.keyNode, in: path, known: knownKeys)
            }
        }
        let here = reader.location(of: node)
        let keys = Set(entries.map(\.key))
        if !keys.contains("quote") {
            reader.error("\(reader.subject): \"\(path)\" needs a \"quote\": the quotation's words, or its first words",
                         at: here, note: example)
        }
        switch (keys.contains("source"), keys.contains("unpublished")) {
        case (false, false):
            reader.error("\(reader.subject): \"\(path)\" needs a \"source\" (the passage it comes from) or \"unpublished\" (a description of a source the site does not hold)",
                         at: here, note: example)
        case (true, true):
            reader.error("\(reader.subject): \"\(path)\" has both \"source\" and \"unpublished\"",
                         at: here, note: "a quotation comes from a passage of the site or from an unpublished source: keep one")
        default: break
        }
        let hasErrors = reader.diagnostics[errorsBefore...].contains { $0.severity == .error }
        guard !hasErrors, let quote else { return nil }
        if let passage {
            return QuoteOverride(quote: quote, ruling: .passage(slug: passage.slug, passageID: passage.passageID),
                                 location: here, sourceLocation: sourceLocation)
        }
        guard let unpublished else { return nil }
        return QuoteOverride(quote: quote, ruling: .unpublished(description: unpublished), location: here)
    }

    /// `2025/speech#p-3f2a1c`, `2025/speech/#p-3f2a1c` (as `gloss check
    /// --quotes` prints it) or `/2025/speech/index.html#p-3f2a1c`: a page and
    /// a passage of it.
    static func passage(_ text: String, path: String, at location: SourceLocation, reader: inout NodeReader) -> (slug: String, passageID: String)? {
        let trimmed = String(text.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
        guard let hash = trimmed.firstIndex(of: "#") else {
            reader.error("\(reader.subject): \"\(path)\" must name a passage, found \"\(trimmed)\" without one",
                         at: location, note: "write the transcript's path and the passage's id, as in `source: 2025/speech#p-3f2a1c`; the id is in the passage's permalink")
            return nil
        }
        var page = Substring(trimmed[..<hash])
        let passageID = String(trimmed[trimmed.index(after: hash)...])
        for suffix in ["index.html", "/"] where page.hasSuffix(suffix) { page = page.dropLast(suffix.count) }
        while page.hasPrefix("/") { page = page.dropFirst() }
        if page.hasSuffix(".md") { page = page.dropLast(3) }
        guard !page.isEmpty, !passageID.isEmpty else {
            reader.error("\(reader.subject): \"\(path)\" must be a transcript and a passage, found \"\(trimmed)\"",
                         at: location, note: "as in `source: 2025/speech#p-3f2a1c`")
            return nil
        }
        return (String(page), passageID)
    }

}
