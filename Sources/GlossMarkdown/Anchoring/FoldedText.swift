/// A `RenderedText` folded once for quote comparison, with a map from every
/// folded unit back to its exact bytes.
///
/// Keys are interned as integers, so searching for a quote compares integers.
/// The text between blocks folds to whitespace, so a quote that would match
/// only across two blocks is still found and can be reported as such;
/// `isWithinOneBlock` tells the two apart.
struct FoldedText: Sendable {
    /// The key of a quote character that occurs nowhere in the text.
    static let unknownKey: Int32 = -1
    /// The key of a whitespace run.
    static let spaceKey: Int32 = 0

    let folding: QuoteFolding
    /// One interned key per unit.
    private(set) var keys: [Int32] = []
    /// The bytes of `RenderedText.utf8` each unit stands for.
    private(set) var bytes: [Range<Int>] = []
    /// The block each unit starts in (-1 between blocks).
    private(set) var blocks: [Int32] = []
    private var table: [String: Int32] = [FoldedUnit.spaceKey: FoldedText.spaceKey]

    init(_ text: RenderedText, folding: QuoteFolding) {
        self.folding = folding
        let count = text.utf8.count
        var blockOfByte = [Int32](repeating: -1, count: count)
        for (index, block) in text.blocks.enumerated() {
            let lower = min(max(block.lowerBound, 0), count)
            let upper = min(max(block.upperBound, lower), count)
            for offset in lower..<upper { blockOfByte[offset] = Int32(truncatingIfNeeded: index) }
        }
        var builder = FoldedUnitBuilder(reservingCapacity: count)
        var offset = 0
        for character in Self.decode(text.utf8) {
            let length = character.utf8.count
            let block = offset < count ? blockOfByte[offset] : -1
            builder.add(character, bytes: offset..<(offset + length), block: block)
            offset += length
        }
        let units = folding.apply(to: builder.finish())
        keys.reserveCapacity(units.count)
        bytes.reserveCapacity(units.count)
        blocks.reserveCapacity(units.count)
        for unit in units {
            keys.append(intern(unit.key))
            bytes.append(unit.bytes)
            blocks.append(unit.block)
        }
    }

    /// The keys of `string` (a quote, prefix or suffix) folded the same way,
    /// without leading or trailing whitespace; `unknownKey` for characters the
    /// text does not contain. Empty when `string` is only whitespace.
    func keys(for string: String) -> [Int32] {
        var builder = FoldedUnitBuilder()
        var offset = 0
        for character in string {
            let length = character.utf8.count
            builder.add(character, bytes: offset..<(offset + length), block: 0)
            offset += length
        }
        var units = folding.apply(to: builder.finish())[...]
        while units.first?.isSpace == true { units.removeFirst() }
        while units.last?.isSpace == true { units.removeLast() }
        return units.map { table[$0.key] ?? Self.unknownKey }
    }

    /// The bytes of the units `units`.
    func byteRange(of units: Range<Int>) -> Range<Int> {
        guard !units.isEmpty else {
            let offset = units.lowerBound < bytes.count ? bytes[units.lowerBound].lowerBound : (bytes.last?.upperBound ?? 0)
            return offset..<offset
        }
        return bytes[units.lowerBound].lowerBound..<bytes[units.upperBound - 1].upperBound
    }

    /// Whether the units `units` (a match, which starts and ends with a
    /// character that is not whitespace) lie in one block.
    func isWithinOneBlock(_ units: Range<Int>) -> Bool {
        guard let first = units.first, let last = units.last else { return false }
        return blocks[first] >= 0 && blocks[first] == blocks[last]
    }

    /// Whether the text right before `start`, ignoring whitespace at the
    /// junction, ends with `prefix`.
    func hasPrefix(_ prefix: [Int32], before start: Int) -> Bool {
        var end = start
        while end > 0, keys[end - 1] == Self.spaceKey { end -= 1 }
        guard end >= prefix.count else { return false }
        return keys[(end - prefix.count)..<end].elementsEqual(prefix)
    }

    /// Whether the text right after `end`, ignoring whitespace at the
    /// junction, starts with `suffix`.
    func hasSuffix(_ suffix: [Int32], after end: Int) -> Bool {
        var start = end
        while start < keys.count, keys[start] == Self.spaceKey { start += 1 }
        guard keys.count - start >= suffix.count else { return false }
        return keys[start..<(start + suffix.count)].elementsEqual(suffix)
    }

    private mutating func intern(_ key: String) -> Int32 {
        if let id = table[key] { return id }
        let id = Int32(truncatingIfNeeded: table.count)
        table[key] = id
        return id
    }

    /// The characters of `utf8`, whose UTF-8 lengths add up to exactly
    /// `utf8.count`: each byte of an invalid sequence becomes one U+001A, so
    /// offsets stay those of the original bytes.
    private static func decode(_ utf8: [UInt8]) -> String {
        let string = String(decoding: utf8, as: UTF8.self)
        if string.utf8.elementsEqual(utf8) { return string }
        var repaired: [UInt8] = []
        repaired.reserveCapacity(utf8.count)
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = utf8.makeIterator()
        loop: while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): repaired.append(contentsOf: encoded)
            case .error(let length): repaired.append(contentsOf: repeatElement(0x1A, count: length))
            case .emptyInput: break loop
            }
        }
        return String(decoding: repaired, as: UTF8.self)
    }
}
