/// The words and pairs of consecutive words of the quotations a build
/// checks, and the scan that finds which of them each transcript holds:
/// the quote check's first step, made from the quotations' side.
///
/// A site holds few quotations and many transcripts. Instead of cutting
/// every transcript into words and filtering them all, the check hashes the
/// quotations' words (about a thousand on a large site) into a small table,
/// then reads each transcript's bytes once, in parallel, folding words as
/// ``QuoteText`` does but keeping only a 64-bit hash of each, and notes the
/// quotation words and pairs it meets. A transcript holding a third of a
/// quotation's pairs is a candidate, as before; only the candidates are
/// rendered and aligned.
///
/// The scan reads a transcript's Markdown, not its rendered passages, so it
/// must never miss a pair the passages hold. Markup between two words
/// (emphasis, a link's destination, a speaker label) adds words, and so
/// pairs, which only makes a transcript look a better candidate than it is;
/// markup whose removal joins two words (`wo*rd*`), or that replaces words
/// (an entity, inline HTML, a reference link, a point note's marker, an
/// image's text), could hide one: a transcript with any of it is
/// ``MarkdownScan/needsPassages`` and is scanned over its rendered passages
/// instead, as exactly as before.
public struct QuoteProbe: Sendable {
    /// Word hash → word number.
    let wordTable: IDTable
    /// (first word number << 32 | second) → pair number.
    let pairTable: IDTable
    /// One bit per slot, set for each of the quotations' pairs: on a large
    /// site nearly every word a transcript holds is a quotation's, and a
    /// pair table of tens of thousands of pairs is too large for the
    /// processor's nearest cache, so the scan looks at this first and
    /// reaches the table only for the few pairs whose bit is set (no pair
    /// is ever missed: a pair's bit is always set).
    let pairFilter: [UInt64]
    /// The filter's bits: a power of two, as a shift of a 64-bit hash.
    let pairFilterShift: UInt64
    /// When the quotations hold few distinct words (up to
    /// ``densePairWords``), every pair's number at `first * wordCount +
    /// second` (-1 for none): one look where the filter and the table take
    /// two or three, in an array small enough to stay in the cache.
    let pairMatrix: [Int32]
    static let densePairWords = 512
    /// How many distinct words and pairs the quotations hold.
    public let wordCount: Int
    public let pairCount: Int
    /// For each quotation, its pairs (not across an ellipsis or an
    /// insertion), distinct, each with the numbers of its two words.
    public let quotationPairs: [[(pair: Int32, first: Int32, second: Int32)]]

    public init(quotations: [String]) {
        var words = IDTable(capacity: 64)
        var pairs = IDTable(capacity: 64)
        var quotationPairs: [[(pair: Int32, first: Int32, second: Int32)]] = []
        quotationPairs.reserveCapacity(quotations.count)
        for text in quotations {
            var own: [(pair: Int32, first: Int32, second: Int32)] = []
            var seen: Set<Int32> = []
            var previous: Int32 = -1
            for element in QuotePattern(text).elements {
                guard case .word(let word, _) = element else {
                    previous = -1
                    continue
                }
                let number = words.insert(WordHash.of(word))
                if previous >= 0 {
                    let pair = pairs.insert(Self.pairKey(previous, number))
                    if seen.insert(pair).inserted { own.append((pair, previous, number)) }
                }
                previous = number
            }
            quotationPairs.append(own)
        }
        wordTable = words
        pairTable = pairs
        wordCount = words.count
        pairCount = pairs.count
        self.quotationPairs = quotationPairs
        // About sixteen bits a pair, a few tens of kilobytes; the smallest
        // when the matrix below stands in for it.
        var bits = 1 << 9
        while words.count > Self.densePairWords, bits < pairs.count * 16 { bits <<= 1 }
        let shift = UInt64(64 - bits.trailingZeroBitCount)
        var filter = [UInt64](repeating: 0, count: bits / 64)
        for own in quotationPairs {
            for pair in own {
                let slot = Self.filterSlot(Self.pairKey(pair.first, pair.second), shift: shift)
                filter[slot >> 6] |= 1 << UInt64(slot & 63)
            }
        }
        pairFilter = filter
        pairFilterShift = shift
        if words.count <= Self.densePairWords {
            var matrix = [Int32](repeating: -1, count: words.count * words.count)
            for own in quotationPairs {
                for pair in own { matrix[Int(pair.first) * words.count + Int(pair.second)] = pair.pair }
            }
            pairMatrix = matrix
        } else {
            pairMatrix = []
        }
    }

