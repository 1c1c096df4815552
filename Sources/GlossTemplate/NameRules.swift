/// What a tag may name: the checks that turn a typo into an error at the tag
/// instead of a silently empty value.
enum NameRules {
    struct Problem {
        var message: String
        var note: String?
    }

    static func problem(with tag: Tag) -> Problem? {
        switch tag.kind {
        case .partial, .parent:
            return templateNameProblem(tag)
        case .pragma:
            return tag.name.isEmpty ? Problem(message: "empty pragma: expected {{%CONTENT_TYPE:TEXT}} or {{%CONTENT_TYPE:HTML}}") : nil
        case .close:
            return tag.name.isEmpty ? Problem(message: "empty closing tag: expected a name after '\(tag.opening)'") : nil
        case .variable, .unescaped, .section, .invertedSection, .block:
            return valueNameProblem(tag)
        case .comment, .delimiters:
            return nil
        }
    }

    private static func valueNameProblem(_ tag: Tag) -> Problem? {
        let name = tag.name
        if name.isEmpty {
            return Problem(message: "empty tag: expected a name after '\(tag.opening)'")
        }
        if name.contains(where: \.isWhitespace) {
            return Problem(message: "invalid tag name '\(name)': a name cannot contain spaces")
        }
        if name.contains("(") {
            return Problem(
                message: "invalid tag name '\(name)': transforms like name(value) are not supported",
                note: "compute the value in the view model instead"
            )
        }
        if name == "." { return tag.kind == .block ? Problem(message: "invalid block name '.'") : nil }
        if name.split(separator: ".", omittingEmptySubsequences: false).contains(where: \.isEmpty) {
            return Problem(message: "invalid tag name '\(name)': expected a name before and after every '.'")
        }
        if let bad = name.unicodeScalars.first(where: { !isNameCharacter($0) }) {
            return Problem(message: "invalid character '\(bad)' in tag name '\(name)'")
        }
        return nil
    }

    private static func templateNameProblem(_ tag: Tag) -> Problem? {
        let name = tag.name
        let what = tag.kind == .parent ? "parent template" : "partial"
        if name.isEmpty {
            return Problem(message: "empty \(what) tag: expected a template name after '\(tag.opening)'")
        }
        if name.hasPrefix("*") {
            return Problem(
                message: "dynamic \(what) \(tag.display) is not supported",
                note: "name the template directly, e.g. \(tag.opening)partials/header}}: a name taken from data could include itself without end"
            )
        }
        if name.contains(where: \.isWhitespace) {
            return Problem(message: "invalid template name '\(name)': a name cannot contain spaces")
        }
        return nil
    }

    private static func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", "_", "-", "?", ".", ":", "@", "+": true
        default: !scalar.isASCII
        }
    }
}
