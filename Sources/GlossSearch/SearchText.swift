import Foundation

/// How text becomes search terms, the same way in the build (here) and in
/// the browser (`assets/search.js`): folded, cut into words, stemmed.
///
/// - Folding: diacritics removed (canonical decomposition, marks dropped),
///   then lower case: `Björn` and `bjorn` are one word.
/// - Words: runs of letters and digits. A `.` or `,` between two digits
///   is part of the number and dropped (`1,000` is `1000`); anything else
///   separates words, so `pre-2014` is the words `pre` and `2014`, which a
///   query matches as a phrase.
/// - Stemming: ``stem(_:)``, a light English stemmer for plurals, `-ing`
///   and `-ed`.
public enum SearchText {
    /// Words too common to index; a query that has them in a phrase is
    /// checked against the passage's text instead.
    public static let stopWords: Set<String> = [
        "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "from", "has", "have", "he", "i", "in",
        "is", "it", "its", "of", "on", "or", "so", "that", "the", "their", "there", "they", "this", "to",
        "was", "we", "were", "which", "will", "with", "you",
    ]

    /// Calls `body` with each folded word of `text`, in order.
    public static func words(_ text: String, _ body: (String) -> Void) {
        var word = ""
        // A '.' or ',' seen right after a digit: part of the number if a digit follows.
        var pendingSeparator = false
        var lastWasDigit = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                let byte = UInt8(value)
                let isDigit = byte >= 0x30 && byte <= 0x39
                let isUpper = byte >= 0x41 && byte <= 0x5A
                let isLower = byte >= 0x61 && byte <= 0x7A
                if isDigit || isUpper || isLower {
                    if pendingSeparator, !(isDigit && lastWasDigit) {
                        if !word.isEmpty { body(word) }
                        word = ""
                    }
                    pendingSeparator = false
                    word.unicodeScalars.append(Unicode.Scalar(isUpper ? byte + 32 : byte))
                    lastWasDigit = isDigit
                } else if (byte == 0x2E || byte == 0x2C), lastWasDigit, !pendingSeparator {
                    pendingSeparator = true
                } else {
                    if !word.isEmpty { body(word) }
                    word = ""
                    pendingSeparator = false
                    lastWasDigit = false
                }
                continue
            }
            if isMark(scalar) { continue }
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                if pendingSeparator {
                    if !word.isEmpty { body(word) }
                    word = ""
                    pendingSeparator = false
                }
                for folded in fold(scalar) { word.unicodeScalars.append(folded) }
                lastWasDigit = false
            } else {
                if !word.isEmpty { body(word) }
                word = ""
                pendingSeparator = false
                lastWasDigit = false
            }
        }
        if !word.isEmpty { body(word) }
    }

    /// Every folded word of `text`.
    public static func words(_ text: String) -> [String] {
        var all: [String] = []
        words(text) { all.append($0) }
        return all
    }

    /// The index terms of `text`: its words, stop words left out, stemmed.
    public static func terms(_ text: String) -> [String] {
        var text = text
        if let ascii = text.withUTF8({ asciiTerms($0) }) { return ascii }
        var all: [String] = []
        words(text) { word in
            if !stopWords.contains(word) { all.append(stem(word)) }
        }
        return all
    }

    /// ``terms(_:)`` of an ASCII text, byte by byte, as ``words(_:_:)``
    /// cuts it; nil when the text is not ASCII.
    private static func asciiTerms(_ bytes: UnsafeBufferPointer<UInt8>) -> [String]? {
        var all: [String] = []
        var word: [UInt8] = []
        word.reserveCapacity(32)
        var pendingSeparator = false
        var lastWasDigit = false
        func flush() {
            guard !word.isEmpty else { return }
            let text = String(decoding: word, as: UTF8.self)
            if !stopWords.contains(text) { all.append(stem(text)) }
            word.removeAll(keepingCapacity: true)
        }
        for byte in bytes {
            guard byte < 0x80 else { return nil }
            let isDigit = byte >= 0x30 && byte <= 0x39
            let isUpper = byte >= 0x41 && byte <= 0x5A
            let isLower = byte >= 0x61 && byte <= 0x7A
            if isDigit || isUpper || isLower {
                if pendingSeparator, !(isDigit && lastWasDigit) { flush() }
                pendingSeparator = false
                word.append(isUpper ? byte + 32 : byte)
                lastWasDigit = isDigit
            } else if byte == 0x2E || byte == 0x2C, lastWasDigit, !pendingSeparator {
                pendingSeparator = true
            } else {
                flush()
                pendingSeparator = false
                lastWasDigit = false
            }
        }
        flush()
        return all
    }

    private static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: true
        default: false
        }
    }

    /// One non-ASCII letter or digit: decomposed, marks dropped, lower case.
    private static func fold(_ scalar: Unicode.Scalar) -> [Unicode.Scalar] {
        let decomposed = String(scalar).decomposedStringWithCanonicalMapping
        let kept = String(String.UnicodeScalarView(decomposed.unicodeScalars.filter { !isMark($0) }))
        return Array(kept.lowercased().unicodeScalars)
    }

    /// A light English stemmer for folded words: plurals (`taxes`, `studies`,
    /// `cats`), then `-ing` and `-ed` (a doubled final consonant undoubled),
    /// then a final `e`. Words of three letters or fewer, and words with
    /// anything but `a`–`z`, are left alone. Not a dictionary: it folds
    /// `make`, `makes` and `making` together, and sometimes two unrelated
    /// words; it never splits a word from its plural.
    public static func stem(_ word: String) -> String {
        var w = Array(word.utf8)
        guard w.count > 3, w.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return word }
        func ends(_ suffix: StaticString) -> Bool {
            let count = suffix.utf8CodeUnitCount
            guard w.count >= count else { return false }
            return suffix.withUTF8Buffer { s in
                var index = 0
                while index < count {
                    if w[w.count - count + index] != s[index] { return false }
                    index += 1
                }
                return true
            }
        }
        func hasVowel(_ part: ArraySlice<UInt8>) -> Bool {
            part.contains { "aeiouy".utf8.contains($0) }
        }
        if ends("ies"), w.count > 4 {
            w.removeLast(3)
            w.append(UInt8(ascii: "y"))
        } else if ends("sses") {
            w.removeLast(2)
        } else if ends("es"), w.count > 4, [UInt8(ascii: "s"), UInt8(ascii: "x"), UInt8(ascii: "z")].contains(w[w.count - 3])
                    || (w[w.count - 3] == UInt8(ascii: "h") && (w[w.count - 4] == UInt8(ascii: "c") || w[w.count - 4] == UInt8(ascii: "s"))) {
            w.removeLast(2)
        } else if ends("s"), !ends("ss"), !ends("us"), !ends("is") {
            w.removeLast()
        }
        var cut = false
        if ends("ing"), w.count - 3 >= 3, hasVowel(w[..<(w.count - 3)]) {
            w.removeLast(3)
            cut = true
        } else if ends("ed"), !ends("eed"), w.count - 2 >= 3, hasVowel(w[..<(w.count - 2)]) {
            w.removeLast(2)
            cut = true
        }
        if cut, w.count >= 2, w[w.count - 1] == w[w.count - 2], !"aeioulsz".utf8.contains(w[w.count - 1]) {
            w.removeLast()
        }
        if w.count > 3, w[w.count - 1] == UInt8(ascii: "e") { w.removeLast() }
        return String(decoding: w, as: UTF8.self)
    }

    /// A term for a field of a passage or transcript: `s:` and a speaker id,
    /// `t:` and a topic, `y:` and a year, `k:` and a kind; the value folded,
    /// its words joined with `-`. Words never hold a `:`, so these never
    /// meet a word.
    public static func fieldTerm(_ field: Character, _ value: String) -> String {
        String(field) + ":" + words(value).joined(separator: "-")
    }

    /// The shard a term is in: its first three UTF-8 bytes, each `a`–`z` or
    /// `0`–`9` kept and anything else `_`, padded with `_`.
    public static func shardName(_ term: String) -> String {
        shardName(term.utf8)
    }

    public static func shardName(_ term: some Collection<UInt8>) -> String {
        var name: [UInt8] = []
        for byte in term.prefix(3) { name.append(isShardByte(byte) ? byte : UInt8(ascii: "_")) }
        while name.count < 3 { name.append(UInt8(ascii: "_")) }
        return String(decoding: name, as: UTF8.self)
    }

    static func isShardByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
    }
}
