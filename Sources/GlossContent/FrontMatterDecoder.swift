import GlossModel
import Yams

/// Decodes a transcript's front matter node into `FrontMatter` and the
/// annotations written in it.
enum FrontMatterDecoder {
    static let knownKeys = [
        "title", "date", "kind", "event", "place", "speakers", "source", "media",
        "topics", "summary", "draft", "slug", "annotations", "quotes",
    ]

    /// What the front matter holds: the typed keys, and the range notes of
    /// `annotations:`, which belong to the document rather than to `params`.
    struct Decoded {
        var frontMatter: FrontMatter
        var annotations: [Annotation]
    }

    /// The front matter, or nil when a required key is missing or the root
    /// is not a mapping. Every problem goes to `reader`.
    static func decode(_ root: Node, fence: SourceLocation, reader: inout NodeReader) -> Decoded? {
        guard let entries = reader.entries(of: root, path: "") else { return nil }
        var title: String?
        var titleWasReported = false
        var frontMatter = FrontMatter(title: "")
        var annotations: [Annotation] = []
        for entry in entries {
            let path = entry.key
            let value = entry.value
            switch entry.key {
            case "title":
                title = reader.string(value, path: path)
                titleWasReported = title == nil && !YAMLScalar.isNull(value)
            case "date": frontMatter.date = reader.date(value, path: path)
            case "kind": frontMatter.kind = reader.string(value, path: path)
            case "event": frontMatter.event = reader.string(value, path: path)
            case "place": frontMatter.place = reader.string(value, path: path)
            case "speakers": frontMatter.speakers = speakers(value, path: path, reader: &reader)
            case "source": frontMatter.source = source(value, path: path, reader: &reader)
            case "media": frontMatter.media = media(value, path: path, reader: &reader)
            case "topics": frontMatter.topics = reader.strings(value, path: path)
            case "summary": frontMatter.summary = reader.string(value, path: path)
            case "draft": frontMatter.draft = YAMLScalar.isNull(value) ? false : reader.bool(value, path: path) ?? false
            case "slug": frontMatter.slug = slug(value, reader: &reader)
            case "annotations": annotations = AnnotationDecoder.list(value, path: path, reader: &reader)
            case "quotes": frontMatter.quoteOverrides = QuoteOverrideDecoder.list(value, path: path, reader: &reader)
            default:
                frontMatter.params[entry.key] = reader.parameter(entry, knownKeys: knownKeys)
            }
        }
        guard let title, !title.isEmpty else {
            // A title of the wrong type has been reported already.
            if !titleWasReported {
                reader.error("front matter: \"title\" is required", at: fence, note: "add a line like `title: Remarks at the Pentagon`")
            }
            return nil
        }
        frontMatter.title = title
        return Decoded(frontMatter: frontMatter, annotations: annotations)
    }

    /// `[hegseth, {id: vance, role: moderator}]`, or one id.
    private static func speakers(_ node: Node, path: String, reader: inout NodeReader) -> [SpeakerAppearance] {
        let elements: [(path: String, node: Node)]
        switch node {
        case .sequence(let sequence):
            elements = sequence.enumerated().map { (NodeReader.path(path, index: $0.offset), $0.element) }
        case .scalar:
            elements = YAMLScalar.isNull(node) ? [] : [(path, node)]
        default:
            reader.mismatch(path, expected: "a list of speaker ids", found: node)
            return []
        }
        return elements.compactMap { elementPath, element in
            switch element {
            case .scalar:
                guard let id = reader.string(element, path: elementPath) else {
                    reader.mismatch(elementPath, expected: "a speaker id", found: element)
                    return nil
                }
                return SpeakerAppearance(id: id, location: reader.location(of: element))
            case .mapping:
                return speakerEntry(element, path: elementPath, reader: &reader)
            default:
                reader.mismatch(elementPath, expected: "a speaker id or {id:, role:}", found: element)
                return nil
            }
        }
    }

