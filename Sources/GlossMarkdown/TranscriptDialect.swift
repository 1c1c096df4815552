import Foundation
import CCmark
import GlossModel

/// The transcript dialect, worked out on cmark's tree in two passes.
///
/// `analyse` finds turns, labels, timestamps, notes and attributed quotes,
/// trims labels out of the text and returns the rendered text for anchoring
/// range notes; `plan` then turns everything, anchored ranges included, into
/// the `DialectPlan` the HTML writer follows.
struct TranscriptDialect {
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var passages: [Passage] = []
    /// The ids of printed pages' breaks (`page-s705`), in document order.
    private(set) var pageAnchors: [String] = []

    let context: TranscriptContext
    private let directory: SpeakerDirectory
    private let speakerHeads: [String]
    /// A turn's link into the source up to its text directive, when there is a source.
    private let sourceLinkStart: String?
    let options: MarkdownOptions
    let source: String
    let firstLine: Int
    var locator: NodeLocator
    var plan = DialectPlan()
    /// The resolver that note bodies' links go through.
    var linkResolver: (any LinkResolver)?

    var turns: [Turn] = []
    /// Point-note definitions by key: the paragraph and where it is.
    var definitions: [String: (paragraph: OpaquePointer, location: SourceLocation)] = [:]
    var definitionOrder: [String] = []
    /// Bytes removed from the front of a text node's literal, for columns.
    private var trimmed = NodeMap<Int>()
    /// Paragraphs that close an attributed quote.
    var figcaptions = NodeSet()
    /// Text nodes in document order, with their segments and top-level block.
    var texts: [(node: OpaquePointer, segments: [TextSegment], block: OpaquePointer)] = []
    private var rendered = RenderedText()
    /// Top-level paragraphs and the range of their text in `rendered`.
    private var paragraphText = NodeMap<Range<Int>>()
    private var passageIDs: UniqueIDs
    private var paragraphWords = NodeMap<String>()
    /// Where code spans' text lies in the rendered text: part of what a quote
    /// may match, but not something a `<mark>` can be put inside.
    private var codeRanges: [Range<Int>] = []

    init(context: TranscriptContext, options: MarkdownOptions, source: String, file: String, firstLine: Int) {
        self.context = context
        self.options = options
        self.source = source
        self.firstLine = firstLine
        directory = SpeakerDirectory(context.speakers)
        speakerHeads = Self.speakerHeads(context.speakers)
        sourceLinkStart = context.sourceURL.map { source in
            let separator = source.utf8.contains(UInt8(ascii: "#")) ? ":~:text=" : "#:~:text="
            return " <a class=\"turn-source\" href=\"\(HTMLBuffer.escapedURL(source))\(separator)"
        }
        locator = NodeLocator(source: source, file: file, firstLine: firstLine)
        passageIDs = UniqueIDs(reserved: options.reservedIDs, firstSuffix: 2)
    }

    // MARK: First pass

    /// Reads the tree, trimming labels and attribution dashes from it, and
    /// returns the text a reader sees, for anchoring range notes.
    mutating func analyse(_ root: CmarkNode) -> RenderedText {
        Self.mergeTexts(under: root.pointer)
        findQuotes(root.pointer)
        findTurnsAndDefinitions(root.pointer)
        collectText(root.pointer)
        assignIDs(root.pointer)
        return rendered
    }

