/// Writes JSON straight into bytes, keys in the order they are written, so
/// that the same values always give the same file. Strings are escaped as
/// RFC 8259 requires; with `htmlSafe`, `<`, `>`, `&`, `'` and `"` are
/// written as `\u00XX` too, so that the text can sit inside an HTML
/// `<script>` element without ending it or looking like markup.
public struct JSONWriter: Sendable {
    public var bytes: [UInt8] = []
    /// Whether the container being written already has a member.
    private var hasMember: [Bool] = []
    private var indent: Bool
    private var htmlSafe: Bool

    public init(pretty: Bool = true, htmlSafe: Bool = false, capacity: Int = 1024) {
        indent = pretty
        self.htmlSafe = htmlSafe
        bytes.reserveCapacity(capacity)
    }

    public var string: String { String(decoding: bytes, as: UTF8.self) }

    private mutating func newline() {
        guard indent else { return }
        bytes.append(0x0A)
        for _ in 0..<hasMember.count { bytes += [0x20, 0x20] }
    }

    /// Before a value in an array, or a key in an object.
    private mutating func separate() {
        guard !hasMember.isEmpty else { return }
        if hasMember[hasMember.count - 1] { bytes.append(UInt8(ascii: ",")) }
        hasMember[hasMember.count - 1] = true
        newline()
    }

    public mutating func beginObject() {
        bytes.append(UInt8(ascii: "{"))
        hasMember.append(false)
    }

    public mutating func endObject() {
        let had = hasMember.removeLast()
        if had { newline() }
        bytes.append(UInt8(ascii: "}"))
    }

    public mutating func beginArray() {
        bytes.append(UInt8(ascii: "["))
        hasMember.append(false)
    }

    public mutating func endArray() {
        let had = hasMember.removeLast()
        if had { newline() }
        bytes.append(UInt8(ascii: "]"))
    }

    /// A key of the object being written; its value comes next.
    public mutating func key(_ name: String) {
        separate()
        appendString(name)
        bytes.append(UInt8(ascii: ":"))
        if indent { bytes.append(0x20) }
    }

    /// Begins an array element (call before writing a value into an array).
    public mutating func element() { separate() }

    public mutating func value(_ text: String) { appendString(text) }

    public mutating func value(_ number: Int) { bytes += Array(String(number).utf8) }

    public mutating func value(_ flag: Bool) { bytes += Array((flag ? "true" : "false").utf8) }

    public mutating func null() { bytes += Array("null".utf8) }

    /// Seconds with at most three decimals, written the same way on every machine.
    public mutating func value(seconds: Double) { bytes += Array(Self.decimal(seconds).utf8) }

    public mutating func raw(_ json: [UInt8]) { bytes += json }

    // Shorthands for members.
    public mutating func member(_ name: String, _ text: String) { key(name); value(text) }
    public mutating func member(_ name: String, _ number: Int) { key(name); value(number) }
    public mutating func member(_ name: String, _ flag: Bool) { key(name); value(flag) }
    public mutating func member(_ name: String, seconds: Double) { key(name); value(seconds: seconds) }
    /// Writes the member only when `text` is present and not empty.
    public mutating func optional(_ name: String, _ text: String?) {
        if let text, !text.isEmpty { member(name, text) }
    }

    /// `12.5`, `72`, `0.04`: a fixed-point number with up to three decimals, trailing zeros dropped.
    static func decimal(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let millis = Int((value * 1000).rounded())
        let sign = millis < 0 ? "-" : ""
        let whole = abs(millis) / 1000
        var fraction = abs(millis) % 1000
        guard fraction != 0 else { return sign + String(whole) }
        var digits = 3
        while fraction % 10 == 0 { fraction /= 10; digits -= 1 }
        let text = String(fraction)
        return sign + String(whole) + "." + String(repeating: "0", count: digits - text.count) + text
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    private mutating func appendString(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { source in
            bytes.reserveCapacity(bytes.count + source.count + 1)
            // Runs of bytes that need no escape, nearly all of them, are
            // copied whole; the escapes are written between runs.
            var runStart = 0
            for index in source.indices {
                let byte = source[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "\"") || htmlSafe && Self.isHTMLSpecial(byte) else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart..<index]))
                runStart = index + 1
                switch byte {
                case UInt8(ascii: "\"") where !htmlSafe: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
                case UInt8(ascii: "\\"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
                case 0x0A: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
                case 0x0D: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
                case 0x09: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
                default:
                    // Controls, and with `htmlSafe` the HTML specials: `\u00XX`.
                    bytes += [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), Self.hex[Int(byte >> 4)], Self.hex[Int(byte & 0x0F)]]
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static func isHTMLSpecial(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\"")
    }
}
