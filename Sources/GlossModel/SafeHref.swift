extension URLCharacters {
    /// `url` as an `href` or `src` — and as a URL in the data files Gloss
    /// writes: nil unless it is relative or `http(s)`, with the bytes a URL
    /// may not hold (`"`, `<`, `>`, non-ASCII…) percent-encoded.
    public static func safeHref(_ url: String) -> String? {
        // On the bytes: every list entry's source link comes through here.
        var url = url
        let allowed = url.withUTF8 { bytes -> Bool in
            // Browsers drop tabs and newlines inside a URL and trim spaces and
            // controls around it (`java\tscript:` is `javascript:`): refuse them
            // outright. No byte of a multi-byte character is one of these.
            guard !bytes.contains(where: { $0 <= 0x20 || $0 == 0x7F }) else { return false }
            guard let end = bytes.firstIndex(where: { $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }),
                  bytes[end] == UInt8(ascii: ":") else { return true }  // no scheme: relative
            let scheme = UnsafeBufferPointer(rebasing: bytes[..<end])
            return isScheme(scheme, "http") || isScheme(scheme, "https")
        }
        return allowed ? percentEncoded(url) : nil
    }

    /// Whether `bytes` spell `name` (lowercase ASCII), in any case.
    private static func isScheme(_ bytes: UnsafeBufferPointer<UInt8>, _ name: StaticString) -> Bool {
        guard bytes.count == name.utf8CodeUnitCount else { return false }
        for (index, byte) in bytes.enumerated() {
            // Folding with 0x20 maps only letters onto lowercase letters.
            let lowered = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
            guard lowered == name.utf8Start[index] else { return false }
        }
        return true
    }
}