    /// cmark splits text at brackets and other punctuation; joining adjacent
    /// text nodes lets `[applause]` and `[^id]` be read as one piece.
    private static func mergeTexts(under root: OpaquePointer) {
        var containers: [OpaquePointer] = []
        if let iterator = cmark_iter_new(root) {
            while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
                guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
                if cmark_node_first_child(node) != nil { containers.append(node) }
            }
            cmark_iter_free(iterator)
        }
        for container in containers {
            var child = cmark_node_first_child(container)
            while let node = child {
                guard cmark_node_get_type(node) == CMARK_NODE_TEXT else {
                    child = cmark_node_next(node)
                    continue
                }
                var bytes = Array(CmarkNode(pointer: node).literal)
                var merged = false
                while let next = cmark_node_next(node), cmark_node_get_type(next) == CMARK_NODE_TEXT {
                    bytes.append(contentsOf: CmarkNode(pointer: next).literal)
                    cmark_node_unlink(next)
                    cmark_node_free(next)
                    merged = true
                }
                if merged { setLiteral(node, bytes) }
                child = cmark_node_next(node)
            }
        }
    }

    private static func setLiteral(_ node: OpaquePointer, _ bytes: some Collection<UInt8>) {
        var terminated: [UInt8] = []
        terminated.reserveCapacity(bytes.count + 1)
        terminated.append(contentsOf: bytes)
        terminated.append(0)
        terminated.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { _ = cmark_node_set_literal(node, $0.baseAddress) }
        }
    }

    private static func literal(_ node: OpaquePointer) -> String {
        String(decoding: CmarkNode(pointer: node).literal, as: UTF8.self)
    }

    static func children(of node: OpaquePointer) -> [OpaquePointer] {
        var result: [OpaquePointer] = []
        var child = cmark_node_first_child(node)
        while let current = child {
            result.append(current)
            child = cmark_node_next(current)
        }
        return result
    }

    /// Stands in for the colon of `[^key]:` at the start of a line, so that
    /// cmark does not take a one-word definition for a link reference
    /// definition; one byte for one byte, so columns stay right.
    static let definitionColon = "\u{1F}"

    /// The body with each note definition's colon replaced by `definitionColon`.
    static func protectingDefinitions(_ markdown: String) -> String {
        var bytes = Array(markdown.utf8)
        var lineStart = 0
        var changed = false
        // Inside a fenced code block a `[^x]:` line is code, and stays as written.
        var openFence: (marker: UInt8, length: Int)?
        while lineStart < bytes.count {
            var index = lineStart
            while index < bytes.count, index - lineStart < 3, bytes[index] == UInt8(ascii: " ") { index += 1 }
            if index < bytes.count, bytes[index] == UInt8(ascii: "`") || bytes[index] == UInt8(ascii: "~") {
                let marker = bytes[index]
                var run = index
                while run < bytes.count, bytes[run] == marker { run += 1 }
                if run - index >= 3 {
                    if let fence = openFence {
                        if fence.marker == marker, run - index >= fence.length { openFence = nil }
                    } else {
                        openFence = (marker, run - index)
                    }
                }
            } else if openFence == nil, index + 2 < bytes.count, bytes[index] == UInt8(ascii: "["), bytes[index + 1] == UInt8(ascii: "^") {
                var end = index + 2
                while end < bytes.count, ![UInt8(ascii: "]"), UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t")].contains(bytes[end]) { end += 1 }
                if end > index + 2, end + 1 < bytes.count, bytes[end] == UInt8(ascii: "]"), bytes[end + 1] == UInt8(ascii: ":") {
                    bytes[end + 1] = 0x1F
                    changed = true
                }
            }
            guard let newline = bytes[lineStart...].firstIndex(where: { $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }) else { break }
            lineStart = newline + 1
        }
        return changed ? String(decoding: bytes, as: UTF8.self) : markdown
    }

    // MARK: Attributed quotes

    private static let dashes = ["\u{2014}", "\u{2013}", "--", "\u{2015}"]
    private static let socialHosts = ["x.com", "twitter.com", "bsky.app", "mastodon", "facebook.com", "instagram.com", "threads.net", "threads.com", "truthsocial.com"]

    private mutating func findQuotes(_ root: OpaquePointer) {
        var quotes: [OpaquePointer] = []
        if let iterator = cmark_iter_new(root) {
            while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
                guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
                if cmark_node_get_type(node) == CMARK_NODE_BLOCK_QUOTE { quotes.append(node) }
            }
            cmark_iter_free(iterator)
        }
        for quote in quotes { attribute(quote) }
    }

    private mutating func attribute(_ quote: OpaquePointer) {
        let blocks = Self.children(of: quote)
        guard blocks.count >= 2, let last = blocks.last, cmark_node_get_type(last) == CMARK_NODE_PARAGRAPH,
              let first = cmark_node_first_child(last), cmark_node_get_type(first) == CMARK_NODE_TEXT
        else { return }
        let text = Self.literal(first)
        guard let dash = Self.dashes.first(where: { text.hasPrefix($0) }) else { return }
        let rest = text.dropFirst(dash.count).drop { $0 == " " }
        trimmed[first] = text.utf8.count - rest.utf8.count
        Self.setLiteral(first, Array(rest.utf8))
        cmark_node_unlink(last)
        cmark_node_insert_after(quote, last)
        figcaptions.insert(last)

        var link: OpaquePointer?
        var social = false
        if let iterator = cmark_iter_new(last) {
            while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
                guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
                if cmark_node_get_type(node) == CMARK_NODE_LINK {
                    let url = String(decoding: CmarkNode(pointer: node).url, as: UTF8.self)
                    if Self.isSocial(url) { social = true }
                    if link == nil { link = node }
                } else if cmark_node_get_type(node) == CMARK_NODE_TEXT, Self.literal(node).contains("pic.twitter.com") {
                    social = true
                }
            }
            cmark_iter_free(iterator)
        }
        var open = "<figure class=\"quote\(social ? " social-post" : "")\">\n<blockquote"
        if let link {
            let url = String(decoding: CmarkNode(pointer: link).url, as: UTF8.self)
            if options.unsafeHTML || !Self.isDangerous(url) { open += " cite=\"\(HTMLBuffer.escapedURL(url))\"" }
            plan[link].before = "<cite>"
            plan[link].after = "</cite>"
        } else {
            citeSourceName(in: first)
        }
        plan[quote].openTag = open + ">\n"
        plan[last].openTag = "<figcaption>\u{2014} "
        plan[last].closeTag = "</figcaption>\n</figure>\n"
    }

    /// An attribution without a link (`— Reuters, 12 February 2025`) still
    /// names its source: the words before the first comma become the `<cite>`,
    /// split off into a text node of their own.
    private mutating func citeSourceName(in text: OpaquePointer) {
        let words = Self.literal(text)
        let name = words.prefix { $0 != "," }.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, let nameNode = cmark_node_new(CMARK_NODE_TEXT) else { return }
        let rest = words.dropFirst(words.prefix { $0 != "," }.count)
        Self.setLiteral(nameNode, Array(name.utf8))
        guard cmark_node_insert_before(text, nameNode) == 1 else {
            cmark_node_free(nameNode)
            return
        }
        if rest.isEmpty {
            cmark_node_unlink(text)
            cmark_node_free(text)
        } else {
            Self.setLiteral(text, Array(rest.utf8))
        }
        plan[nameNode].before = "<cite>"
        plan[nameNode].after = "</cite>"
    }

    private static func isSocial(_ url: String) -> Bool {
        let lowered = url.lowercased()
        guard let schemeEnd = lowered.firstRange(of: "://") else { return false }
        let host = lowered[schemeEnd.upperBound...].prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        return socialHosts.contains { host == $0 || host.hasSuffix("." + $0) || ($0 == "mastodon" && host.contains($0)) }
    }

    private static func isDangerous(_ url: String) -> Bool {
        var copy = url
        return copy.withUTF8 { DangerousURL.matches($0) }
    }

    // MARK: Turns and definitions

    private mutating func findTurnsAndDefinitions(_ root: OpaquePointer) {
        var current: Turn?
        for block in Self.children(of: root) {
            let type = cmark_node_get_type(block)
            if type == CMARK_NODE_HEADING || type == CMARK_NODE_THEMATIC_BREAK {
                if let turn = current { turns.append(turn) }
                current = nil
                continue
            }
            if type == CMARK_NODE_PARAGRAPH, !figcaptions.contains(block) {
                if readDefinition(block) { continue }
                switch readLabel(block) {
                case .turn(let speaker, let timestamp):
                    if let turn = current { turns.append(turn) }
                    current = Turn(speaker: speaker, timestamp: timestamp, blocks: [block])
                    continue
                case .unknown:
                    if let turn = current { turns.append(turn) }
                    current = nil
                    continue
                case .none:
                    break
                }
            }
            current?.blocks.append(block)
        }
        if let turn = current { turns.append(turn) }
    }

    /// A paragraph `[^key]: text` defines a point note; it is not shown in place.
    private mutating func readDefinition(_ paragraph: OpaquePointer) -> Bool {
        guard let first = cmark_node_first_child(paragraph), cmark_node_get_type(first) == CMARK_NODE_TEXT else { return false }
        let text = Self.literal(first)
        guard text.hasPrefix("[^"), let close = text.firstIndex(of: "]") else { return false }
        let key = text[text.index(text.startIndex, offsetBy: 2)..<close]
        let afterClose = text[text.index(after: close)...]
        guard !key.isEmpty, !key.contains(where: { $0.isWhitespace }),
              afterClose.hasPrefix(":") || afterClose.hasPrefix(Self.definitionColon) else { return false }
        let location = locator.location(of: CmarkNode(pointer: paragraph))
        plan.skip(paragraph)
        if let earlier = definitions[String(key)] {
            diagnostics.append(.error(at: location, "note \"[^\(key)]\" is defined twice", note: "first defined at line \(earlier.location.line)"))
            return true
        }
        let body = afterClose.dropFirst().drop { $0 == " " || $0 == "\t" }
        Self.setLiteral(first, Array(body.utf8))
        definitions[String(key)] = (paragraph, location)
        definitionOrder.append(String(key))
        return true
    }

    private enum Label {
        case turn(speaker: Int, timestamp: Timestamp?)
        case unknown
    }

    /// Reads a label at the start of a top-level paragraph and trims it out.
    ///
    /// Works on the bytes of cmark's literals: this runs on every paragraph,
    /// and only a label's few bytes ever become a String.
    private mutating func readLabel(_ paragraph: OpaquePointer) -> Label? {
        guard !context.speakers.isEmpty, let first = cmark_node_first_child(paragraph) else { return nil }
        let type = cmark_node_get_type(first)
        if type == CMARK_NODE_STRONG {
            var bytes: [UInt8] = []
            CmarkNode(pointer: first).forEachPlainText(includingHTML: false) { bytes.append(contentsOf: $0) }
            var name = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: " ")
            let colonInside = name.hasSuffix(":")
            if colonInside { name = String(name.dropLast()).trimmingCharacters(in: " ") }
            let next = cmark_node_next(first).flatMap { cmark_node_get_type($0) == CMARK_NODE_TEXT ? $0 : nil }
            let rest = next.map { CmarkNode(pointer: $0).literal } ?? UnsafeBufferPointer(start: nil, count: 0)
            guard let tail = readTail(rest, from: 0, node: next, needsColon: !colonInside), !name.isEmpty else { return nil }
            let label = finishLabel(name, tail: tail, paragraph: paragraph, textNode: next)
            if case .turn = label { plan.skip(first) }
            return label
        }
        guard type == CMARK_NODE_TEXT else { return nil }
        let bytes = CmarkNode(pointer: first).literal
        if let q = directory.questionSpeaker, bytes.first == UInt8(ascii: "Q"), bytes.count > 1,
           bytes[1] == UInt8(ascii: " ") || bytes[1] == UInt8(ascii: ":") {
            let restStart = bytes[1] == UInt8(ascii: ":") ? 2 : 1
            if let tail = readTail(bytes, from: restStart, node: first, needsColon: false) {
                trimLabel(first, from: tail.remainderStart, paragraph: paragraph)
                return .turn(speaker: q, timestamp: tail.timestamp)
            }
        }
        // A label is at most 60 characters: look no further than that for its
        // end, since this runs on the first words of every paragraph.
        guard let nameEnd = bytes.prefix(240).firstIndex(where: { $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: "[") }) else { return nil }
        let name = String(decoding: bytes[..<nameEnd], as: UTF8.self).trimmingCharacters(in: " ")
        guard !name.isEmpty, name.count <= 60,
              name.allSatisfy({ $0.isLetter || $0 == " " || $0 == "." || $0 == "'" || $0 == "\u{2019}" || $0 == "-" })
        else { return nil }
        guard let tail = readTail(bytes, from: nameEnd, node: first, needsColon: true) else { return nil }
        let known = directory.speaker(for: name) != nil
        let shouting = name.contains { $0.isLetter } && !name.contains { $0.isLowercase }
        guard known || shouting else { return nil }
        return finishLabel(name, tail: tail, paragraph: paragraph, textNode: first)
    }

    private struct Tail {
        var timestamp: Timestamp?
        /// Where the text after the label, timestamp and colon starts, in the
        /// bytes the tail was read from.
        var remainderStart: Int
    }

    /// After a label, from `start` in `bytes` (a text node's literal): an
    /// optional `[timestamp]` before or after the colon, the colon, spaces.
    /// Nil when it is not a label's tail.
    private mutating func readTail(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, node: OpaquePointer?, needsColon: Bool) -> Tail? {
        var index = start
        var timestamp: Timestamp?
        var sawTime = false
        var sawColon = false
        func skipSpaces() {
            while index < bytes.count, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") { index += 1 }
        }
        func readTime() {
            guard index < bytes.count, bytes[index] == UInt8(ascii: "["),
                  let close = bytes[(index + 1)...].firstIndex(of: UInt8(ascii: "]")) else { return }
            let inner = bytes[(index + 1)..<close]
            guard Timestamp.looksLikeTime(inner) else { return }
            let text = Substring(String(decoding: inner, as: UTF8.self))
            sawTime = true
            switch Timestamp.parse(text) {
            case .success(let time): timestamp = time
            case .failure(let problem):
                if let node {
                    diagnostics.append(.error(
                        at: locator.location(of: CmarkNode(pointer: node), byteOffset: index + (trimmed[node] ?? 0)),
                        "invalid timestamp \"[\(text)]\": \(problem.message)"
                    ))
                }
            }
            index = close + 1
        }
        skipSpaces()
        readTime()
        skipSpaces()
        if index < bytes.count, bytes[index] == UInt8(ascii: ":") {
            sawColon = true
            index += 1
            skipSpaces()
            if !sawTime { readTime(); skipSpaces() }
        }
        if needsColon && !sawColon && !sawTime { return nil }
        return Tail(timestamp: timestamp, remainderStart: index)
    }

    /// The turn a label opens; for a label naming nobody declared, an error
    /// when it is close to a declared speaker (a typo), else a warning and no
    /// turn: a bold or capitalised lead-in (`**Update:**`, `NOTE:`) is common
    /// in articles and must not fail the build.
    private mutating func finishLabel(_ name: String, tail: Tail, paragraph: OpaquePointer, textNode: OpaquePointer?) -> Label? {
        guard let speaker = directory.speaker(for: name) else {
            let location = locator.location(of: CmarkNode(pointer: paragraph))
            if let nearest = directory.nearest(to: name) {
                diagnostics.append(.error(at: location, "unknown speaker \"\(name)\"", note: "did you mean \"\(nearest)\"?"))
                return .unknown
            }
            let note = name.uppercased() == "Q"
                ? "for reporters' questions, declare a speaker with id `q` (alias `Q`) and list it in `speakers:`"
                : "if this is a turn, list the speaker in this transcript's `speakers:`; the declared speakers are \(directory.listing)"
            diagnostics.append(.warning(
                at: location, "\"\(name)\" reads like a speaker label but names no declared speaker; the paragraph is kept as text",
                note: note
            ))
            return nil
        }
        if let textNode { trimLabel(textNode, from: tail.remainderStart, paragraph: paragraph) }
        return .turn(speaker: speaker, timestamp: tail.timestamp)
    }

    /// Replaces a text node's literal by what follows the label; a label on a
    /// line of its own also drops the line break after it.
    private mutating func trimLabel(_ node: OpaquePointer, from start: Int, paragraph: OpaquePointer) {
        let literal = CmarkNode(pointer: node).literal
        trimmed[node] = (trimmed[node] ?? 0) + start
        // setLiteral copies the bytes before cmark frees the old literal.
        Self.setLiteral(node, literal[start...])
        if start >= literal.count, let next = cmark_node_next(node),
           [CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK].contains(cmark_node_get_type(next)) {
            plan.skip(next)
        }
    }

    // MARK: Text

    private mutating func collectText(_ root: OpaquePointer) {
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        var topBlock = root
        var blockStart = NodeMap<Int>()
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if event == CMARK_EVENT_EXIT {
                if (type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING), let start = blockStart[node] {
                    rendered.blocks.append(start..<rendered.utf8.count)
                    if cmark_node_parent(node) == root { paragraphText[node] = start..<rendered.utf8.count }
                }
                continue
            }
            if cmark_node_parent(node) == root { topBlock = node }
            if plan.skips(node) || type == CMARK_NODE_IMAGE {
                cmark_iter_reset(iterator, node, CMARK_EVENT_EXIT)
                continue
            }
            switch type {
            case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING:
                if !rendered.utf8.isEmpty { rendered.utf8.append(UInt8(ascii: "\n")) }
                blockStart[node] = rendered.utf8.count
            case CMARK_NODE_TEXT:
                texts.append((node, segments(of: node), topBlock))
            case CMARK_NODE_CODE:
                let start = rendered.utf8.count
                rendered.utf8.append(contentsOf: CmarkNode(pointer: node).literal)
                codeRanges.append(start..<rendered.utf8.count)
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                rendered.utf8.append(UInt8(ascii: " "))
            default:
                break
            }
        }
    }

    /// Splits a text node into words, events and note markers, adding the
    /// words and events to the rendered text.
    private mutating func segments(of node: OpaquePointer) -> [TextSegment] {
        let bytes = Array(CmarkNode(pointer: node).literal)
        var result: [TextSegment] = []
        var runStart = 0
        var index = 0
        func flush(to end: Int) {
            guard runStart < end else { return }
            result.append(.text(Array(bytes[runStart..<end]), rendered: rendered.utf8.count))
            rendered.utf8.append(contentsOf: bytes[runStart..<end])
        }
        // Where the next "]" and the next whitespace are from each offset, found
        // in one pass, so that a line of thousands of "[" stays linear: the
        // text between a "[" and its "]" is looked at only when it could be a
        // marker (no whitespace) or an event (a few words).
        // Most text has no bracket at all: then it is one run of words.
        guard bytes.contains(UInt8(ascii: "[")) else {
            // One run of words: the literal itself, not a copy of it.
            if !bytes.isEmpty {
                result.append(.text(bytes, rendered: rendered.utf8.count))
                rendered.utf8.append(contentsOf: bytes)
            }
            return result
        }
        let spaces = Self.whitespaceOffsets(bytes)
        var nextClose = [Int](repeating: bytes.count, count: bytes.count + 1)
        var nextSpace = [Int](repeating: bytes.count, count: bytes.count + 1)
        for offset in stride(from: bytes.count - 1, through: 0, by: -1) {
            nextClose[offset] = bytes[offset] == UInt8(ascii: "]") ? offset : nextClose[offset + 1]
            nextSpace[offset] = spaces[offset] ? offset : nextSpace[offset + 1]
        }
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "[") else {
                index += 1
                continue
            }
            let close = nextClose[index + 1]
            guard close < bytes.count else { break }
            if let (page, end) = Self.pageBreak(in: bytes, at: index, close: close) {
                flush(to: index)
                result.append(.pageBreak(Array(bytes[index..<end]), page: page, rendered: rendered.utf8.count))
                rendered.utf8.append(contentsOf: bytes[index..<end])
                index = end
                runStart = index
                continue
            }
            let mayBeMarker = bytes[index + 1] == UInt8(ascii: "^") && nextSpace[index + 1] > close
            let mayBeEvent = close - index - 1 <= EventVocabulary.longestEventBytes
            guard mayBeMarker || mayBeEvent else {
                index += 1
                continue
            }
            let inner = String(decoding: bytes[(index + 1)..<close], as: UTF8.self)
            if mayBeMarker, inner.hasPrefix("^"), inner.count > 1, !inner.contains(where: { $0.isWhitespace }) {
                flush(to: index)
                let location = locator.location(of: CmarkNode(pointer: node), byteOffset: index + (trimmed[node] ?? 0))
                result.append(.marker(String(inner.dropFirst()), location))
            } else if mayBeEvent, EventVocabulary.isEvent(Substring(inner)) {
                flush(to: index)
                result.append(.event(Array(bytes[index...close]), rendered: rendered.utf8.count))
                rendered.utf8.append(contentsOf: bytes[index...close])
            } else {
                index += 1
                continue
            }
            index = close + 1
            runStart = index
        }
        flush(to: bytes.count)
        return result
    }

    /// A printed record's page break `[[Page S705]]` starting at `start`
    /// (whose first `]` is at `close`): the page's name, and the offset after
    /// the second `]`.
    static func pageBreak(in bytes: [UInt8], at start: Int, close: Int) -> (page: String, end: Int)? {
        let opening = Array("[[Page ".utf8)
        let nameStart = start + opening.count
        guard close > nameStart, close - nameStart <= 12, close + 1 < bytes.count, bytes[close + 1] == UInt8(ascii: "]"),
              bytes[start..<nameStart].elementsEqual(opening)
        else { return nil }
        let name = bytes[nameStart..<close]
        // A letter or two for the part of the record (H, S, E, D), then digits.
        let letters = name.prefix { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }
        let digits = name.dropFirst(letters.count)
        guard letters.count <= 2, !digits.isEmpty, digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return nil }
        return (String(decoding: name, as: UTF8.self), close + 2)
    }

    /// Whether a whitespace character starts at each byte offset of UTF-8 `bytes`.
    ///
    /// ASCII bytes are classified directly; only the rare non-ASCII scalar is
    /// decoded and looked up in Unicode's White_Space property, which is slow.
    static func whitespaceOffsets(_ bytes: [UInt8]) -> [Bool] {
        var spaces = [Bool](repeating: false, count: bytes.count)
        var offset = 0
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte < 0x80 {
                // U+0009…U+000D and the space: the ASCII members of White_Space.
                spaces[offset] = byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
                offset += 1
                continue
            }
            var decoder = UTF8()
            var iterator = bytes[offset...].makeIterator()
            guard case .scalarValue(let scalar) = decoder.decode(&iterator) else {
                offset += 1  // an invalid byte is not whitespace (cmark has already repaired it)
                continue
            }
            spaces[offset] = scalar.properties.isWhitespace
            offset += UTF8.width(scalar)
        }
        return spaces
    }

    // MARK: Ids

    private var eventLines = NodeSet()

    /// A paragraph's words with whitespace collapsed; worked out once, as ids,
    /// passages and turn heads all need it.
    private mutating func text(of paragraph: OpaquePointer) -> String {
        if let known = paragraphWords[paragraph] { return known }
        guard let range = paragraphText[paragraph] else { return "" }
        let words = PassageHash.collapsedText(utf8: rendered.utf8[range])
        paragraphWords[paragraph] = words
        return words
    }

    private mutating func assignIDs(_ root: OpaquePointer) {
        var segmentsByNode = NodeMap<[TextSegment]>()
        for entry in texts { segmentsByNode[entry.node] = entry.segments }
        var turnOf = NodeMap<Int>()
        for (index, turn) in turns.enumerated() {
            for block in turn.blocks { turnOf[block] = index }
        }
        var paragraphIDs = NodeMap<String>()
        for block in Self.children(of: root)
        where cmark_node_get_type(block) == CMARK_NODE_PARAGRAPH && !plan.skips(block) && !figcaptions.contains(block) {
            let words = text(of: block)
            if words.isEmpty, turnOf[block] != nil {
                plan.skip(block)
                continue
            }
            let id = passageIDs.claim("p-" + PassageHash.id(ofCollapsed: words))
            paragraphIDs[block] = id
            let children = Self.children(of: block)
            let onlyEvent = !children.isEmpty && children.allSatisfy { child in
                switch cmark_node_get_type(child) {
                case CMARK_NODE_SOFTBREAK: return true
                case CMARK_NODE_TEXT:
                    return (segmentsByNode[child] ?? []).allSatisfy { segment in
                        switch segment {
                        case .event: return true
                        case .text(let bytes, _): return bytes.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
                        case .marker, .pageBreak: return false
                        }
                    }
                default: return false
                }
            } && (segmentsByNode[children[0]] ?? []).contains { if case .event = $0 { true } else { false } }
            if onlyEvent {
                eventLines.insert(block)
                plan[block].openTag = "<p class=\"event-line\" id=\"\(id)\">"
            } else {
                plan[block].openTag = "<p id=\"\(id)\">"
                if turnOf[block] == nil {
                    plan[block].closeTag = "<a class=\"permalink\" href=\"#\(id)\" aria-label=\"Permalink to this passage\">#</a></p>\n"
                }
            }
        }
        for index in turns.indices {
            let firstParagraph = turns[index].blocks.first { paragraphIDs[$0] != nil }
            let base = turns[index].timestamp?.id
                ?? "t-" + PassageHash.id(ofCollapsed: firstParagraph.map { text(of: $0) } ?? "")
            turns[index].id = passageIDs.claim(base)
        }
        plan.passageIDs = paragraphIDs
        for turn in turns {
            for block in turn.blocks where paragraphIDs[block] == nil { plan.passageIDs[block] = turn.id }
        }
        for block in Self.children(of: root) {
            guard let id = paragraphIDs[block] else { continue }
            let turn = turnOf[block].map { turns[$0] }
            passages.append(Passage(
                id: id,
                turnID: turn?.id,
                speakerID: turn.map { context.speakers[$0.speaker].id },
                seconds: turn?.timestamp?.totalSeconds,
                text: text(of: block)
            ))
        }
    }
}