    /// A pair key's bit in ``pairFilter``: the top bits of a multiplicative hash.
    @inline(__always) static func filterSlot(_ key: UInt64, shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    static func pairKey(_ a: Int32, _ b: Int32) -> UInt64 {
        // Never 0, the table's empty key.
        (UInt64(UInt32(bitPattern: a)) << 32 | UInt64(UInt32(bitPattern: b))) &+ 1
    }

    /// What the quotations' words and pairs a text holds.
    public struct Hits: Sendable, Hashable {
        /// Word numbers met, each once, in the order first met.
        public var words: [Int32]
        /// Pair numbers met, each once, in the order first met.
        public var pairs: [Int32]
        /// Read from rendered passages (exact), not from Markdown (a superset).
        public var exact: Bool

        public init(words: [Int32] = [], pairs: [Int32] = [], exact: Bool) {
            self.words = words
            self.pairs = pairs
            self.exact = exact
        }
    }

    /// The words and pairs of a transcript's Markdown body; nil when the
    /// body holds markup that could hide a pair (see the type's notes):
    /// then its passages must be scanned with ``scan(passages:)``.
    public func scan(markdown: String) -> Hits? {
        var body = markdown
        return body.withUTF8 { bytes in
            var scanner = Scanner(probe: self, markdown: true)
            guard scanner.run(bytes) else { return nil }
            return scanner.hits(exact: false)
        }
    }

    /// The words and pairs of rendered passages, exactly as the check
    /// cuts them: no pair across two passages.
    public func scan(passages: [String]) -> Hits {
        var scanner = Scanner(probe: self, markdown: false)
        for passage in passages {
            var text = passage
            text.withUTF8 { _ = scanner.run($0) }
            scanner.resetPrevious()
        }
        return scanner.hits(exact: true)
    }

    // MARK: The scanner

    struct Scanner {
        let probe: QuoteProbe
        let markdown: Bool
        var seenWords: [Bool]
        var seenPairs: [Bool]
        var words: [Int32] = []
        var pairs: [Int32] = []
        /// The words a next word follows: usually one; after a link, its
        /// text's last word and its destination's last word.
        var previous = Previous()
        var inWord = false
        var wordLength = 0
        var hash: UInt64 = WordHash.basis
        var lastWasDigit = false

        init(probe: QuoteProbe, markdown: Bool) {
            self.probe = probe
            self.markdown = markdown
            seenWords = [Bool](repeating: false, count: probe.wordCount)
            seenPairs = [Bool](repeating: false, count: probe.pairCount)
        }

        mutating func resetPrevious() {
            finishWord()
            previous.clear()
        }

        func hits(exact: Bool) -> Hits {
            // Not sorted: what reads them (counts, sets) does not need an order.
            Hits(words: words, pairs: pairs, exact: exact)
        }

        mutating func finishWord() {
            guard inWord else { return }
            inWord = false
            lastWasDigit = false
            guard wordLength > 0 else { return }
            let number = probe.wordTable.lookup(hash)
            if number >= 0 {
                if !seenWords[Int(number)] {
                    seenWords[Int(number)] = true
                    words.append(number)
                }
                for slot in 0 ..< previous.count {
                    let before = previous[slot]
                    guard before >= 0 else { continue }
                    let pair: Int32
                    if !probe.pairMatrix.isEmpty {
                        pair = probe.pairMatrix[Int(before) * probe.wordCount + Int(number)]
                    } else {
                        let key = QuoteProbe.pairKey(before, number)
                        let bit = QuoteProbe.filterSlot(key, shift: probe.pairFilterShift)
                        guard probe.pairFilter[bit >> 6] & (1 << UInt64(bit & 63)) != 0 else { continue }
                        pair = probe.pairTable.lookup(key)
                    }
                    if pair >= 0, !seenPairs[Int(pair)] {
                        seenPairs[Int(pair)] = true
                        pairs.append(pair)
                    }
                }
            }
            previous.set(number)
        }

        @inline(__always) mutating func add(byte: UInt8) {
            if !inWord {
                inWord = true
                wordLength = 0
                hash = WordHash.basis
            }
            hash = (hash ^ UInt64(byte)) &* WordHash.prime
            wordLength += 1
        }

        mutating func add(scalar: Unicode.Scalar) {
            if !inWord {
                inWord = true
                wordLength = 0
                hash = WordHash.basis
            }
            for folded in QuoteText.fold(scalar) {
                for byte in String(folded).utf8 {
                    hash = (hash ^ UInt64(byte)) &* WordHash.prime
                    wordLength += 1
                }
            }
        }

        static func isAlnum(_ b: UInt8) -> Bool {
            (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
        }

        static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

        /// A byte of a word; any byte of a non-ASCII scalar counts (it may
        /// be a letter, or an apostrophe that joins two).
        static func isWordByte(_ b: UInt8) -> Bool { b >= 0x80 || isAlnum(b) }

        static func isJoiningPunctuation(_ b: UInt8) -> Bool {
            b == UInt8(ascii: "'") || b == UInt8(ascii: ".") || b == UInt8(ascii: ",")
        }

        /// Whether the text before offset `left` (inclusive) and from offset
        /// `right` would cut into other words if the markup between them
        /// were removed: a word on either side, or an apostrophe, `.` or `,`
        /// that a word stands beyond (`1.` + `5`, `don` + `'t`).
        static func joins(_ bytes: UnsafeBufferPointer<UInt8>, left: Int, right: Int) -> Bool {
            guard left >= 0, right < bytes.count else { return false }
            let l = bytes[left], r = bytes[right]
            let leftSide = isWordByte(l) || (isJoiningPunctuation(l) && left > 0 && isWordByte(bytes[left - 1]))
            let rightSide = isWordByte(r) || (isJoiningPunctuation(r) && right + 1 < bytes.count && isWordByte(bytes[right + 1]))
            return leftSide && rightSide
        }

        /// Markup cmark may remove from the text, joining what is around it.
        static func isRemovable(_ b: UInt8) -> Bool {
            switch b {
            case UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "~"), UInt8(ascii: "\\"),
                 UInt8(ascii: "["), UInt8(ascii: "]"): true
            default: false
            }
        }

        static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (Unicode.Scalar, Int) {
            let b0 = UInt32(bytes[i])
            func next(_ k: Int) -> UInt32 { i + k < bytes.count ? UInt32(bytes[i + k] & 0x3F) : 0 }
            let value: UInt32, width: Int
            if b0 < 0x80 {
                (value, width) = (b0, 1)
            } else if b0 < 0xE0 {
                (value, width) = ((b0 & 0x1F) << 6 | next(1), 2)
            } else if b0 < 0xF0 {
                (value, width) = ((b0 & 0x0F) << 12 | next(1) << 6 | next(2), 3)
            } else {
                (value, width) = ((b0 & 0x07) << 18 | next(1) << 12 | next(2) << 6 | next(3), 4)
            }
            return (Unicode.Scalar(value) ?? "\u{FFFD}", min(width, bytes.count - i))
        }

        /// Whether the scalar at `i` is one a word is made of.
        static func isWordScalar(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
            guard i < bytes.count else { return false }
            if bytes[i] < 0x80 { return isAlnum(bytes[i]) }
            return QuoteText.isWordScalar(decode(bytes, at: i).0)
        }

        static func isNumeric(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
            guard i < bytes.count else { return false }
            if bytes[i] < 0x80 { return isDigit(bytes[i]) }
            return decode(bytes, at: i).0.properties.numericType != nil
        }

        /// Scans `bytes`; false when Markdown holds markup that could hide a pair.
        mutating func run(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            let n = bytes.count
            var i = 0
            // The end of a link's destination being read, and the words the
            // link's text ended with.
            var linkEnd = -1
            var beforeLink = Previous()
            var headingLine = false
            if markdown, !startLine(bytes, at: 0, heading: &headingLine) { return false }
            while i < n {
                let b = bytes[i]
                if b < 0x80 {
                    if Self.isAlnum(b) {
                        add(byte: b >= 0x41 && b <= 0x5A ? b + 32 : b)
                        lastWasDigit = Self.isDigit(b)
                        i += 1
                        continue
                    }
                    // Inside a word: an apostrophe between letters, or `.`/`,` between digits.
                    if inWord, Self.isWordScalar(bytes, at: i + 1) {
                        if b == UInt8(ascii: "'") {
                            i += 1
                            continue
                        }
                        if b == UInt8(ascii: ".") || b == UInt8(ascii: ","), lastWasDigit, Self.isNumeric(bytes, at: i + 1) {
                            i += 1
                            continue
                        }
                    }
                    finishWord()
                    guard markdown else {
                        i += 1
                        continue
                    }
                    if i == linkEnd {
                        // After a link: the next word follows its text (a
                        // link) or its destination (literal brackets).
                        for slot in 0 ..< beforeLink.count where !previous.add(beforeLink[slot]) { return false }
                        linkEnd = -1
                        i += 1
                        continue
                    }
                    if linkEnd >= 0 {
                        if b == UInt8(ascii: "\n") {
                            if !startLine(bytes, at: i + 1, heading: &headingLine) { return false }
                        }
                        i += 1
                        continue
                    }
                    switch b {
                    case UInt8(ascii: "\n"):
                        if headingLine { previous.clear() }
                        if !startLine(bytes, at: i + 1, heading: &headingLine) { return false }
                    case UInt8(ascii: "&"):
                        if i + 1 < n, Self.isAlnum(bytes[i + 1]) || bytes[i + 1] == UInt8(ascii: "#") { return false }
                    case UInt8(ascii: "<"):
                        if i + 1 < n {
                            let c = bytes[i + 1]
                            if Self.isAlnum(c) || c == UInt8(ascii: "/") || c == UInt8(ascii: "!") || c == UInt8(ascii: "?") { return false }
                        }
                    case UInt8(ascii: "!"):
                        if i + 1 < n, bytes[i + 1] == UInt8(ascii: "[") { return false }
                    case UInt8(ascii: "["):
                        if i + 1 < n, bytes[i + 1] == UInt8(ascii: "^") { return false }
                    case UInt8(ascii: "]"):
                        if i + 1 < n {
                            let c = bytes[i + 1]
                            if c == UInt8(ascii: "[") { return false }
                            if c == UInt8(ascii: ":"), !Self.closesTimestamp(bytes, at: i) { return false }
                            if c == UInt8(ascii: "(") {
                                guard let end = Self.linkDestinationEnd(bytes, from: i + 2) else { return false }
                                linkEnd = end
                                beforeLink = previous
                                if Self.joins(bytes, left: i - 1, right: end + 1) { return false }
                            }
                        }
                    default:
                        break
                    }
                    if linkEnd < 0, Self.isRemovable(b) {
                        // A run of markup between two joiners: removing it would join them.
                        var end = i
                        while end < n, Self.isRemovable(bytes[end]) { end += 1 }
                        if Self.joins(bytes, left: i - 1, right: end) { return false }
                    }
                    i += 1
                    continue
                }
                let (scalar, width) = Self.decode(bytes, at: i)
                if QuoteText.isMark(scalar) {
                    i += width
                    continue
                }
                if QuoteText.isWordScalar(scalar) {
                    add(scalar: scalar)
                    lastWasDigit = scalar.properties.numericType != nil
                    i += width
                    continue
                }
                if inWord, QuoteText.isSingleQuote(scalar), Self.isWordScalar(bytes, at: i + width) {
                    i += width
                    continue
                }
                finishWord()
                i += width
            }
            finishWord()
            return linkEnd < 0
        }

        /// At the start of a line: a blank line ends a paragraph (no pair
        /// across it), and a heading is a block of its own. (A link reference
        /// definition is found by its `]:` wherever its label starts.)
        mutating func startLine(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, heading: inout Bool) -> Bool {
            var j = start
            while j < bytes.count, bytes[j] == UInt8(ascii: " ") || bytes[j] == UInt8(ascii: "\t") || bytes[j] == UInt8(ascii: "\r") { j += 1 }
            heading = false
            if j >= bytes.count || bytes[j] == UInt8(ascii: "\n") {
                previous.clear()
            } else if bytes[j] == UInt8(ascii: "#") {
                // An ATX heading: one to six `#` and a space or the line's end.
                var k = j
                while k < bytes.count, bytes[k] == UInt8(ascii: "#") { k += 1 }
                if k - j <= 6, k >= bytes.count || [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: "\n")].contains(bytes[k]) {
                    previous.clear()
                    heading = true
                }
            }
            return true
        }

        /// Whether the `]` at `close` ends a timestamp (`[00:01:16]:`), the
        /// only bracket a label puts before a colon; anything else may be a
        /// link reference definition.
        static func closesTimestamp(_ bytes: UnsafeBufferPointer<UInt8>, at close: Int) -> Bool {
            var k = close - 1
            while k >= 0 {
                let c = bytes[k]
                if c == UInt8(ascii: "[") { return k < close - 1 }
                guard isDigit(c) || c == UInt8(ascii: ":") || c == UInt8(ascii: ".") || c == UInt8(ascii: " ") else { return false }
                k -= 1
            }
            return false
        }

        /// The offset of the `)` that ends an inline link's destination and
        /// title starting at `start` (just after `](`), or nil when it is not
        /// one this scan reads with certainty.
        static func linkDestinationEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
            let n = bytes.count
            var j = start
            var lineEndings = 0
            func skipSpace() -> Bool {
                while j < n {
                    let c = bytes[j]
                    if c == UInt8(ascii: " ") || c == UInt8(ascii: "\t") || c == UInt8(ascii: "\r") {
                        j += 1
                    } else if c == UInt8(ascii: "\n") {
                        lineEndings += 1
                        if lineEndings > 1 { return false }
                        j += 1
                    } else {
                        return true
                    }
                }
                return false
            }
            guard skipSpace() else { return nil }
            if bytes[j] == UInt8(ascii: ")") { return j }
            if bytes[j] == UInt8(ascii: "<") {
                j += 1
                while j < n, bytes[j] != UInt8(ascii: ">") {
                    let c = bytes[j]
                    if c == UInt8(ascii: "\n") || c == UInt8(ascii: "<") || c == UInt8(ascii: "\\") { return nil }
                    j += 1
                }
                guard j < n else { return nil }
                j += 1
            } else {
                var depth = 0
                while j < n {
                    let c = bytes[j]
                    if c <= 0x20 { break }
                    if c == UInt8(ascii: "\\") || c == UInt8(ascii: "&") { return nil }
                    if c == UInt8(ascii: "(") {
                        depth += 1
                    } else if c == UInt8(ascii: ")") {
                        if depth == 0 { break }
                        depth -= 1
                    }
                    j += 1
                }
                guard depth == 0 else { return nil }
            }
            lineEndings = 0
            guard skipSpace() else { return nil }
            if bytes[j] == UInt8(ascii: ")") { return j }
            let open = bytes[j]
            let close: UInt8
            switch open {
            case UInt8(ascii: "\""), UInt8(ascii: "'"): close = open
            case UInt8(ascii: "("): close = UInt8(ascii: ")")
            default: return nil
            }
            j += 1
            while j < n, bytes[j] != close {
                let c = bytes[j]
                if c == UInt8(ascii: "\\") || c == UInt8(ascii: "&") || (open == UInt8(ascii: "(") && c == open) { return nil }
                if c == UInt8(ascii: "\n") {
                    // No blank line inside a title.
                    var k = j + 1
                    while k < n, bytes[k] == UInt8(ascii: " ") || bytes[k] == UInt8(ascii: "\t") || bytes[k] == UInt8(ascii: "\r") { k += 1 }
                    if k >= n || bytes[k] == UInt8(ascii: "\n") { return nil }
                }
                j += 1
            }
            guard j < n else { return nil }
            j += 1
            lineEndings = 0
            guard skipSpace(), bytes[j] == UInt8(ascii: ")") else { return nil }
            return j
        }
    }
}

