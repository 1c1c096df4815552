/// The link targets that safe mode refuses, by the same rule as cmark 0.30:
/// a case-insensitive `javascript:`, `vbscript:`, `file:` or `data:` prefix,
/// except `data:` images in the four formats browsers cannot run script from.
enum DangerousURL {
    static func matches(_ url: UnsafeBufferPointer<UInt8>) -> Bool {
        if hasPrefix(url, "data:image/") {
            let rest = UnsafeBufferPointer(rebasing: url[("data:image/" as StaticString).utf8CodeUnitCount...])
            if safeImageTypes.contains(where: { hasPrefix(rest, $0) }) { return false }
        }
        return dangerousSchemes.contains { hasPrefix(url, $0) }
    }

    private static let dangerousSchemes: [StaticString] = ["javascript:", "vbscript:", "file:", "data:"]
    private static let safeImageTypes: [StaticString] = ["png", "gif", "jpeg", "webp"]

    /// ASCII case-insensitive; `prefix` must be lowercase.
    private static func hasPrefix(_ text: UnsafeBufferPointer<UInt8>, _ prefix: StaticString) -> Bool {
        prefix.withUTF8Buffer { prefix in
            guard text.count >= prefix.count else { return false }
            for index in prefix.indices {
                let byte = text[index]
                let lowered = (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 : byte
                if lowered != prefix[index] { return false }
            }
            return true
        }
    }
}
