/// Escapes text for HTML the way swift-mustache does, so pages stay
/// byte-identical: `&`, `<`, `>`, `"` and `'` become entities.
///
/// Works on UTF-8 bytes: every escaped character is ASCII and no byte of a
/// multi-byte character is ASCII, so runs without them are copied whole.
enum HTMLEscaping {
    static func append(_ text: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        var runStart = 0
        for index in 0..<text.count {
            let entity: [UInt8]
            switch text[index] {
            case UInt8(ascii: "&"): entity = ampersand
            case UInt8(ascii: "<"): entity = lessThan
            case UInt8(ascii: ">"): entity = greaterThan
            case UInt8(ascii: "\""): entity = quote
            case UInt8(ascii: "'"): entity = apostrophe
            default: continue
            }
            if runStart < index { output.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<index])) }
            output.append(contentsOf: entity)
            runStart = index + 1
        }
        if runStart < text.count { output.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart...])) }
    }

    /// `text` escaped, for tests and callers outside a render.
    static func escape(_ text: String) -> String {
        var output: [UInt8] = []
        var text = text
        text.withUTF8 { append($0, to: &output) }
        return String(decoding: output, as: UTF8.self)
    }

    private static let ampersand = Array("&amp;".utf8)
    private static let lessThan = Array("&lt;".utf8)
    private static let greaterThan = Array("&gt;".utf8)
    private static let quote = Array("&quot;".utf8)
    private static let apostrophe = Array("&#39;".utf8)
}
