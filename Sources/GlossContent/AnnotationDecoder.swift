import GlossModel
import Yams

/// Decodes range notes (`Annotation`s): the `annotations:` list of a
/// transcript's front matter, and a sidecar `NAME.annotations.yaml`.
///
/// Every problem goes to the reader at its position; an annotation with an
/// error is left out, and since any error leaves the whole transcript out,
/// a build never anchors a half-read note.
enum AnnotationDecoder {
    static let knownKeys = ["quote", "prefix", "suffix", "kind", "rating", "note", "sources", "author", "date"]
    static let knownSourceKeys = ["title", "url"]
    static let knownSidecarKeys = ["author", "annotations"]

    /// Shown under errors about the overall shape of an annotations list.
    static let listExample = """
        for example:
        annotations:
          - quote: "the exact words"
            note: "What the reader should know."
        """

    /// The annotations of a list node such as the front matter's
    /// `annotations:`; nothing (`annotations:` left empty) is no annotations.
    ///
    /// - Parameters:
    ///   - path: the list's key path in messages (`annotations`), empty for a
    ///     file whose root is the list.
    ///   - defaultAuthor: the author of items that do not name one.
    static func list(_ node: Node, path: String, defaultAuthor: String? = nil, reader: inout NodeReader) -> [Annotation] {
        guard !YAMLScalar.isNull(node) else { return [] }
        guard case .sequence(let sequence) = node else {
            reader.mismatch(path, expected: "a list of annotations", found: node,
                            note: "start each annotation with \"- \"; " + listExample)
            return []
        }
        return sequence.enumerated().compactMap { index, element in
            annotation(element, path: NodeReader.path(path, index: index), defaultAuthor: defaultAuthor, reader: &reader)
        }
    }

    /// The annotations of a sidecar file: either a list of annotations, or
    /// `{author: …, annotations: [...]}` whose author is the default for its
    /// items. An empty file holds none.
    static func sidecar(_ root: Node, reader: inout NodeReader) -> [Annotation] {
        guard !YAMLScalar.isNull(root) else { return [] }
        switch root {
        case .sequence:
            return list(root, path: "", reader: &reader)
        case .mapping(let mapping) where mapping.isEmpty:
            // An empty file, or only comments.
            return []
        case .mapping(let mapping):
            // One annotation written without its "- " is the likeliest slip.
            let keys = Set(mapping.map { YAMLScalar.text(of: $0.key) })
            if keys.contains("quote"), !keys.contains("annotations") {
                reader.error("\(reader.subject) must be a list of annotations, found a single annotation without \"- \"",
                             at: reader.location(of: root),
                             note: "start each annotation with \"- \", as in:\n- quote: \"the exact words\"\n  note: \"What the reader should know.\"")
                return []
            }
            guard let entries = reader.entries(of: root, path: "") else { return [] }
            var author: String?
            var items: Node?
            for entry in entries {
                switch entry.key {
                case "author": author = reader.string(entry.value, path: entry.key)
                case "annotations": items = entry.value
                default: reader.unknownKey(entry.key, at: entry.keyNode, in: "", known: knownSidecarKeys)
                }
            }
            guard let items else {
                reader.error("\(reader.subject): \"annotations\" is required",
                             at: reader.location(of: root),
                             note: "a sidecar is a list of annotations, or a mapping with an optional \"author\" and an \"annotations\" list")
                return []
            }
            return list(items, path: "annotations", defaultAuthor: author, reader: &reader)
        default:
            reader.mismatch("", expected: "a list of annotations or a mapping {author:, annotations:}", found: root)
            return []
        }
    }

