/// Which bytes a URL may hold as they are in an `href` or `src`, the set cmark
/// uses for link destinations; anything else is written as `%XX`.
public enum URLCharacters {
    /// Letters, digits and `!#$%()*+,-./:;=?@_~`; `&` and `'` are allowed in
    /// URLs too, but need HTML escaping in an attribute.
    public static func isSafe(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        case UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "%"),
             UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "*"), UInt8(ascii: "+"),
             UInt8(ascii: ","), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "/"),
             UInt8(ascii: ":"), UInt8(ascii: ";"), UInt8(ascii: "="), UInt8(ascii: "?"),
             UInt8(ascii: "@"), UInt8(ascii: "_"), UInt8(ascii: "~"):
            true
        default:
            false
        }
    }

    /// `url` with every byte that is not safe, `&` and `'` aside, and every
    /// `#` after the first written as `%XX` (as a browser would send them), so
    /// that `"`, `<`, `>`, spaces and non-ASCII text make a valid URL; the
    /// result still needs HTML escaping.
    public static func percentEncoded(_ url: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(url.utf8.count)
        var inFragment = false
        for byte in url.utf8 {
            // A "#" starts the fragment; one inside it is not allowed as it is.
            let isLaterHash = byte == UInt8(ascii: "#") && inFragment
            if byte == UInt8(ascii: "#") { inFragment = true }
            if !isLaterHash && (isSafe(byte) || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "'")) {
                bytes.append(byte)
            } else {
                bytes.append(UInt8(ascii: "%"))
                bytes.append(hexDigit(byte >> 4))
                bytes.append(hexDigit(byte & 0xF))
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "A") + value - 10
    }
}
