import GlossModel
/// Growing UTF-8 output with the escaping rules of cmark's HTML renderer.
///
/// Works on bytes: everything that needs escaping is ASCII, so multi-byte
/// characters are copied through in runs without decoding them.
struct HTMLBuffer {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func append(_ byte: UInt8) {
        bytes.append(byte)
    }

    mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    /// Copies bytes as they are.
    mutating func append(raw: [UInt8]) {
        bytes.append(contentsOf: raw)
    }

    /// `text` escaped for HTML text or a quoted attribute value.
    static func escaped(_ text: String) -> String {
        var buffer = HTMLBuffer(capacity: text.utf8.count + 8)
        var copy = text
        copy.withUTF8 { buffer.append(escapingHTML: $0) }
        return String(decoding: buffer.bytes, as: UTF8.self)
    }

    /// `url` escaped for an `href` or `cite` attribute, the way links are.
    static func escapedURL(_ url: String) -> String {
        var buffer = HTMLBuffer(capacity: url.utf8.count + 8)
        var copy = url
        copy.withUTF8 { buffer.append(escapingURL: $0) }
        return String(decoding: buffer.bytes, as: UTF8.self)
    }

    /// The mark of a link destination decided later: NUL, the slot, NUL. No
    /// other output holds a NUL, since cmark replaces NUL in its input.
    mutating func append(hole slot: Int) {
        bytes.append(0)
        bytes.append(contentsOf: String(slot).utf8)
        bytes.append(0)
    }

    /// Copies bytes as they are: raw HTML the user allowed.
    mutating func append(raw: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: raw)
    }

    /// Starts a new line unless the output is empty or already at one, the way
    /// cmark separates blocks.
    mutating func ensureNewline() {
        if let last = bytes.last, last != UInt8(ascii: "\n") {
            bytes.append(UInt8(ascii: "\n"))
        }
    }

    /// Text or attribute value: escapes `&`, `<`, `>` and `"`, and nothing else
    /// (but NUL, which cannot be written).
    mutating func append(escapingHTML text: UnsafeBufferPointer<UInt8>) {
        var runStart = 0
        for index in text.indices {
            let replacement: StaticString
            switch text[index] {
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "<"): replacement = "&lt;"
            case UInt8(ascii: ">"): replacement = "&gt;"
            case UInt8(ascii: "\""): replacement = "&quot;"
            // What cmark does with NUL; it also keeps link holes unambiguous.
            case 0: replacement = "\u{FFFD}"
            default: continue
            }
            appendRun(of: text, from: runStart, to: index)
            append(replacement)
            runStart = index + 1
        }
        appendRun(of: text, from: runStart, to: text.count)
    }

    /// A URL inside an attribute: percent-encodes every byte outside the URL
    /// characters cmark leaves alone, and entity-escapes `&` and `'`. Existing
    /// `%XX` sequences are kept, so already-encoded URLs are not double-encoded.
    mutating func append(escapingURL url: UnsafeBufferPointer<UInt8>) {
        var runStart = 0
        for index in url.indices {
            let byte = url[index]
            if Self.isURLSafe(byte) { continue }
            appendRun(of: url, from: runStart, to: index)
            switch byte {
            case UInt8(ascii: "&"): append("&amp;")
            case UInt8(ascii: "'"): append("&#x27;")
            default:
                bytes.append(UInt8(ascii: "%"))
                bytes.append(Self.hexDigit(byte >> 4))
                bytes.append(Self.hexDigit(byte & 0xF))
            }
            runStart = index + 1
        }
        appendRun(of: url, from: runStart, to: url.count)
    }

    /// Inserts bytes before everything written since `offset`; cheap when
    /// little has been written since, as for an attribute added to an open tag.
    mutating func insert(_ text: [UInt8], at offset: Int) {
        bytes.insert(contentsOf: text, at: offset)
    }

    private mutating func appendRun(of text: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) {
        if start < end {
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[start..<end]))
        }
    }

    private static func isURLSafe(_ byte: UInt8) -> Bool {
        URLCharacters.isSafe(byte)
    }

    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "A") + nibble - 10
    }
}
