/// The hash behind passage ids: FNV-1a 64 of the passage's text with runs
/// of whitespace collapsed to one space, shortened to 6 hex digits.
enum PassageHash {
    static func id(of text: String) -> String {
        collapsed(utf8: Array(text.utf8)[...]).withUnsafeBufferPointer { id(ofCollapsed: $0) }
    }

    /// The id of text already collapsed by ``collapsed(utf8:)``.
    static func id(ofCollapsed text: String) -> String {
        var text = text
        return text.withUTF8 { id(ofCollapsed: $0) }
    }

    /// The id of text already collapsed by ``collapsed(utf8:)``, as bytes:
    /// every paragraph and turn of every transcript is hashed, so the loop
    /// runs over contiguous memory rather than a string's views.
    static func id(ofCollapsed bytes: UnsafeBufferPointer<UInt8>) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        // The first 6 of the hash's 16 hex digits, zero-padded: its top 24 bits.
        let top = hash >> 40
        return String(unsafeUninitializedCapacity: 6) { digits in
            for index in 0..<6 {
                let nibble = UInt8((top >> UInt64(20 - 4 * index)) & 0xF)
                digits[index] = nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
            }
            return 6
        }
    }

    /// Trimmed, with every run of whitespace as one space. On UTF-8 bytes,
    /// where the rendered text lives, because this runs over every word of
    /// every transcript. Whitespace is Unicode's White_Space property, as
    /// `Character.isWhitespace` has it.
    static func collapsed(utf8 bytes: ArraySlice<UInt8>) -> [UInt8] {
        bytes.withUnsafeBufferPointer { source in
            [UInt8](unsafeUninitializedCapacity: source.count) { output, written in
                written = collapse(source, into: output)
            }
        }
    }

    /// ``collapsed(utf8:)`` as a string, written once.
    static func collapsedText(utf8 bytes: ArraySlice<UInt8>) -> String {
        bytes.withUnsafeBufferPointer { source in
            String(unsafeUninitializedCapacity: source.count) { collapse(source, into: $0) }
        }
    }

    /// Writes `source` collapsed into `output`, which has room for all of
    /// it; returns the bytes written.
    private static func collapse(_ source: UnsafeBufferPointer<UInt8>, into output: UnsafeMutableBufferPointer<UInt8>) -> Int {
        var pendingSpace = false
        var index = 0
        var written = 0
        let raw = UnsafeRawBufferPointer(source)
        let rawOutput = UnsafeMutableRawBufferPointer(output)
        while index < source.count {
            // Eight bytes of printable ASCII (no top bit, none below "!") are
            // copied as one word: most of a transcript's text is runs of them.
            if index + 8 <= source.count {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                let top: UInt64 = 0x8080_8080_8080_8080
                if word & top == 0, (word &- 0x2121_2121_2121_2121) & ~word & top == 0 {
                    if pendingSpace {
                        output[written] = UInt8(ascii: " ")
                        written += 1
                        pendingSpace = false
                    }
                    rawOutput.storeBytes(of: word, toByteOffset: written, as: UInt64.self)
                    written += 8
                    index += 8
                    continue
                }
            }
            let byte = source[index]
            // Printable ASCII, nearly every byte, is never whitespace.
            let width = byte > 0x20 && byte < 0x80 ? 0 : whitespaceWidth(source, at: index)
            if width > 0 {
                pendingSpace = written > 0
                index += width
                continue
            }
            if pendingSpace {
                output[written] = UInt8(ascii: " ")
                written += 1
                pendingSpace = false
            }
            output[written] = byte
            written += 1
            index += 1
        }
        return written
    }

    /// The length in bytes of the whitespace character at `index`, or 0.
    private static func whitespaceWidth(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let first = bytes[index]
        if first < 0x80 { return first == 0x20 || (0x09...0x0D).contains(first) ? 1 : 0 }
        guard index + 1 < bytes.count else { return 0 }
        let second = bytes[index + 1]
        if first == 0xC2 { return second == 0x85 || second == 0xA0 ? 2 : 0 }
        guard (0xE1...0xE3).contains(first), index + 2 < bytes.count else { return 0 }
        let scalar = (UInt32(first & 0x0F) << 12) | (UInt32(second & 0x3F) << 6) | UInt32(bytes[index + 2] & 0x3F)
        switch scalar {
        case 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return 3
        default: return 0
        }
    }
}
