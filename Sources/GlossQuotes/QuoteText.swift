import Foundation

/// One word of a quotation or a passage, with where it sits in its text.
public struct QuoteToken: Sendable, Hashable {
    /// The folded word: lower case, diacritics dropped, apostrophes inside
    /// the word left out (`Ukraine’s` and `Ukraine's` are both `ukraines`).
    public var word: String
    /// UTF-8 offsets of the word in the text it was cut from.
    public var start: Int
    public var end: Int
    /// The word's first letter is upper case in the text.
    public var capitalized: Bool
    /// Nothing but quote marks and spaces stands between the start of the
    /// text, or a `.`, `?`, `!` or `:`, and this word.
    public var startsSentence: Bool
    /// A `.`, `?` or `!` follows the word (quote marks and brackets aside).
    public var endsSentence: Bool

    public init(word: String, start: Int, end: Int, capitalized: Bool = false, startsSentence: Bool = false, endsSentence: Bool = false) {
        self.word = word
        self.start = start
        self.end = end
        self.capitalized = capitalized
        self.startsSentence = startsSentence
        self.endsSentence = endsSentence
    }
}

/// How quotations and passages are compared: both are normalized the same
/// way and cut into the same words.
///
/// - Case is ignored and diacritics fold away (`Zoë` is `zoe`), as search
///   folds them.
/// - Quote marks, curly or straight, dashes of every length, spaces,
///   no-break spaces and line breaks are not words: they only separate them,
///   so `pre‑2014` and `pre-2014` are the same two words.
/// - An apostrophe, curly or straight, between two letters is part of the
///   word and dropped (`you’re` is `youre`).
/// - A `.` or `,` between two digits is kept out (`1,000` is `1000`).
public enum QuoteText {
    /// Text as the matcher sees it, for display and tests: folded, quote
    /// marks straightened, dashes made `-`, every run of whitespace (NBSP and
    /// line breaks included) one space, trimmed.
    public static func normalized(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if isSpace(scalar) {
                pendingSpace = !out.isEmpty
                continue
            }
            if isMark(scalar) { continue }
            if pendingSpace {
                out.append(" ")
                pendingSpace = false
            }
            if isDoubleQuote(scalar) {
                out.append("\"")
            } else if isSingleQuote(scalar) {
                out.append("'")
            } else if isDash(scalar) {
                out.append("-")
            } else {
                out.append(contentsOf: fold(scalar))
            }
        }
        return String(out)
    }

    /// The folded words of `text`, in order.
    public static func words(_ text: String) -> [String] {
        tokens(text).map(\.word)
    }

    /// The words of `text` with their offsets and sentence marks.
    ///
    /// `specials` are scalars that stand for a token of their own (the
    /// matcher's stand-ins for an ellipsis or a bracketed insertion); each is
    /// given as a word of that one scalar.
    public static func tokens(_ text: String, specials: Set<Unicode.Scalar> = []) -> [QuoteToken] {
        var result: [QuoteToken] = []
        let scalars = Array(text.unicodeScalars)
        var offsets: [Int] = []
        offsets.reserveCapacity(scalars.count + 1)
        var offset = 0
        for scalar in scalars {
            offsets.append(offset)
            offset += UTF8.width(scalar)
        }
        offsets.append(offset)

        var word = String.UnicodeScalarView()
        var wordStart = -1
        var capitalized = false
        var sentenceOpen = true  // a sentence starts before the next word
        var startsSentence = true
        var lastWasDigit = false

        func finish(at index: Int) {
            guard wordStart >= 0 else { return }
            if !word.isEmpty {
                result.append(QuoteToken(
                    word: String(word), start: offsets[wordStart], end: offsets[index],
                    capitalized: capitalized, startsSentence: startsSentence, endsSentence: false
                ))
            }
            word = String.UnicodeScalarView()
            wordStart = -1
            lastWasDigit = false
        }

        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if specials.contains(scalar) {
                finish(at: index)
                result.append(QuoteToken(word: String(scalar), start: offsets[index], end: offsets[index + 1]))
                index += 1
                continue
            }
            // ASCII first: most text is, and it needs no Unicode tables.
            if scalar.isASCII {
                let v = scalar.value
                let isDigit = v >= 0x30 && v <= 0x39, isUpper = v >= 0x41 && v <= 0x5A, isLower = v >= 0x61 && v <= 0x7A
                if isDigit || isUpper || isLower {
                    if wordStart < 0 {
                        wordStart = index
                        capitalized = isUpper
                        startsSentence = sentenceOpen
                        sentenceOpen = false
                    }
                    word.append(isUpper ? Unicode.Scalar(UInt8(v + 32)) : scalar)
                    lastWasDigit = isDigit
                    index += 1
                    continue
                }
            } else if isMark(scalar) {
                index += 1
                continue
            } else if isWordScalar(scalar) {
                if wordStart < 0 {
                    wordStart = index
                    capitalized = scalar.properties.isUppercase
                    startsSentence = sentenceOpen
                    sentenceOpen = false
                }
                word.append(contentsOf: fold(scalar))
                lastWasDigit = scalar.properties.numericType != nil
                index += 1
                continue
            }
            // Inside a word: an apostrophe between letters, or `.`/`,` between digits.
            if wordStart >= 0, index + 1 < scalars.count, isWordScalar(scalars[index + 1]) {
                if isSingleQuote(scalar) || scalar == "'" {
                    index += 1
                    continue
                }
                if (scalar == "." || scalar == ","), lastWasDigit, scalars[index + 1].properties.numericType != nil {
                    index += 1
                    continue
                }
            }
            finish(at: index)
            if scalar == "." || scalar == "?" || scalar == "!" {
                if let last = result.indices.last { result[last].endsSentence = true }
                sentenceOpen = true
            } else if scalar == ":" {
                sentenceOpen = true
            }
            index += 1
        }
        finish(at: scalars.count)
        return result
    }

    // MARK: Characters

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let v = scalar.value
            return (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
        }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || scalar == "\u{200B}" || scalar == "\u{FEFF}"
    }

    static func isDoubleQuote(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "\"", "\u{201C}", "\u{201D}", "\u{201E}", "\u{201F}", "\u{00AB}", "\u{00BB}", "\u{2033}": true
        default: false
        }
    }

    static func isSingleQuote(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "'", "\u{2018}", "\u{2019}", "\u{201A}", "\u{201B}", "\u{2039}", "\u{203A}", "\u{02BC}", "\u{2032}": true
        default: false
        }
    }

    static func isDash(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "-", "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2015}", "\u{2212}", "\u{FE58}", "\u{FE63}", "\u{FF0D}": true
        default: false
        }
    }

    static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: true
        default: false
        }
    }

    /// One scalar folded: ASCII lower-cased directly, anything else decomposed,
    /// marks dropped, lower-cased.
    static func fold(_ scalar: Unicode.Scalar) -> [Unicode.Scalar] {
        if scalar.isASCII {
            let v = scalar.value
            if v >= 0x41 && v <= 0x5A, let lower = Unicode.Scalar(v + 32) { return [lower] }
            return [scalar]
        }
        let decomposed = String(scalar).decomposedStringWithCanonicalMapping
        let kept = String(String.UnicodeScalarView(decomposed.unicodeScalars.filter { !isMark($0) }))
        return Array(kept.lowercased().unicodeScalars)
    }
}

