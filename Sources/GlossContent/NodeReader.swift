import GlossModel
import Yams

/// Reads typed values out of a YAML node tree, turning every mismatch into a
/// diagnostic at the node's position in the file and carrying on, so one run
/// reports every problem in the file.
struct NodeReader {
    /// Names the YAML in messages: `front matter`, `site.yaml`.
    let subject: String
    let file: String
    /// File line of the YAML's first line: Yams counts from the start of the
    /// text it was given, the user from the start of the file.
    let firstLine: Int
    private(set) var diagnostics: [Diagnostic] = []
    /// Values this file's parameters may still hold; see ``YAMLScalar/parameterValueLimit``.
    private var parameterBudget = YAMLScalar.parameterValueLimit

    init(subject: String, file: String, firstLine: Int) {
        self.subject = subject
        self.file = file
        self.firstLine = firstLine
    }

    // MARK: Parsing

    /// The root node of `yaml`, an empty mapping for an empty document, or
    /// nil after a diagnostic when the YAML is malformed.
    mutating func compose(_ yaml: String) -> Node? {
        do {
            return try Yams.compose(yaml: yaml, .basic, .default, .utf8) ?? Node([(Node, Node)]())
        } catch let error as YamlError {
            report(error, in: yaml)
        } catch {
            self.error("\(subject): invalid YAML: \(error)", at: SourceLocation(file: file, line: firstLine))
        }
        return nil
    }

