import Foundation
import GlossQuotes
import Testing

/// Quotations made from the sample site's transcripts with known edits — a
/// word changed, a clause dropped, words inserted, a quotation made up —
/// checked against those transcripts, to measure how often each verdict is
/// right (precision) and how often each edit gets its verdict (recall).
///
/// Run `swift test --skip-build --filter QuoteEvaluationTests` and read the
/// figures it prints.
@Suite struct QuoteEvaluationTests {
    enum Kind: String, CaseIterable {
        case verbatim, trimmed, altered, notFound = "not found"
    }

    /// A small deterministic generator (SplitMix64), so every run makes the
    /// same pairs.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// The paragraphs of the sample site's transcripts, front matter,
    /// headings, block quotes and speaker labels left out.
    static func corpus() throws -> [QuoteSource] {
        let content = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Content").standardizedFileURL
        let files = try FileManager.default.subpathsOfDirectory(atPath: content.path).filter { $0.hasSuffix(".md") }.sorted()
        return try files.map { file in
            let text = try String(contentsOf: content.appendingPathComponent(file), encoding: .utf8)
            var body = text
            if text.hasPrefix("---\n"), let end = text.range(of: "\n---\n", range: text.index(text.startIndex, offsetBy: 4) ..< text.endIndex) {
                body = String(text[end.upperBound...])
            }
            var passages: [SourcePassage] = []
            for block in body.components(separatedBy: "\n\n") {
                var paragraph = block.replacingOccurrences(of: "\n", with: " ").trimmingCharacters(in: .whitespaces)
                guard let first = paragraph.first, !"#>-|*[!<`".contains(first) || paragraph.hasPrefix("**") else { continue }
                if paragraph.hasPrefix("**"), let colon = paragraph.range(of: ": ") {
                    paragraph = String(paragraph[colon.upperBound...])
                }
                if QuoteText.words(paragraph).count >= 12 {
                    passages.append(SourcePassage(id: "p-\(passages.count)", text: paragraph))
                }
            }
            return QuoteSource(id: file, passages: passages)
        }
    }

    struct Pair {
        var quote: String
        var expected: Kind
    }

    static func pairs(from sources: [QuoteSource], each: Int) -> [Pair] {
        var random = Generator(state: 16)
        let passages = sources.flatMap(\.passages).filter { QuoteText.words($0.text).count >= 24 }
        let vocabulary = Array(Set(passages.flatMap { QuoteText.words($0.text) }.filter { $0.count > 3 })).sorted()
        guard !passages.isEmpty, !vocabulary.isEmpty else { return [] }
        var pairs: [Pair] = []
        for _ in 0 ..< each {
            for kind in 0 ..< 5 {
                let passage = passages[Int(random.next() % UInt64(passages.count))]
                let tokens = QuoteText.tokens(passage.text)
                let length = 10 + Int(random.next() % 15)
                let from = Int(random.next() % UInt64(tokens.count - length + 1))
                let bytes = Array(passage.text.utf8)
                // The surface words of the span, one string each, with the text between them.
                var words: [String] = []
                for t in from ..< (from + length) {
                    let end = t + 1 < from + length ? tokens[t + 1].start : tokens[t].end
                    words.append(String(decoding: bytes[tokens[t].start ..< end], as: UTF8.self))
                }
                let inside = 3 + Int(random.next() % UInt64(length - 8))
                func pick() -> String { vocabulary[Int(random.next() % UInt64(vocabulary.count))] }
                switch kind {
                case 0:
                    pairs.append(Pair(quote: words.joined(), expected: .verbatim))
                case 1:
                    var changed = words
                    var replacement = pick()
                    while QuoteText.words(replacement) == QuoteText.words(changed[inside]) { replacement = pick() }
                    changed[inside] = replacement + " "
                    pairs.append(Pair(quote: changed.joined(), expected: .altered))
                case 2:
                    var dropped = words
                    let count = min(3 + Int(random.next() % 4), length - inside - 3)
                    dropped.removeSubrange(inside ..< (inside + max(count, 1)))
                    pairs.append(Pair(quote: dropped.joined(), expected: .trimmed))
                case 3:
                    var inserted = words
                    inserted.insert(pick() + " " + pick() + " ", at: inside)
                    pairs.append(Pair(quote: inserted.joined(), expected: .altered))
                default:
                    let made = (0 ..< (10 + Int(random.next() % 10))).map { _ in pick() }.joined(separator: " ")
                    pairs.append(Pair(quote: made, expected: .notFound))
                }
            }
        }
        return pairs
    }

    static func kind(of verdict: QuoteVerdict) -> Kind {
        switch verdict {
        case .verbatim: .verbatim
        case .trimmed: .trimmed
        case .altered: .altered
        case .notFound: .notFound
        }
    }

    @Test func verdictsOnGeneratedEditsArePreciseAndComplete() throws {
        let sources = try Self.corpus()
        let checker = QuoteChecker(library: QuoteLibrary(sources: sources))
        let pairs = Self.pairs(from: sources, each: 100)
        #expect(pairs.count == 500)
        var confusion: [Kind: [Kind: Int]] = [:]
        for pair in pairs {
            let got = Self.kind(of: checker.check(pair.quote).verdict)
            confusion[pair.expected, default: [:]][got, default: 0] += 1
        }
        var report = "quote check on \(pairs.count) generated pairs (\(sources.count) transcripts):\n"
        for kind in Kind.allCases {
            let truePositives = confusion[kind]?[kind] ?? 0
            let predicted = Kind.allCases.reduce(0) { $0 + (confusion[$1]?[kind] ?? 0) }
            let actual = confusion[kind]?.values.reduce(0, +) ?? 0
            let precision = predicted == 0 ? 1 : Double(truePositives) / Double(predicted)
            let recall = actual == 0 ? 1 : Double(truePositives) / Double(actual)
            report += "  \(kind.rawValue): precision \(String(format: "%.3f", precision)) (\(truePositives)/\(predicted)), recall \(String(format: "%.3f", recall)) (\(truePositives)/\(actual))\n"
            #expect(precision >= 0.9, "\(kind.rawValue) precision")
            #expect(recall >= 0.9, "\(kind.rawValue) recall")
        }
        report += "  confusion (expected → got): " + Kind.allCases.map { expected in
            expected.rawValue + " → " + Kind.allCases.compactMap { got in
                (confusion[expected]?[got]).map { "\(got.rawValue) \($0)" }
            }.joined(separator: ", ")
        }.joined(separator: "; ")
        print(report)
    }
}