extension TranscriptDialect {
    // MARK: Second pass

    /// The writer's plan: turns, ids, events, note markers and the marks of
    /// `anchored` ranges (from the matcher, over the text `analyse` returned).
    mutating func makePlan(anchored: [AnchoredRange]) -> DialectPlan {
        let annotations = context.annotations
        let ranges = anchored.filter { annotations.indices.contains($0.annotation) && !$0.range.isEmpty }
            .sorted { $0.range.lowerBound < $1.range.lowerBound }
        var notes = NoteCollector()
        var marked: Set<Int> = []
        for entry in texts {
            // A text node that is one run of words, with no annotation to
            // mark, is written as the writer writes any text node: planning
            // it would copy and escape it once more for nothing.
            if ranges.isEmpty, entry.segments.count == 1, case .text = entry.segments[0] { continue }
            var out = HTMLBuffer(capacity: 64)
            for segment in entry.segments {
                switch segment {
                case .text(let bytes, let start):
                    appendMarked(bytes, at: start, ranges: ranges, into: &out, marked: &marked, notes: &notes, block: entry.block)
                case .event(let bytes, _):
                    out.append("<span class=\"event\">")
                    bytes.withUnsafeBufferPointer { out.append(escapingHTML: $0) }
                    out.append("</span>")
                case .marker(let key, let location):
                    appendMarker(key, location: location, into: &out, notes: &notes, block: entry.block)
                case .pageBreak(let bytes, let page, _):
                    // An anchor to cite the printed page by, `#page-s705`.
                    let id = passageIDs.claim("page-" + page.lowercased())
                    pageAnchors.append(id)
                    out.append("<span class=\"page-break\" id=\"\(id)\">")
                    bytes.withUnsafeBufferPointer { out.append(escapingHTML: $0) }
                    out.append("</span>")
                }
            }
            plan[entry.node].text = out.bytes
        }
        for range in ranges where !notes.referenced.contains(range.annotation) {
            // A quote ending in code or an image: the note still appears, by its block.
            let block = texts.last { entry in
                if case .text(_, let start)? = entry.segments.first { return start <= range.range.lowerBound }
                return false
            }?.block
            if let block { addRangeNote(range.annotation, notes: &notes, block: block) }
        }
        for key in definitionOrder where notes.pointNumbers[key] == nil {
            if let definition = definitions[key] {
                diagnostics.append(.warning(at: definition.location, "note \"[^\(key)]\" is defined but never referenced",
                                            note: "add \"[^\(key)]\" where the note belongs, or remove the definition"))
            }
        }
        var after = notes.asides
        for turn in turns {
            guard let first = turn.blocks.first, let last = turn.blocks.last else { continue }
            plan[first].before = turnHead(turn)
            after[last, default: ""] += "</div>\n"
        }
        for (block, html) in after { plan[block].after = (plan[block].after ?? "") + html }
        for (block, links) in notes.links { plan[block].noteLinks = links }
        if !notes.endnotes.isEmpty {
            plan.end = "<section class=\"endnotes\" aria-label=\"Notes\"><h2>Notes</h2><ol>\n" + notes.endnotes.joined() + "</ol></section>\n"
        }
        return plan
    }

