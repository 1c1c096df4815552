import GlossModel
import Yams

/// Decodes `site.yaml` into `SiteConfig`.
enum SiteConfigDecoder {
    static let knownKeys = ["title", "base_url", "language", "description", "author", "options"]
    static let knownOptions = ["unsafe_html", "smart_punctuation", "search"] + exportOptions
    /// The switches for the data files (docs/exports.md).
    static let exportOptions = [
        "export_annotations", "export_webvtt", "export_srt", "export_podcast_json", "export_gloss_json",
        "export_site_annotations", "structured_data",
    ]

    /// The configuration, with an empty title when the title is missing (an
    /// error in `reader`), so later stages can still show something.
    static func decode(_ root: Node, reader: inout NodeReader) -> SiteConfig {
        var config = SiteConfig(title: "")
        guard let entries = reader.entries(of: root, path: "") else { return config }
        var hasTitle = false
        for entry in entries {
            let path = entry.key
            let value = entry.value
            switch entry.key {
            case "title":
                if let title = reader.string(value, path: path), !title.isEmpty {
                    config.title = title
                    hasTitle = true
                }
            case "base_url": config.baseURL = reader.webURL(value, path: path)
            case "language": config.language = reader.string(value, path: path) ?? config.language
            case "description": config.description = reader.string(value, path: path)
            case "author": config.author = reader.string(value, path: path)
            case "options": config.options = options(value, reader: &reader)
            default:
                config.params[entry.key] = reader.parameter(entry, knownKeys: knownKeys)
            }
        }
        if !hasTitle {
            reader.error("site.yaml: \"title\" is required", at: SourceLocation(file: reader.file),
                         note: "add a line like `title: Transcripts`")
        }
        return config
    }

    private static func options(_ node: Node, reader: inout NodeReader) -> SiteConfig.Options {
        var options = SiteConfig.Options()
        guard !YAMLScalar.isNull(node), let entries = reader.entries(of: node, path: "options") else { return options }
        for entry in entries {
            let path = NodeReader.path("options", entry.key)
            switch entry.key {
            case "unsafe_html": options.unsafeHTML = reader.bool(entry.value, path: path) ?? options.unsafeHTML
            case "search": options.search = reader.bool(entry.value, path: path) ?? options.search
            case "smart_punctuation":
                options.smartPunctuation = reader.bool(entry.value, path: path) ?? options.smartPunctuation
            default:
                if exportOptions.contains(entry.key) {
                    let on = reader.bool(entry.value, path: path) ?? true
                    switch entry.key {
                    case "export_annotations": options.exports.annotations = on
                    case "export_webvtt": options.exports.webVTT = on
                    case "export_srt": options.exports.srt = on
                    case "export_podcast_json": options.exports.podcastJSON = on
                    case "export_gloss_json": options.exports.glossJSON = on
                    case "export_site_annotations": options.exports.siteAnnotations = on
                    default: options.exports.structuredData = on
                    }
                } else {
                    reader.unknownKey(entry.key, at: entry.keyNode, in: "options", known: knownOptions)
                }
            }
        }
        return options
    }
}
