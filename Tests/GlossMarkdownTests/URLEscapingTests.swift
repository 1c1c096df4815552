import GlossMarkdown
import Testing

@Suite("Link destinations are escaped as cmark escapes them")
struct URLEscapingTests {
    @Test("every ASCII character and some UTF-8 in a link destination and title")
    func everyCharacter() {
        let characters = (0x01...0x7F).map { Character(Unicode.Scalar(UInt8($0))) } + ["é", "€", "😀", "\u{00A0}"]
        let inputs = characters.map { character in
            // Backslash-escaped inside <…> so every character reaches the URL itself.
            let escaped = character.isPunctuation || character.isSymbol ? "\\\(character)" : "\(character)"
            return (label: "character \(character.debugDescription)", markdown: "[x](<a\(escaped)b> \"t\(escaped)\") ![y](<\(escaped)>)\n")
        }
        for options in CmarkReference.modes {
            let difference = CmarkReference.firstDifference(among: inputs, options: options)
            #expect(difference == nil, "\(difference ?? "")")
        }
    }
}
