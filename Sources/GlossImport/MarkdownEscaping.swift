/// Plain text (from a `.txt`, an HTML page, a caption) made safe to put in
/// Markdown: it reads back as exactly the same characters.
public enum MarkdownEscaping {
    public static func escape(_ text: String) -> String {
        escapingLineStart(escapeInline(text))
    }

    /// Escapes for text in the middle of a line, where only inline
    /// constructs can start.
    static func escapeInline(_ text: String) -> String {
        // Every special character is ASCII, so the work is done on bytes.
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 8)
        for (index, byte) in bytes.enumerated() {
            switch byte {
            case 0x5C, 0x2A, 0x5F, 0x60, 0x5B, 0x5D, 0x3C:
                out.append(0x5C)
            case 0x26 where isEntityStart(bytes[(index + 1)...]):
                out.append(0x5C)
            default: break
            }
            out.append(byte)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `&amp;` would turn into `&`: an ampersand that starts something
    /// entity-shaped is escaped, any other is left as it is.
    private static func isEntityStart(_ rest: ArraySlice<UInt8>) -> Bool {
        let name = rest.prefix { ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) || $0 == 0x23 }
        return !name.isEmpty && name.count <= 32 && rest.dropFirst(name.count).first == 0x3B
    }

    /// What would make a line a heading, quote, list item, code fence or
    /// thematic break when it starts a paragraph.
    static func escapingLineStart(_ line: String) -> String {
        guard let first = line.first else { return line }
        if "#>+-=|~".contains(first) { return "\\" + line }
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, digits.count <= 9 {
            let after = line.dropFirst(digits.count)
            if let marker = after.first, marker == "." || marker == ")", after.dropFirst().first.map({ $0 == " " || $0 == "\t" }) ?? true {
                return digits + "\\" + after
            }
        }
        return line
    }
}

extension MarkdownEscaping {
    /// The characters a reader sees for escaped text (`\[Arvada\]` → `[Arvada]`).
    static func unescape(_ markdown: String) -> String {
        var out = ""
        var escaped = false
        for character in markdown {
            if escaped {
                if !(character.isASCII && character.isPunctuation || character.isASCII && character.isSymbol) { out.append("\\") }
                out.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                out.append(character)
            }
        }
        if escaped { out.append("\\") }
        return out
    }
}