    private static func speakerEntry(_ node: Node, path: String, reader: inout NodeReader) -> SpeakerAppearance? {
        guard let entries = reader.entries(of: node, path: path) else { return nil }
        var appearance: SpeakerAppearance?
        var role: String?
        var name: String?
        var aliases: [String] = []
        for entry in entries {
            let entryPath = NodeReader.path(path, entry.key)
            switch entry.key {
            case "id":
                appearance = reader.string(entry.value, path: entryPath).map {
                    SpeakerAppearance(id: $0, location: reader.location(of: entry.value))
                }
            case "role": role = reader.string(entry.value, path: entryPath)
            case "name": name = reader.string(entry.value, path: entryPath)
            case "aliases": aliases = reader.strings(entry.value, path: entryPath)
            default: reader.unknownKey(entry.key, at: entry.keyNode, in: path, known: ["id", "role", "name", "aliases"])
            }
        }
        guard var appearance else {
            reader.error("front matter: \"\(path)\" needs an \"id\"", at: reader.location(of: node))
            return nil
        }
        if name != nil || !aliases.isEmpty, !SpeakerRegistryDecoder.isValidID(appearance.id) {
            reader.error("front matter: speaker id \"\(appearance.id)\" must use only a-z, 0-9, \"-\" and \"_\"",
                         at: appearance.location ?? reader.location(of: node))
            return nil
        }
        appearance.role = role
        appearance.name = name.flatMap { $0.isEmpty ? nil : $0 }
        appearance.aliases = aliases
        return appearance
    }

    /// `{title:, publisher:, url:, retrieved:}`, or just the URL.
    private static func source(_ node: Node, path: String, reader: inout NodeReader) -> Source? {
        if case .scalar = node {
            return reader.webURL(node, path: path).map { Source(url: $0) }
        }
        guard let entries = reader.entries(of: node, path: path) else { return nil }
        var source = Source()
        for entry in entries {
            let entryPath = NodeReader.path(path, entry.key)
            switch entry.key {
            case "title": source.title = reader.string(entry.value, path: entryPath)
            case "publisher": source.publisher = reader.string(entry.value, path: entryPath)
            case "url": source.url = reader.webURL(entry.value, path: entryPath)
            case "retrieved": source.retrieved = reader.date(entry.value, path: entryPath)
            default:
                reader.unknownKey(entry.key, at: entry.keyNode, in: path, known: ["title", "publisher", "url", "retrieved"])
            }
        }
        return source
    }

    /// `{audio: URL}` or `{video: URL}`, with an optional `offset`; nothing
    /// (`media:` left empty) is no media.
    private static func media(_ node: Node, path: String, reader: inout NodeReader) -> Media? {
        guard !YAMLScalar.isNull(node), let entries = reader.entries(of: node, path: path) else { return nil }
        var recordings: [(kind: Media.Kind, url: String)] = []
        // `audio` and `video` keys with a value, usable or not.
        var recordingKeys = 0
        var offset = 0.0
        for entry in entries {
            let entryPath = NodeReader.path(path, entry.key)
            switch entry.key {
            case "audio", "video":
                if !YAMLScalar.isNull(entry.value) { recordingKeys += 1 }
                if let url = reader.mediaURL(entry.value, path: entryPath), let kind = Media.Kind(rawValue: entry.key) {
                    recordings.append((kind, url))
                }
            case "offset":
                offset = seconds(entry.value, path: entryPath, reader: &reader) ?? 0
            default:
                reader.unknownKey(entry.key, at: entry.keyNode, in: path, known: ["audio", "video", "offset"])
            }
        }
        guard recordings.count == 1, recordingKeys == 1, let recording = recordings.first else {
            // A recording whose URL was refused has been reported already.
            guard recordingKeys != 1 else { return nil }
            let problem = recordingKeys == 0 ? "needs \"audio\" or \"video\" with the recording's URL" : "must have \"audio\" or \"video\", not both"
            reader.error("front matter: \"\(path)\" \(problem)", at: reader.location(of: node))
            return nil
        }
        return Media(kind: recording.kind, url: recording.url, offset: offset)
    }

    /// Seconds (`90`, `12.5`) or a clock time (`01:30`, `1:02:03`).
    private static func seconds(_ node: Node, path: String, reader: inout NodeReader) -> Double? {
        if case .scalar(let scalar) = node {
            if let number = YAMLScalar.double(scalar), number.isFinite, number >= 0 { return number }
            let parts = scalar.string.split(separator: ":", omittingEmptySubsequences: false)
            let values = parts.compactMap { part in
                part.allSatisfy { $0.isASCII && ($0.isNumber || $0 == ".") } ? Double(part) : nil
            }
            if (2...3).contains(parts.count), values.count == parts.count, values.dropFirst().allSatisfy({ $0 < 60 }) {
                return values.reduce(0) { $0 * 60 + $1 }
            }
        }
        reader.mismatch(path, expected: "seconds or a time like 01:30", found: node)
        return nil
    }

    /// A slug chosen by the writer, checked here where its position is known.
    private static func slug(_ node: Node, reader: inout NodeReader) -> String? {
        guard let slug = reader.string(node, path: "slug") else { return nil }
        if let problem = Slug.problem(with: slug) {
            reader.error("front matter: \"slug\" \(problem), found \"\(slug)\"", at: reader.location(of: node))
            return nil
        }
        return slug
    }
}
