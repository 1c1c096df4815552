import GlossModel
import Yams

/// Decodes `speakers.yaml`, a mapping from speaker id to details.
enum SpeakerRegistryDecoder {
    static let knownKeys = ["name", "role", "aliases", "links"]

    /// The speakers in the order written; entries with errors are left out.
    static func decode(_ root: Node, reader: inout NodeReader) -> [Speaker] {
        guard !YAMLScalar.isNull(root) else { return [] }
        guard case .mapping = root else {
            reader.error("speakers.yaml must be a mapping from speaker id to details, found \(YAMLScalar.describe(root))",
                         at: reader.location(of: root), note: "for example:\nhegseth:\n  name: Pete Hegseth")
            return []
        }
        return (reader.entries(of: root, path: "") ?? []).compactMap { speaker($0, reader: &reader) }
    }

    private static func speaker(_ entry: NodeReader.Entry, reader: inout NodeReader) -> Speaker? {
        let id = entry.key
        let location = reader.location(of: entry.keyNode)
        let errorsBefore = reader.diagnostics.count
        if !isValidID(id) {
            reader.error("speakers.yaml: speaker id \"\(id)\" must use only a-z, 0-9, \"-\" and \"_\"", at: location)
        }
        guard let entries = reader.entries(of: entry.value, path: id) else { return nil }
        var speaker = Speaker(id: id, name: "", location: location)
        for field in entries {
            let path = NodeReader.path(id, field.key)
            switch field.key {
            case "name": speaker.name = reader.string(field.value, path: path) ?? ""
            case "role": speaker.role = reader.string(field.value, path: path)
            case "aliases": speaker.aliases = reader.strings(field.value, path: path)
            case "links":
                let links = field.value.sequence.map { links in
                    links.enumerated().map { (NodeReader.path(path, index: $0.offset), $0.element) }
                } ?? [(path, field.value)]
                speaker.links = links.compactMap { reader.webURL($1, path: $0) }
            default: reader.unknownKey(field.key, at: field.keyNode, in: id, known: knownKeys)
            }
        }
        if speaker.name.isEmpty {
            reader.error("speakers.yaml: \"\(id).name\" is required", at: location)
        }
        let hasErrors = reader.diagnostics[errorsBefore...].contains { $0.severity == .error }
        return hasErrors ? nil : speaker
    }

    static func isValidID(_ id: String) -> Bool {
        !id.isEmpty && id.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_"
        }
    }
}
