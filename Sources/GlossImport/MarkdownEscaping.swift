/// Plain text (from a `.txt`, an HTML page, a caption) made safe to put in
/// Markdown: it reads back as exactly the same characters.
public enum MarkdownEscaping {
    /// Characters that start or end inline constructs anywhere in a line.
    private static let inlineSpecials: Set<Character> = ["\\", "*", "_", "`", "[", "]", "<"]

    public static func escape(_ text: String) -> String {
        escapingLineStart(escapeInline(text))
    }

    /// Escapes for text in the middle of a line, where only inline
    /// constructs can start.
    static func escapeInline(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if inlineSpecials.contains(character) {
                out += "\\" + String(character)
            } else if character == "&", isEntityStart(text[text.index(after: index)...]) {
                out += "\\&"
            } else {
                out.append(character)
            }
            index = text.index(after: index)
        }
        return out
    }

    /// `&amp;` would turn into `&`: an ampersand that starts something
    /// entity-shaped is escaped, any other is left as it is.
    private static func isEntityStart(_ rest: Substring) -> Bool {
        let name = rest.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "#") }
        return !name.isEmpty && name.count <= 32 && rest.dropFirst(name.count).first == ";"
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
