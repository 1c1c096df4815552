/// A quotation read as something to match: its words, the ellipses that
/// stand for left-out words, and the bracketed insertions that stand for
/// words replaced.
///
/// - `…`, `...`, `. . .` (and `[…]`, `[...]`) match any number of words.
/// - `[the President]` matches up to ``slotWords`` words of the source
///   (`he`, `Trump`, or none at all).
/// - `[sic]` matches nothing: it only marks the word before it.
/// - Brackets inside a word (`[T]he`, `happen[ed]`) only change the word's
///   form: the letters count, the brackets do not.
public struct QuotePattern: Sendable, Hashable {
    public enum Element: Sendable, Hashable {
        /// A word, folded, and as the quotation writes it.
        case word(String, surface: String)
        /// An ellipsis.
        case gap
        /// A bracketed insertion, as written, brackets included.
        case slot(String)
    }

    /// The most words of the source a bracketed insertion may stand for.
    public static let slotWords = 6

    public var elements: [Element]

    /// The words alone, no gaps or slots.
    public var wordCount: Int {
        elements.reduce(0) { if case .word = $1 { $0 + 1 } else { $0 } }
    }

    static let gapScalar: Unicode.Scalar = "\u{E000}"
    static let slotScalar: Unicode.Scalar = "\u{E001}"

    public init(_ text: String) {
        let scalars = Array(text.unicodeScalars)
        var marked = String.UnicodeScalarView()
        var slots: [String] = []
        var nextClose = [Int](repeating: -1, count: scalars.count + 1)
        for k in stride(from: scalars.count - 1, through: 0, by: -1) {
            nextClose[k] = scalars[k] == "]" ? k : nextClose[k + 1]
        }
        var i = 0
        func isLetter(_ j: Int) -> Bool { j >= 0 && j < scalars.count && QuoteText.isWordScalar(scalars[j]) }
        while i < scalars.count {
            let s = scalars[i]
            if s == "\u{2026}" {
                marked.append(Self.gapScalar)
                i += 1
                continue
            }
            if s == "." {
                // `...` or `. . .`
                var j = i, dots = 0
                while j < scalars.count, scalars[j] == "." || (scalars[j] == " " && j + 1 < scalars.count && scalars[j + 1] == ".") {
                    if scalars[j] == "." { dots += 1 }
                    j += 1
                }
                if dots >= 3 {
                    marked.append(" ")
                    marked.append(Self.gapScalar)
                    marked.append(" ")
                    i = j
                    continue
                }
            }
            if s == "[", nextClose[i + 1] >= 0, nextClose[i + 1] - i <= 200 {
                let close = nextClose[i + 1]
                let inside = String(String.UnicodeScalarView(scalars[(i + 1) ..< close]))
                let insideWords = QuoteText.words(inside)
                if insideWords.isEmpty || inside.unicodeScalars.contains("\u{2026}") || inside.contains("...") {
                    marked.append(" ")
                    marked.append(Self.gapScalar)
                    marked.append(" ")
                } else if isLetter(i - 1) || isLetter(close + 1) {
                    marked.append(contentsOf: inside.unicodeScalars)
                } else if insideWords == ["sic"] {
                    marked.append(" ")
                } else {
                    marked.append(" ")
                    marked.append(Self.slotScalar)
                    marked.append(" ")
                    slots.append("[" + inside + "]")
                }
                i = close + 1
                continue
            }
            marked.append(s)
            i += 1
        }
        let text = String(marked)
        let bytes = Array(text.utf8)
        var nextSlot = 0
        elements = QuoteText.tokens(text, specials: [Self.gapScalar, Self.slotScalar]).compactMap { token in
            switch token.word.unicodeScalars.first {
            case Self.gapScalar?:
                return .gap
            case Self.slotScalar?:
                defer { nextSlot += 1 }
                return .slot(nextSlot < slots.count ? slots[nextSlot] : "[…]")
            default:
                return .word(token.word, surface: String(decoding: bytes[token.start ..< token.end], as: UTF8.self))
            }
        }
        // Two gaps in a row are one; a gap at either end matches nothing
        // more than the free ends of a match already do.
        var cleaned: [Element] = []
        for element in elements {
            if element == .gap, cleaned.last == .gap { continue }
            cleaned.append(element)
        }
        while cleaned.first == .gap { cleaned.removeFirst() }
        while cleaned.last == .gap { cleaned.removeLast() }
        elements = cleaned
    }

    /// Whether the quotation's text opens with an ellipsis (it says it starts
    /// mid-sentence) — worked out from the raw text, since the pattern drops it.
    static func opensWithEllipsis(_ text: String) -> Bool {
        let trimmed = text.drop { QuoteText.isSpace($0.unicodeScalars.first ?? " ") || QuoteText.isDoubleQuote($0.unicodeScalars.first ?? " ") }
        return trimmed.hasPrefix("\u{2026}") || trimmed.hasPrefix("...") || trimmed.hasPrefix(". . .") || trimmed.hasPrefix("[…]") || trimmed.hasPrefix("[...]")
    }

    static func closesWithEllipsis(_ text: String) -> Bool {
        var t = Substring(text)
        while let last = t.last, QuoteText.isSpace(last.unicodeScalars.first ?? " ") || ".,;:!?".contains(last) && !t.hasSuffix("...") {
            t = t.dropLast()
        }
        return t.hasSuffix("\u{2026}") || t.hasSuffix("...") || t.hasSuffix("[…]") || t.hasSuffix("[...]")
    }
}

extension QuotePattern {
    /// `QuotePattern(text).wordCount`, without building the pattern when
    /// it is sure to be the text's plain words: the finder counts the words
    /// of every quotation it finds against the minimum, and most of them
    /// are never checked.
    ///
    /// A pattern differs from the words of its text only where it reads a
    /// `[`, an `…`, three dots (`...`, `. . .`: no `..` or `. .` in the text,
    /// no run of three) or one of its own stand-in scalars; without them
    /// every element is a word of ``QuoteText/tokens(_:specials:)``.
    static func wordCount(of text: String) -> Int {
        var afterDot = false, afterDotSpace = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "[", "\u{2026}", gapScalar, slotScalar: return QuotePattern(text).wordCount
            case ".": if afterDot || afterDotSpace { return QuotePattern(text).wordCount }
            default: break
            }
            afterDotSpace = afterDot && scalar == " "
            afterDot = scalar == "."
        }
        return QuoteText.wordCount(text)
    }
}
