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
    /// Comments are skipped and set-delimiter tags followed. Dynamic names
    /// (`{{>*name}}`) are resolved only when rendering, so they are not listed.
    static func scan(_ text: String) -> [PartialReference] {
        TemplateOutline.scan(text).references.map(\.partial)
    }
}

/// What Gloss reads from a template's source before swift-mustache parses it:
/// the partials it names and how deeply its sections nest.
///
/// swift-mustache parses and renders each nested section, partial and parent
/// template with one more level of recursion and no limit, so a template
/// that nests thousands deep or includes itself would exhaust the stack and
/// crash the build. The outline lets ``TemplateLibrary`` refuse such
/// templates with a diagnostic instead.
struct TemplateOutline {
    /// An opening tag: `{{#name}}`, `{{^name}}`, `{{$name}}` or `{{<name}}`.
    struct Tag: Equatable {
        var sigil: Character
        var name: String
        var line: Int
        var column: Int
    }

    struct Reference: Equatable {
        var partial: PartialReference
        /// How many sections (of any kind) are open around the tag.
        var depth: Int
    }

    /// The deepest nesting Gloss accepts, counting sections, blocks, parent
    /// templates and (across templates) partials. The default theme nests
    /// fewer than 10 deep.
    static let depthLimit = 100

    var references: [Reference] = []
    /// The deepest nesting of sections in this template alone.
    var maxDepth = 0
    /// The first opening tag nested deeper than the limit, if any.
    var firstTooDeep: Tag?
    /// Sections still open at the end of the text, outermost first.
    var unclosed: [Tag] = []
    /// `{{>*name}}` and `{{<*name}}` tags, whose template is chosen by data at
    /// render time and so cannot be checked for cycles beforehand.
    var dynamicReferences: [Tag] = []

    static func scan(_ text: String, depthLimit: Int = depthLimit) -> TemplateOutline {
        let characters = Array(text)
        var outline = TemplateOutline()
        var open: [Character] = ["{", "{"]
        var close: [Character] = ["}", "}"]
        var sections: [Tag] = []
        var line = 1
        var column = 1
        var index = 0

        func isAt(_ string: [Character], _ position: Int) -> Bool {
            guard position + string.count <= characters.count else { return false }
            for offset in string.indices where characters[position + offset] != string[offset] { return false }
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

        func skipWhitespace(_ cursor: inout Int) {
            while cursor < characters.count, characters[cursor].isWhitespace { cursor += 1 }
        }

        func read(_ cursor: inout Int, while allowed: Set<Character>) -> String {
            let start = cursor
            while cursor < characters.count, allowed.contains(characters[cursor]) { cursor += 1 }
            return String(characters[start..<cursor])
        }

        /// A set-delimiter tag read as swift-mustache reads it, or nil if malformed.
        func newDelimiters(from start: Int) -> (open: [Character], close: [Character], end: Int)? {
            var cursor = start
            skipWhitespace(&cursor)
            let openStart = cursor
            while cursor < characters.count, !characters[cursor].isWhitespace { cursor += 1 }
            let newOpen = Array(characters[openStart..<cursor])
            skipWhitespace(&cursor)
            let closeStart = cursor
            while cursor < characters.count, characters[cursor] != "=", !characters[cursor].isWhitespace { cursor += 1 }
            let newClose = Array(characters[closeStart..<cursor])
            skipWhitespace(&cursor)
            guard !newOpen.isEmpty, !newClose.isEmpty, cursor < characters.count, characters[cursor] == "=",
                  isAt(close, cursor + 1) else { return nil }
            return (newOpen, newClose, cursor + 1 + close.count)
        }

        func push(_ tag: Tag) {
            sections.append(tag)
            outline.maxDepth = max(outline.maxDepth, sections.count)
            if sections.count > depthLimit, outline.firstTooDeep == nil {
                outline.firstTooDeep = tag
            }
        }

        while index < characters.count {
            guard isAt(open, index), index + open.count < characters.count else {
                advance(to: index + 1)
                continue
            }
            let tagLine = line
            let tagColumn = column
            let sigil = characters[index + open.count]
            var cursor = index + open.count + 1
            switch sigil {
            case "=":
                // The tag changes the delimiters of the rest of the template.
                guard let delimiters = newDelimiters(from: cursor) else {
                    // swift-mustache reports the malformed tag; nothing after it can be read reliably.
                    return outline
                }
                open = delimiters.open
                close = delimiters.close
                advance(to: delimiters.end)
            case "!":
                while cursor < characters.count, !isAt(close, cursor) { cursor += 1 }
                advance(to: cursor + close.count)
            case ">", "<":
                skipWhitespace(&cursor)
                let name = read(&cursor, while: partialNameCharacters)
                if name.hasPrefix("*") {
                    outline.dynamicReferences.append(Tag(sigil: sigil, name: name, line: tagLine, column: tagColumn))
                } else if !name.isEmpty {
                    outline.references.append(Reference(
                        partial: PartialReference(name: name, isParent: sigil == "<", line: tagLine, column: tagColumn),
                        depth: sections.count
                    ))
                }
                if sigil == "<" {
                    // `{{<parent}}…{{/parent}}` is a section too.
                    push(Tag(sigil: sigil, name: name, line: tagLine, column: tagColumn))
                }
                advance(to: cursor)
            case "#", "^", "$":
                skipWhitespace(&cursor)
                let name = read(&cursor, while: sectionNameCharacters)
                push(Tag(sigil: sigil, name: name, line: tagLine, column: tagColumn))
                advance(to: cursor)
            case "/":
                if !sections.isEmpty { sections.removeLast() }
                advance(to: cursor)
            default:
                advance(to: index + open.count)
            }
        }
        outline.unclosed = sections
        return outline
    }

    /// The characters swift-mustache accepts in a partial name.
    private static let partialNameCharacters = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*/")
    /// The characters swift-mustache accepts in a section name (with transforms).
    private static let sectionNameCharacters = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*")
}
