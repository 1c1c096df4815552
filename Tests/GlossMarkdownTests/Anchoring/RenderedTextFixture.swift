@testable import GlossMarkdown
import GlossModel

/// Builds `RenderedText` values by hand for anchoring tests: blocks joined by
/// the `\n` that belongs to none of them, and annotations written at known
/// places.
enum RenderedTextFixture {
    static let document = "Content/speech.md"

    /// The text of `blocks`, joined by `\n`, with each block's byte range.
    static func text(_ blocks: String...) -> RenderedText {
        text(blocks)
    }

    static func text(_ blocks: [String]) -> RenderedText {
        var rendered = RenderedText()
        for (index, block) in blocks.enumerated() {
            if index > 0 { rendered.utf8.append(UInt8(ascii: "\n")) }
            let start = rendered.utf8.count
            rendered.utf8.append(contentsOf: Array(block.utf8))
            rendered.blocks.append(start..<rendered.utf8.count)
        }
        return rendered
    }

    /// Where the annotation number `index` (from 0) is written: the front
    /// matter of the document, one annotation every three lines from line 3.
    static func location(_ index: Int) -> SourceLocation {
        SourceLocation(file: document, line: 3 + 3 * index, column: 5)
    }

    /// Annotations with these quotes, written at `location(0)`, `location(1)`…
    static func annotations(_ quotes: String...) -> [Annotation] {
        quotes.enumerated().map { Annotation(quote: $1, note: "Note \($0).", location: location($0)) }
    }

    static func annotation(_ quote: String, prefix: String? = nil, suffix: String? = nil, at index: Int = 0) -> Annotation {
        Annotation(quote: quote, prefix: prefix, suffix: suffix, note: "Note.", location: location(index))
    }

    /// Anchors `annotations` in `text` as `document`.
    static func anchor(_ annotations: [Annotation], in text: RenderedText) -> (ranges: [AnchoredRange], diagnostics: [Diagnostic]) {
        QuoteAnchoring.anchor(annotations, in: text, document: document)
    }

    /// The text `range` covers, or nil when it is out of bounds or not UTF-8.
    static func covered(_ range: Range<Int>, in text: RenderedText) -> String? {
        guard range.lowerBound >= 0, range.upperBound <= text.utf8.count else { return nil }
        let string = String(decoding: text.utf8[range], as: UTF8.self)
        return string.utf8.elementsEqual(text.utf8[range]) ? string : nil
    }

    /// What a single annotation quoting `quote` anchors to in `text`: the
    /// covered text, or the diagnostic.
    static func covered(by annotation: Annotation, in text: RenderedText) -> Result<String, DiagnosticFailure> {
        let result = anchor([annotation], in: text)
        if let diagnostic = result.diagnostics.first { return .failure(DiagnosticFailure(diagnostic: diagnostic)) }
        guard let range = result.ranges.first?.range, let covered = covered(range, in: text) else {
            return .failure(DiagnosticFailure(diagnostic: nil))
        }
        return .success(covered)
    }
}

/// A diagnostic (or its absence when something else went wrong) as an `Error`,
/// so results compare in one `#expect`.
struct DiagnosticFailure: Error, Equatable {
    var diagnostic: Diagnostic?
}