    /// The anchored ranges that can be highlighted, and an error for each that
    /// reaches into a code span, where a `<mark>` cannot go.
    func markable(_ ranges: [AnchoredRange], annotations: [Annotation]) -> ([AnchoredRange], [Diagnostic]) {
        var kept: [AnchoredRange] = []
        var diagnostics: [Diagnostic] = []
        for anchored in ranges {
            guard codeRanges.contains(where: { $0.overlaps(anchored.range) }),
                  annotations.indices.contains(anchored.annotation) else {
                kept.append(anchored)
                continue
            }
            let annotation = annotations[anchored.annotation]
            diagnostics.append(.error(
                at: annotation.location,
                "annotation quote reaches into code, which cannot be highlighted: \"\(annotation.quote)\"",
                note: "quote only the words around the `code`"
            ))
        }
        return (kept, diagnostics)
    }

    private mutating func turnHead(_ turn: Turn) -> String {
        var html = "<div class=\"turn\" id=\""
        html.reserveCapacity(512)
        html += turn.id
        html += speakerHeads[turn.speaker]
        // Appended piece by piece: this runs once per turn of every transcript.
        if let time = turn.timestamp {
            if let media = context.media {
                let target = Timestamp.format(seconds: time.totalSeconds + media.offset)
                html += " <a class=\"timestamp\" href=\"\(HTMLBuffer.escapedURL(media.url))#t=\(target)\" data-seconds=\"\(Timestamp.format(seconds: time.totalSeconds))\">"
            } else {
                html += " <span class=\"timestamp\">"
            }
            html += "<time datetime=\""
            html += time.isoDuration
            html += "\">"
            // Digits, colons and a dot (see Timestamp.parse): nothing to escape.
            html += time.text
            html += context.media == nil ? "</time></span>" : "</time></a>"
        }
        let linksToRecording = turn.timestamp != nil && context.media != nil
        if !linksToRecording, let sourceLinkStart, let first = turn.blocks.first,
           let fragment = Self.textFragment(text(of: first)) {
            html += sourceLinkStart
            html += fragment
            html += "\" rel=\"external\" aria-label=\"This passage in the source\">source</a>"
        }
        html += "<a class=\"permalink\" href=\"#"
        html += turn.id
        html += "\" aria-label=\"Permalink to this passage\">#</a></p>\n"
        return html
    }