extension QuoteText {
    /// `tokens(text).count`, without making a String of each word: the
    /// same reading of `text`, scalar by scalar, keeping only whether a word
    /// is open and whether it has a letter yet (a scalar that folds to
    /// nothing, alone, makes no word).
    static func wordCount(_ text: String) -> Int {
        var count = 0
        var inWord = false, wordHasText = false, lastWasDigit = false
        func finish() {
            if inWord, wordHasText { count += 1 }
            inWord = false
            wordHasText = false
            lastWasDigit = false
        }
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            let nextIndex = scalars.index(after: index)
            defer { index = nextIndex }
            if scalar.isASCII {
                let v = scalar.value
                let isDigit = v >= 0x30 && v <= 0x39
                if isDigit || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) {
                    inWord = true
                    wordHasText = true
                    lastWasDigit = isDigit
                    continue
                }
            } else if isMark(scalar) {
                continue
            } else if isWordScalar(scalar) {
                inWord = true
                if !wordHasText { wordHasText = !fold(scalar).isEmpty }
                lastWasDigit = scalar.properties.numericType != nil
                continue
            }
            // Inside a word: an apostrophe between letters, or `.`/`,` between digits.
            if inWord, nextIndex < scalars.endIndex, isWordScalar(scalars[nextIndex]) {
                if isSingleQuote(scalar) || scalar == "'" { continue }
                if scalar == "." || scalar == ",", lastWasDigit, scalars[nextIndex].properties.numericType != nil { continue }
            }
            finish()
        }
        finish()
        return count
    }
}
