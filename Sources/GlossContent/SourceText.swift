/// Turns a file's bytes into the text every later stage reads: UTF-8
/// validated, byte order mark dropped, line endings normalised to `\n`.
///
/// Lines are counted the way editors count them (`\r\n`, `\r` and `\n` each
/// end one line), so a position found in the normalised text is the position
/// in the file as the user sees it.
enum SourceText {
    /// Why the bytes are not a text file Gloss can read, and where.
    struct Problem: Error, Hashable {
        var message: String
        var line: Int
        var column: Int
    }

    /// The text of `bytes`; an empty file (or one with only a byte order
    /// mark) is empty text, for the caller to judge.
    static func decode(_ bytes: [UInt8]) -> Result<String, Problem> {
        let hasBOM = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        let text = hasBOM ? bytes[3...] : bytes[...]
        let scan = scan(text)
        // A NUL anywhere means a binary file; say so rather than report the
        // first of its many invalid UTF-8 sequences.
        if let nul = scan.firstNUL ?? scan.firstInvalid.flatMap({ text[$0...].firstIndex(of: 0) }) {
            let (line, column) = position(of: nul, in: text)
            return .failure(Problem(message: "binary file: found a NUL byte; Gloss reads UTF-8 text", line: line, column: column))
        }
        if let bad = scan.firstInvalid {
            let (line, column) = position(of: bad, in: text)
            let hex = String(text[bad], radix: 16, uppercase: true)
            return .failure(Problem(
                message: "invalid UTF-8: byte 0x\(hex) is not valid here; save the file as UTF-8",
                line: line, column: column))
        }
        guard scan.hasCR else { return .success(String(decoding: text, as: UTF8.self)) }
        return .success(String(decoding: normalizingLineEnds(text), as: UTF8.self))
    }

    /// `\r\n` and a lone `\r` become `\n`.
    private static func normalizingLineEnds(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var previousWasCR = false
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "\r"):
                result.append(UInt8(ascii: "\n"))
                previousWasCR = true
            case UInt8(ascii: "\n") where previousWasCR:
                previousWasCR = false
            default:
                result.append(byte)
                previousWasCR = false
            }
        }
        return result
    }

    /// Line and column (in Unicode scalars, as Yams counts) of the byte at
    /// `index`. Before a NUL there may be bytes that are not UTF-8; each
    /// malformed run then counts as one replacement character.
    private static func position(of index: Int, in bytes: ArraySlice<UInt8>) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = bytes.startIndex
        var cursor = bytes.startIndex
        while cursor < index {
            let byte = bytes[cursor]
            cursor += 1
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                if byte == UInt8(ascii: "\r"), cursor < index, bytes[cursor] == UInt8(ascii: "\n") { cursor += 1 }
                line += 1
                lineStart = cursor
            }
        }
        let column = String(decoding: bytes[lineStart..<index], as: UTF8.self).unicodeScalars.count + 1
        return (line, column)
    }

    /// What one pass over the bytes finds: the first NUL, the first byte
    /// that does not start a well-formed UTF-8 sequence (RFC 3629: no
    /// overlongs, no surrogates, nothing past U+10FFFF), and whether any
    /// `\r` needs normalising. The pass stops at the first NUL or bad byte.
    private struct Scan {
        var firstNUL: Int?
        var firstInvalid: Int?
        var hasCR = false
    }

    private static func scan(_ bytes: ArraySlice<UInt8>) -> Scan {
        bytes.withUnsafeBytes { buffer in
            var result = Scan()
            let count = buffer.count
            var i = 0
            while i < count {
                // Plain ASCII text without NUL or CR, the bulk of any
                // transcript, is skipped eight bytes at a time.
                if i + 8 <= count {
                    let word = buffer.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    if word & highBits == 0 && !hasZeroByte(word) && !hasZeroByte(word ^ (lowBits &* 0x0D)) {
                        i += 8
                        continue
                    }
                }
                let lead = buffer[i]
                if lead < 0x80 {
                    if lead == 0 {
                        result.firstNUL = bytes.startIndex + i
                        return result
                    }
                    if lead == UInt8(ascii: "\r") { result.hasCR = true }
                    i += 1
                    continue
                }
                var length = 0
                var secondRange: ClosedRange<UInt8> = 0x80...0xBF
                switch lead {
                case 0xC2...0xDF: length = 2
                case 0xE0: length = 3; secondRange = 0xA0...0xBF
                case 0xE1...0xEC, 0xEE...0xEF: length = 3
                case 0xED: length = 3; secondRange = 0x80...0x9F
                case 0xF0: length = 4; secondRange = 0x90...0xBF
                case 0xF1...0xF3: length = 4
                case 0xF4: length = 4; secondRange = 0x80...0x8F
                default: length = 0
                }
                let isWellFormed = length > 0 && i + length <= count && secondRange.contains(buffer[i + 1])
                    && (2..<max(length, 2)).allSatisfy { (0x80...0xBF).contains(buffer[i + $0]) }
                guard isWellFormed else {
                    result.firstInvalid = bytes.startIndex + i
                    return result
                }
                i += length
            }
            return result
        }
    }

    private static let lowBits: UInt64 = 0x0101_0101_0101_0101
    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// Whether any of the eight bytes is zero (the classic bit trick).
    private static func hasZeroByte(_ word: UInt64) -> Bool {
        (word &- lowBits) & ~word & highBits != 0
    }
}