    /// One list item, or nil after diagnostics.
    private static func annotation(_ node: Node, path: String, defaultAuthor: String?, reader: inout NodeReader) -> Annotation? {
        guard case .mapping = node else {
            reader.mismatch(path, expected: "a mapping with a quote and a note", found: node)
            return nil
        }
        guard let entries = reader.entries(of: node, path: path) else { return nil }
        let errorsBefore = reader.diagnostics.count
        var quote: String?
        var prefix: String?
        var suffix: String?
        var kind = Annotation.Kind.context
        var kindNode: Node?
        var kindIsValid = true
        var rating: (text: String, node: Node)?
        var note: String?
        var sources: [SourceLink] = []
        var author: String?
        var date: CalendarDate?
        for entry in entries {
            let entryPath = NodeReader.path(path, entry.key)
            switch entry.key {
            case "quote": quote = reader.nonEmptyString(entry.value, path: entryPath)
            case "prefix": prefix = reader.string(entry.value, path: entryPath).flatMap { $0.isEmpty ? nil : $0 }
            case "suffix": suffix = reader.string(entry.value, path: entryPath).flatMap { $0.isEmpty ? nil : $0 }
            case "kind":
                kindNode = entry.value
                if let parsed = self.kind(entry.value, path: entryPath, reader: &reader) {
                    kind = parsed
                } else {
                    kindIsValid = YAMLScalar.isNull(entry.value)
                }
            case "rating":
                rating = reader.nonEmptyString(entry.value, path: entryPath).map { ($0, entry.value) }
            case "note": note = reader.nonEmptyString(entry.value, path: entryPath)
            case "sources": sources = self.sources(entry.value, path: entryPath, reader: &reader)
            case "author": author = reader.string(entry.value, path: entryPath)
            case "date": date = reader.date(entry.value, path: entryPath)
            default: reader.unknownKey(entry.key, at: entry.keyNode, in: path, known: knownKeys)
            }
        }
        let here = reader.location(of: node)
        let hasKey = Set(entries.map(\.key))
        if !hasKey.contains("quote") {
            reader.error("\(reader.subject): \"\(path)\" needs a \"quote\": the exact words it is about", at: here)
        }
        if !hasKey.contains("note") {
            reader.error("\(reader.subject): \"\(path)\" needs a \"note\": the Markdown text to show", at: here)
        }
        if kindIsValid {
            if kind == .factCheck, rating == nil, !hasKey.contains("rating") {
                reader.error("\(reader.subject): \"\(path)\": a fact-check needs a rating",
                             at: kindNode.map(reader.location(of:)) ?? here,
                             note: "add a line like `rating: misleading` (the verdict as a word)")
            } else if kind != .factCheck, let rating {
                reader.error("\(reader.subject): \"\(NodeReader.path(path, "rating"))\" is allowed only with kind fact-check, found kind \(kind.rawValue)",
                             at: reader.location(of: rating.node),
                             note: "remove the rating, or set `kind: fact-check`")
            }
        }
        let hasErrors = reader.diagnostics[errorsBefore...].contains { $0.severity == .error }
        guard !hasErrors, let quote, let note else { return nil }
        return Annotation(quote: quote, prefix: prefix, suffix: suffix, kind: kind, rating: rating?.text,
                          note: note, sources: sources, author: author ?? defaultAuthor, date: date, location: here)
    }

    /// One of the four kinds; nothing means the default (nil, no diagnostic).
    private static func kind(_ node: Node, path: String, reader: inout NodeReader) -> Annotation.Kind? {
        guard let text = reader.string(node, path: path) else { return nil }
        if let kind = Annotation.Kind(rawValue: text) { return kind }
        let names = Annotation.Kind.allCases.map(\.rawValue)
        reader.mismatch(path, expected: "one of \(names.joined(separator: ", "))", found: node,
                        note: Suggestion.note(for: text, among: names))
        return nil
    }

    /// A list of `{title, url}` mappings or plain URLs; one of either stands
    /// for a list of one.
    private static func sources(_ node: Node, path: String, reader: inout NodeReader) -> [SourceLink] {
        let elements: [(path: String, node: Node)]
        switch node {
        case .sequence(let sequence):
            elements = sequence.enumerated().map { (NodeReader.path(path, index: $0.offset), $0.element) }
        case .scalar, .mapping:
            elements = YAMLScalar.isNull(node) ? [] : [(path, node)]
        case .alias:
            reader.mismatch(path, expected: "a list of sources", found: node)
            return []
        }
        return elements.compactMap { elementPath, element in
            switch element {
            case .mapping:
                return source(element, path: elementPath, reader: &reader)
            case .scalar where !YAMLScalar.isNull(element):
                return reader.webURL(element, path: elementPath).map { SourceLink(url: $0) }
            default:
                reader.mismatch(elementPath, expected: "a URL or {title:, url:}", found: element)
                return nil
            }
        }
    }

    private static func source(_ node: Node, path: String, reader: inout NodeReader) -> SourceLink? {
        guard let entries = reader.entries(of: node, path: path) else { return nil }
        var title: String?
        var url: String?
        var hasURL = false
        for entry in entries {
            let entryPath = NodeReader.path(path, entry.key)
            switch entry.key {
            case "title": title = reader.string(entry.value, path: entryPath)
            case "url":
                hasURL = !YAMLScalar.isNull(entry.value)
                url = reader.webURL(entry.value, path: entryPath)
            default: reader.unknownKey(entry.key, at: entry.keyNode, in: path, known: knownSourceKeys)
            }
        }
        guard let url else {
            if !hasURL {
                reader.error("\(reader.subject): \"\(path)\" needs a \"url\"", at: reader.location(of: node))
            }
            return nil
        }
        return SourceLink(title: title, url: url)
    }
}