/// The few words a next word may follow (see ``QuoteProbe/Scanner/previous``),
/// without an array's allocation.
struct Previous {
    private var a: Int32 = -1, b: Int32 = -1, c: Int32 = -1, d: Int32 = -1
    private(set) var count = 0

    subscript(slot: Int) -> Int32 {
        switch slot {
        case 0: a
        case 1: b
        case 2: c
        default: d
        }
    }

    mutating func clear() { count = 0 }

    mutating func set(_ word: Int32) {
        a = word
        count = 1
    }

    /// Adds a word; false past four, which only a run of empty links
    /// reaches (the scan then gives up on the Markdown).
    mutating func add(_ word: Int32) -> Bool {
        for slot in 0 ..< count where self[slot] == word { return true }
        switch count {
        case 0: a = word
        case 1: b = word
        case 2: c = word
        case 3: d = word
        default: return false
        }
        count += 1
        return true
    }
}

/// A word's 64-bit hash: FNV-1a over its folded UTF-8 bytes.
enum WordHash {
    static let basis: UInt64 = 0xCBF2_9CE4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01B3

    static func of(_ word: String) -> UInt64 {
        of(word.utf8)
    }

    static func of(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash = basis
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* prime }
        return hash
    }
}

/// A small open-addressing table from a 64-bit key (never 0) to a number
/// given in order of insertion.
struct IDTable: Sendable {
    private var keys: [UInt64]
    private var values: [Int32]
    private(set) var count = 0

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        keys = [UInt64](repeating: 0, count: size)
        values = [Int32](repeating: -1, count: size)
    }

    private static func slot(_ key: UInt64, mask: Int) -> Int {
        var z = key
        z = (z ^ (z >> 31)) &* 0x7FB5_D329_728E_A185
        z ^= z >> 27
        return Int(truncatingIfNeeded: z) & mask
    }

    /// The key's number, numbering it if new.
    mutating func insert(_ rawKey: UInt64) -> Int32 {
        let key = rawKey == 0 ? 1 : rawKey
        let found = lookup(key)
        if found >= 0 { return found }
        if (count + 1) * 2 > keys.count { grow() }
        let mask = keys.count - 1
        var slot = Self.slot(key, mask: mask)
        while keys[slot] != 0 { slot = (slot + 1) & mask }
        keys[slot] = key
        values[slot] = Int32(count)
        count += 1
        return Int32(count - 1)
    }

    /// The key's number, or -1.
    @inline(__always) func lookup(_ rawKey: UInt64) -> Int32 {
        let key = rawKey == 0 ? 1 : rawKey
        return keys.withUnsafeBufferPointer { keys in
            let mask = keys.count - 1
            var slot = Self.slot(key, mask: mask)
            while true {
                let stored = keys[slot]
                if stored == key { return values[slot] }
                if stored == 0 { return -1 }
                slot = (slot + 1) & mask
            }
        }
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
        values = [Int32](repeating: -1, count: oldKeys.count * 2)
        let mask = keys.count - 1
        for (key, value) in zip(oldKeys, oldValues) where key != 0 {
            var slot = Self.slot(key, mask: mask)
            while keys[slot] != 0 { slot = (slot + 1) & mask }
            keys[slot] = key
            values[slot] = value
        }
    }
}