    /// Each declared speaker's part of a turn head, escaped once per
    /// transcript rather than once per turn: the rest of the opening `div`
    /// tag, then the name and role.
    private static func speakerHeads(_ speakers: [DeclaredSpeaker]) -> [String] {
        speakers.map { speaker in
            var html = "\" data-speaker=\"\(HTMLBuffer.escaped(speaker.id))\">\n"
            html += "<p class=\"turn-head\"><span class=\"speaker\">\(HTMLBuffer.escaped(speaker.name))</span>"
            if let role = speaker.role, !role.isEmpty {
                html += " <span class=\"speaker-role\">\(HTMLBuffer.escaped(role))</span>"
            }
            return html
        }
    }

    /// A text directive for the first words of a passage, percent-encoded as
    /// the URL Fragment Text Directive asks (`-`, `,` and `&` are its syntax).
    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    static func textFragment(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            // The first six space-separated words, runs of spaces counting as
            // one, encoded as they are read.
            var encoded: [UInt8] = []
            encoded.reserveCapacity(96)
            var boundaries = 0
            var pendingSpace = false
            for byte in bytes {
                if byte == UInt8(ascii: " ") {
                    if !encoded.isEmpty, !pendingSpace {
                        boundaries += 1
                        if boundaries == 6 { break }
                        pendingSpace = true
                    }
                    continue
                }
                if pendingSpace {
                    encoded += [UInt8(ascii: "%"), UInt8(ascii: "2"), UInt8(ascii: "0")]
                    pendingSpace = false
                }
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                     UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                    encoded.append(byte)
                default:
                    encoded.append(UInt8(ascii: "%"))
                    encoded.append(Self.hexDigits[Int(byte >> 4)])
                    encoded.append(Self.hexDigits[Int(byte & 0x0F)])
                }
            }
            return encoded.isEmpty ? nil : String(decoding: encoded, as: UTF8.self)
        }
    }

    /// Notes go after their top-level block, or after the caption of a quote.
    private func noteBlock(_ block: OpaquePointer) -> OpaquePointer {
        if let next = cmark_node_next(block), figcaptions.contains(next) { return next }
        return block
    }

    private mutating func appendMarked(
        _ bytes: [UInt8], at start: Int, ranges: [AnchoredRange], into out: inout HTMLBuffer,
        marked: inout Set<Int>, notes: inout NoteCollector, block: OpaquePointer
    ) {
        let end = start + bytes.count
        var position = start
        bytes.withUnsafeBufferPointer { buffer in
            while position < end {
                if let range = ranges.first(where: { $0.range.contains(position) }) {
                    let stop = min(range.range.upperBound, end)
                    let key = "a\(range.annotation + 1)"
                    out.append("<mark class=\"annotation\"")
                    if marked.insert(range.annotation).inserted { out.append(" id=\"mark-\(key)\"") }
                    out.append(" aria-details=\"note-\(key)\">")
                    out.append(escapingHTML: UnsafeBufferPointer(rebasing: buffer[(position - start)..<(stop - start)]))
                    out.append("</mark>")
                    if stop == range.range.upperBound, !notes.referenced.contains(range.annotation) {
                        let number = addRangeNote(range.annotation, notes: &notes, block: block)
                        out.append("<a class=\"note-ref\" id=\"ref-\(key)\" href=\"#note-\(key)\" aria-label=\"Note \(number)\">\(number)</a>")
                    }
                    position = stop
                } else {
                    let next = ranges.lazy.map(\.range.lowerBound).filter { $0 > position }.min() ?? end
                    let stop = min(next, end)
                    out.append(escapingHTML: UnsafeBufferPointer(rebasing: buffer[(position - start)..<(stop - start)]))
                    position = stop
                }
            }
        }
    }

    @discardableResult
    private mutating func addRangeNote(_ index: Int, notes: inout NoteCollector, block: OpaquePointer) -> Int {
        let annotation = context.annotations[index]
        notes.referenced.insert(index)
        let number = notes.next()
        var noteOptions = MarkdownOptions(headingIDs: false)
        noteOptions.smartPunctuation = options.smartPunctuation
        let scope = LinkScope(resolver: linkResolver, inNote: true, passageID: plan.passageIDs[block])
        let body = MarkdownRenderer.render(annotation.note, options: noteOptions, file: annotation.location.file,
                                           firstLine: annotation.location.line, links: scope)
        diagnostics += body.diagnostics
        let note = NoteHTML(
            key: "a\(index + 1)", number: number, kindClass: "note-" + annotation.kind.rawValue,
            kindLabel: annotation.kind.label, rating: annotation.rating, body: body.html,
            sources: annotation.sources, author: annotation.author, date: annotation.date
        )
        notes.add(note, after: noteBlock(block), links: body.links)
        return number
    }

    private mutating func appendMarker(_ key: String, location: SourceLocation, into out: inout HTMLBuffer, notes: inout NoteCollector, block: OpaquePointer) {
        guard let definition = definitions[key] else {
            diagnostics.append(.error(at: location, "undefined note \"[^\(key)]\"",
                                      note: "define it in a paragraph of its own: [^\(key)]: The note…"))
            out.append(HTMLBuffer.escaped("[^\(key)]"))
            return
        }
        let number: Int
        if let existing = notes.pointNumbers[key] {
            number = existing
        } else {
            number = notes.next()
            notes.pointNumbers[key] = number
            var writer = HTMLWriter(source: source, options: MarkdownOptions(unsafeHTML: options.unsafeHTML, headingIDs: false), file: locator.file, firstLine: firstLine)
            writer.linkScope = LinkScope(resolver: linkResolver, inNote: true, passageID: plan.passageIDs[block])
            for child in Self.children(of: definition.paragraph) { writer.write(CmarkNode(pointer: child)) }
            diagnostics += writer.diagnostics + writer.linkDiagnostics
            let note = NoteHTML(key: key, number: number, kindClass: "note-point", kindLabel: "Note",
                                body: "<p>" + String(decoding: writer.html.bytes, as: UTF8.self) + "</p>")
            notes.add(note, after: noteBlock(block), links: writer.links)
        }
        let uses = notes.uses(of: key)
        let escapedKey = HTMLBuffer.escaped(key)
        let refID = uses == 1 ? "ref-\(escapedKey)" : "ref-\(escapedKey)-\(uses)"
        out.append("<a class=\"note-ref\" id=\"\(refID)\" href=\"#note-\(escapedKey)\" aria-describedby=\"note-\(escapedKey)\">\(number)</a>")
    }
}

extension String {
    /// Without leading and trailing `character`s.
    func trimmingCharacters(in character: Character) -> String {
        guard let first = firstIndex(where: { $0 != character }),
              let last = lastIndex(where: { $0 != character }) else { return "" }
        return String(self[first...last])
    }
}

extension Substring {
    func trimmingCharacters(in character: Character) -> String {
        String(self).trimmingCharacters(in: character)
    }
}
