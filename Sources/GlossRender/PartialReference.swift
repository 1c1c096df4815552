/// A `{{> name}}` or `{{< name}}` tag in a template's text.
///
/// swift-mustache renders a partial it cannot find as empty text, silently,
/// and does not expose the parsed tags. Gloss reads the tags from the source
/// so that a misspelt or missing partial is a build error at its position.
struct PartialReference: Equatable {
    var name: String
    /// True for `{{< parent}}` (template inheritance), false for `{{> partial}}`.
    var isParent: Bool
    var line: Int
    var column: Int

    /// The static partial references in `text`, in order.
    ///
    /// Comments are skipped. Dynamic names (`{{>*name}}`) are resolved only
    /// when rendering, so they are not listed. After a set-delimiter tag the
    /// scan stops: the check is then incomplete, never wrong.
    static func scan(_ text: String) -> [PartialReference] {
        let characters = Array(text)
        var references: [PartialReference] = []
        var line = 1
        var column = 1
        var index = 0

        func isAt(_ string: String, _ position: Int) -> Bool {
            var position = position
            for character in string {
                guard position < characters.count, characters[position] == character else { return false }
                position += 1
            }
            return true
        }

        func advance(to end: Int) {
            while index < end, index < characters.count {
                if characters[index].isNewline {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
                index += 1
            }
        }

        while index < characters.count {
            guard isAt("{{", index), index + 2 < characters.count else {
                advance(to: index + 1)
                continue
            }
            let sigil = characters[index + 2]
            switch sigil {
            case "=":
                return references
            case "!":
                var end = index + 3
                while end < characters.count, !isAt("}}", end) { end += 1 }
                advance(to: end + 2)
            case ">", "<":
                let tagLine = line
                let tagColumn = column
                var cursor = index + 3
                while cursor < characters.count, characters[cursor].isWhitespace { cursor += 1 }
                let start = cursor
                while cursor < characters.count, partialNameCharacters.contains(characters[cursor]) { cursor += 1 }
                let name = String(characters[start..<cursor])
                if !name.isEmpty, !name.hasPrefix("*") {
                    references.append(PartialReference(name: name, isParent: sigil == "<", line: tagLine, column: tagColumn))
                }
                advance(to: cursor)
            default:
                advance(to: index + 2)
            }
        }
        return references
    }

    /// The characters swift-mustache accepts in a partial name.
    private static let partialNameCharacters = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*/")
}
