/// Turns characters into `FoldedUnit`s, merging the runs that compare as one:
/// whitespace, dashes and the three dots of an ellipsis.
///
/// - Every whitespace character (space, tab, line break, U+00A0, U+202F, …) and
///   every character outside a block joins a run that becomes one space.
/// - A single `-` stays a hyphen. Any other run of `-`, `–` and `—` is one dash:
///   smart punctuation renders `--` as `–` and `---` as `—`, and transcripts
///   typed on a keyboard use `--` for the em dash, so all of them compare equal.
///   A hyphen inside a word (`pre-2014`) never equals a dash.
/// - `...` is `…`; a fourth dot stays a dot (`....` is `…` then `.`).
/// - Curly and straight quotes compare equal: `’ ‘ ʼ ′` are `'`, `“ ” ″` are `"`.
struct FoldedUnitBuilder {
    private enum Run {
        case space(start: Int, end: Int, block: Int32)
        case dash(start: Int, end: Int, block: Int32, count: Int, onlyHyphens: Bool)
        case dots(start: Int, count: Int, block: Int32)
    }

    private(set) var units: [FoldedUnit] = []
    private var run: Run?

    init(reservingCapacity capacity: Int = 0) {
        units.reserveCapacity(capacity)
    }

    /// Adds the character at `bytes`, in `block` (-1: between blocks, which
    /// counts as whitespace).
    mutating func add(_ character: Character, bytes: Range<Int>, block: Int32) {
        if block < 0 || character.isWhitespace {
            if case .space(let start, _, let runBlock)? = run {
                run = .space(start: start, end: bytes.upperBound, block: runBlock)
            } else {
                flush()
                run = .space(start: bytes.lowerBound, end: bytes.upperBound, block: block)
            }
        } else if character == "-" || character == "\u{2013}" || character == "\u{2014}" {
            let isHyphen = character == "-"
            if case .dash(let start, _, let runBlock, let count, let onlyHyphens)? = run {
                run = .dash(start: start, end: bytes.upperBound, block: runBlock, count: count + 1, onlyHyphens: onlyHyphens && isHyphen)
            } else {
                flush()
                run = .dash(start: bytes.lowerBound, end: bytes.upperBound, block: block, count: 1, onlyHyphens: isHyphen)
            }
        } else if character == "." {
            if case .dots(let start, let count, let runBlock)? = run {
                run = .dots(start: start, count: count + 1, block: runBlock)
            } else {
                flush()
                run = .dots(start: bytes.lowerBound, count: 1, block: block)
            }
        } else {
            flush()
            units.append(FoldedUnit(key: Self.key(for: character), bytes: bytes, block: block))
        }
    }

    /// The units, once every character has been added.
    mutating func finish() -> [FoldedUnit] {
        flush()
        return units
    }

    private mutating func flush() {
        guard let run else { return }
        self.run = nil
        switch run {
        case let .space(start, end, block):
            units.append(FoldedUnit(key: FoldedUnit.spaceKey, bytes: start..<end, block: block))
        case let .dash(start, end, block, count, onlyHyphens):
            let key = count == 1 && onlyHyphens ? "-" : "\u{2013}"
            units.append(FoldedUnit(key: key, bytes: start..<end, block: block))
        case let .dots(start, count, block):
            // Dots are one byte each.
            var offset = start
            for _ in 0..<(count / 3) {
                units.append(FoldedUnit(key: "\u{2026}", bytes: offset..<(offset + 3), block: block))
                offset += 3
            }
            for _ in 0..<(count % 3) {
                units.append(FoldedUnit(key: ".", bytes: offset..<(offset + 1), block: block))
                offset += 1
            }
        }
    }

    /// The comparison key of a character that is not whitespace, a dash or a dot.
    private static func key(for character: Character) -> String {
        switch character {
        case "\u{2019}", "\u{2018}", "\u{02BC}", "\u{2032}": "'"
        case "\u{201C}", "\u{201D}", "\u{2033}": "\""
        default: String(character)
        }
    }
}