    private mutating func report(_ error: YamlError, in yaml: String) {
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let note = context.map { context in
                let at = location(of: context.mark)
                return "\(context.text) that starts at line \(at.line), column \(at.column)"
            }
            self.error("\(subject): invalid YAML: \(problem)", at: location(of: mark), note: note)
        case .reader(let problem, let offset, _, _):
            var line = firstLine
            var column = 1
            for character in yaml.prefix(offset ?? 0) {
                if character == "\n" { line += 1; column = 1 } else { column += character.unicodeScalars.count }
            }
            self.error("\(subject): invalid YAML: \(problem)", at: SourceLocation(file: file, line: line, column: column))
        case .duplicatedKeysInMapping(let duplicates, let context):
            // Yams gives the mapping's position; the repeated key is more use.
            for key in duplicates {
                let repeated = Self.repeatedKeyLine(key, inMappingAt: context.mark, of: yaml)
                let at = repeated.map { SourceLocation(file: file, line: firstLine + $0 - 1, column: context.mark.column) }
                self.error("\(subject): duplicate key \"\(key)\"", at: at ?? location(of: context.mark),
                           note: "a key may appear only once in a mapping")
            }
        default:
            self.error("\(subject): invalid YAML: \(error)", at: SourceLocation(file: file, line: firstLine))
        }
    }

    /// The 1-based line where `key` appears a second time in the block mapping that starts at
    /// `mark`: the first later line that begins, at the mapping's column, with
    /// the key (plain or quoted) and a colon. Nil for flow mappings (`{a: 1, a: 2}`).
    static func repeatedKeyLine(_ key: String, inMappingAt mark: Mark, of yaml: String) -> Int? {
        let forms = [key + ":", "\"" + key + "\":", "'" + key + "':"]
        var seen = false
        for (offset, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated().dropFirst(mark.line - 1) {
            let indent = line.prefix { $0 == " " }.count
            if offset + 1 > mark.line, indent < mark.column - 1, !line.allSatisfy({ $0 == " " }) { break }
            guard indent == mark.column - 1 else { continue }
            let rest = line.dropFirst(indent)
            guard forms.contains(where: { rest.hasPrefix($0) }) else { continue }
            if seen { return offset + 1 }
            seen = true
        }
        return nil
    }

    // MARK: Positions and reports

    func location(of mark: Mark) -> SourceLocation {
        SourceLocation(file: file, line: firstLine + mark.line - 1, column: mark.column)
    }

    func location(of node: Node) -> SourceLocation {
        node.mark.map(location(of:)) ?? SourceLocation(file: file, line: firstLine)
    }

    mutating func error(_ message: String, at location: SourceLocation, note: String? = nil) {
        diagnostics.append(.error(at: location, message, note: note))
    }

    mutating func warning(_ message: String, at location: SourceLocation, note: String? = nil) {
        diagnostics.append(.warning(at: location, message, note: note))
    }

    /// `front matter: "source.url" must be a string, found a list`
    /// With an empty path the whole document is meant: `front matter must be …`.
    mutating func mismatch(_ path: String, expected: String, found node: Node, note: String? = nil) {
        let subject = path.isEmpty ? self.subject : "\(self.subject): \"\(path)\""
        error("\(subject) must be \(expected), found \(YAMLScalar.describe(node))", at: location(of: node), note: note)
    }

    /// A key the schema does not have, inside a mapping whose keys it fixes.
    mutating func unknownKey(_ key: String, at node: Node, in path: String, known: [String]) {
        let note = Suggestion.note(for: key, among: known)
            ?? "known keys: \(known.joined(separator: ", "))"
        warning("\(subject): unknown key \"\(Self.path(path, key))\" is ignored", at: location(of: node), note: note)
    }

    /// `source` + `url` → `source.url`.
    static func path(_ parent: String, _ key: String) -> String {
        parent.isEmpty ? key : "\(parent).\(key)"
    }

    /// `speakers` + 2 → `speakers[2]`.
    static func path(_ parent: String, index: Int) -> String {
        "\(parent)[\(index)]"
    }

    // MARK: Typed values

    /// A top-level key Gloss does not know, kept as a template parameter,
    /// with a warning when it looks like a misspelt known key.
    mutating func parameter(_ entry: Entry, knownKeys: [String]) -> Value? {
        if let note = Suggestion.note(for: entry.key, among: knownKeys) {
            warning("\(subject): unknown key \"\(entry.key)\" is passed to templates as a parameter",
                    at: location(of: entry.keyNode), note: note)
        }
        return parameter(entry.value, path: entry.key)
    }

    /// A value kept as a template parameter; nil after a diagnostic when the
    /// file's parameters would hold too many values.
    mutating func parameter(_ node: Node, path: String) -> Value? {
        guard parameterBudget > 0 else { return nil }  // reported once already
        if let value = YAMLScalar.value(of: node, budget: &parameterBudget) { return value }
        error("\(subject): \"\(path)\" holds more than \(YAMLScalar.parameterValueLimit) values",
              at: location(of: node),
              note: "YAML aliases that repeat other aliases are the usual cause; Gloss stops there rather than expand them all")
        parameterBudget = 0
        return nil
    }

    /// One entry of a mapping, its key as text.
    struct Entry {
        var key: String
        var keyNode: Node
        var value: Node
    }

    /// The entries of a mapping in the order written; nil after a diagnostic
    /// when `node` is something else.
    mutating func entries(of node: Node, path: String) -> [Entry]? {
        guard case .mapping(let mapping) = node else {
            mismatch(path, expected: "a mapping of keys to values", found: node)
            return nil
        }
        var entries: [Entry] = []
        entries.reserveCapacity(mapping.count)
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key else {
                error("\(subject): keys must be text, found \(YAMLScalar.describe(key))", at: location(of: key))
                continue
            }
            entries.append(Entry(key: scalar.string, keyNode: key, value: value))
        }
        return entries
    }

    /// Text. Numbers and booleans count as text (`title: 1984`), since that
    /// is what the user wrote; a null is absent.
    mutating func string(_ node: Node, path: String) -> String? {
        guard !YAMLScalar.isNull(node) else { return nil }
        guard case .scalar(let scalar) = node else {
            mismatch(path, expected: "a string", found: node)
            return nil
        }
        return scalar.string
    }

    /// Text that must not be empty; `key:` with nothing after it counts as empty.
    mutating func nonEmptyString(_ node: Node, path: String) -> String? {
        if YAMLScalar.isNull(node) {
            error("\(subject): \"\(path)\" must not be empty", at: location(of: node))
            return nil
        }
        guard let text = string(node, path: path) else { return nil }
        guard !text.allSatisfy(\.isWhitespace) else {
            error("\(subject): \"\(path)\" must not be empty", at: location(of: node))
            return nil
        }
        return text
    }

    mutating func bool(_ node: Node, path: String) -> Bool? {
        guard case .scalar(let scalar) = node, let value = YAMLScalar.bool(scalar) else {
            mismatch(path, expected: "true or false", found: node)
            return nil
        }
        return value
    }

    mutating func date(_ node: Node, path: String) -> CalendarDate? {
        guard !YAMLScalar.isNull(node) else { return nil }
        guard case .scalar(let scalar) = node, let date = CalendarDate(iso: scalar.string) else {
            mismatch(path, expected: "a date like 2025-02-12", found: node)
            return nil
        }
        return date
    }

    /// An absolute `http` or `https` URL with a host.
    mutating func webURL(_ node: Node, path: String) -> String? {
        guard let text = string(node, path: path) else { return nil }
        guard Self.isWebURL(text) else {
            mismatch(path, expected: "an absolute http(s) URL like https://example.org/", found: node)
            return nil
        }
        return text
    }

    /// The address of a recording: an absolute `http(s)` URL, or a path
    /// relative to the page (`media/briefing.mp3`). Any other scheme
    /// (`javascript:`, `data:`, `file:`) is refused, since the page would
    /// hand it to the browser as a link.
    mutating func mediaURL(_ node: Node, path: String) -> String? {
        guard let text = string(node, path: path) else { return nil }
        guard Self.isWebURL(text) || Self.isRelativeReference(text) else {
            mismatch(path, expected: "an http(s) URL or a relative path like media/briefing.mp3", found: node)
            return nil
        }
        return text
    }

    /// A list of strings, or one string standing for a list of one.
    mutating func strings(_ node: Node, path: String) -> [String] {
        switch node {
        case .sequence(let sequence):
            return sequence.enumerated().compactMap { index, element in
                let elementPath = Self.path(path, index: index)
                guard case .scalar = element, !YAMLScalar.isNull(element) else {
                    mismatch(elementPath, expected: "a string", found: element)
                    return nil
                }
                return string(element, path: elementPath)
            }
        case .scalar:
            return string(node, path: path).map { [$0] } ?? []
        default:
            mismatch(path, expected: "a list of strings", found: node)
            return []
        }
    }

    /// A URL reference without a scheme, as a browser would read it: it
    /// ignores tabs and line breaks anywhere and spaces or control characters
    /// in front, so ` java\tscript:x` is a scheme too. A colon before the
    /// first `/`, `?` or `#` makes one; so does an empty text, which is no path.
    static func isRelativeReference(_ text: String) -> Bool {
        let seen = text.unicodeScalars
            .filter { $0 != "\t" && $0 != "\n" && $0 != "\r" }
            .drop { $0.value <= 0x20 }
        guard !seen.isEmpty else { return false }
        let beforePath = seen.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        return !beforePath.contains(":")
    }

    static func isWebURL(_ text: String) -> Bool {
        WebURL.isAbsolute(text)
    }
}
