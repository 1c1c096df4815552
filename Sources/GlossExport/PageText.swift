/// Where each passage, note and turn of a transcript sits in "the page's
/// text", read from the body HTML Gloss rendered (links filled in).
///
/// The page's text is what a browser gives as the `textContent` of the
/// transcript's `div.transcript-body`, with every `aside.note`,
/// `a.note-ref` and `a.permalink` element left out (notes, note numbers and
/// `#` permalinks are not the transcript's words), and with the whitespace
/// at its start and end removed. Whitespace inside is kept as it is in the
/// DOM. Positions count Unicode code points from 0 (docs/exports.md).
public struct PageText: Sendable {
    /// The text, one element per code point.
    public var scalars: [Unicode.Scalar] = []

    /// A passage: a top-level block of the body, or a block directly inside a turn.
    public struct Passage: Sendable, Hashable {
        public var id: String
        /// The turn it is in, if any (its index in ``turns``).
        public var turn: Int?
        public var range: Range<Int>
    }

    public struct Turn: Sendable, Hashable {
        public var id: String
        public var speakerID: String?
        /// The speaker's name as shown in the turn's head.
        public var speakerName: String
        /// Seconds from the transcript's 00:00, when the turn has a timestamp.
        public var seconds: Double?
        /// The turn's blocks after its head, each a range of the text.
        public var blocks: [Range<Int>]
    }

    /// A note as the page shows it.
    public struct Note: Sendable, Hashable {
        /// `a1` for the first range note, the key for a point note (`borders`).
        public var key: String
        /// The number shown on the page.
        public var number: Int?
        /// `context`, `fact-check`, `correction`, `translation` or `point`.
        public var kind: String
        /// The note's text as HTML, the same sanitized HTML as on the page.
        public var html: String
    }

    public var passages: [Passage] = []
    public var turns: [Turn] = []
    /// In the order the notes appear on the page.
    public var notes: [Note] = []
    /// For each range note (`a1`…), the text its marks cover, from the start
    /// of its first mark to the end of its last.
    public var marks: [String: Range<Int>] = [:]
    /// For each point note, where its references stand in the text.
    public var references: [String: [Int]] = [:]

    public init() {}

    public func text(_ range: Range<Int>) -> String {
        var out = UTF8Text(capacity: range.count)
        for scalar in scalars[range.clamped(to: 0..<scalars.count)] { out.append(scalar) }
        return out.string
    }

    /// The innermost passage whose text contains `position` (a paragraph
    /// rather than the turn around it).
    public func passage(containing position: Int) -> Passage? {
        var best: Passage?
        for passage in passages where passage.range.contains(position) {
            if best.map({ passage.range.count < $0.range.count }) ?? true { best = passage }
        }
        return best
    }

    /// The text of `range` with every run of whitespace made one space, trimmed.
    public func collapsed(_ range: Range<Int>) -> String {
        var out = UTF8Text(capacity: range.count)
        var pendingSpace = false
        for scalar in scalars[range.clamped(to: 0..<scalars.count)] {
            if Self.isWhitespace(scalar) {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(scalar)
            }
        }
        return out.string
    }

    /// Text built from scalars as UTF-8 bytes, made a string once: appending
    /// to a string's scalar view one scalar at a time was most of the cost
    /// of the data files.
    private struct UTF8Text {
        private var bytes: [UInt8] = []

        init(capacity: Int) {
            bytes.reserveCapacity(capacity)
        }

        var isEmpty: Bool { bytes.isEmpty }

        mutating func append(_ scalar: Unicode.Scalar) {
            if scalar.isASCII {
                bytes.append(UInt8(truncatingIfNeeded: scalar.value))
            } else {
                UTF8.encode(scalar) { bytes.append($0) }
            }
        }

        var string: String { String(decoding: bytes, as: UTF8.self) }
    }

    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09, 0x0A, 0x0C, 0x0D: true
        default: false
        }
    }
}

extension PageText {
    /// Reads the body HTML. Tolerant: a tag it cannot read is taken as text,
    /// an end tag with no open element is ignored, so that raw HTML let
    /// through by `unsafe_html` cannot make it fail.
    public init(bodyHTML: String) {
        var reader = PageTextReader(html: Array(bodyHTML.utf8))
        reader.read()
        self = reader.finish()
    }
}

private struct PageTextReader {
    let html: [UInt8]
    var index = 0
    var page = PageText()

    enum Role {
        case plain
        case turn(Int)
        case turnHead
        case speakerName
        case passage(Int)
        case mark(String)
        case noteText
        case timestamp
    }

    struct Open {
        var name: [UInt8]
        var role: Role
        var start: Int
    }

    var stack: [Open] = []
    /// While inside an element left out of the text: its name and depth.
    var skipping: (name: [UInt8], depth: Int)?
    /// The note whose aside is being read, and where its text's HTML starts.
    var note: PageText.Note?
    var noteTextStart: Int?
    var noteTextDepth = 0
    var currentTurn: Int?
    var speakerNameStart: Int?

    init(html: [UInt8]) {
        self.html = html
    }

    enum Names {
        static let aside = Array("aside".utf8)
        static let a = Array("a".utf8)
        static let div = Array("div".utf8)
        static let mark = Array("mark".utf8)
        static let time = Array("time".utf8)
    }

    static let voids: Set<[UInt8]> = Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"].map { Array($0.utf8) })

    mutating func read() {
        while index < html.count {
            let byte = html[index]
            if byte == UInt8(ascii: "<") {
                if startsWith("<!--") {
                    let end = find("-->", from: index + 4) ?? html.count
                    index = min(html.count, end + 3)
                    continue
                }
                if let tag = readTag() {
                    handle(tag)
                    continue
                }
            }
            if byte == UInt8(ascii: "&") {
                let (scalar, length) = entity(at: index)
                appendText(scalar)
                index += length
                continue
            }
            if byte < 0x80 {
                appendText(Unicode.Scalar(byte))
                index += 1
                continue
            }
            // One UTF-8 sequence.
            let length = byte < 0x80 ? 1 : byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
            let end = min(html.count, index + length)
            let decoded = String(decoding: html[index..<end], as: UTF8.self)
            for scalar in decoded.unicodeScalars { appendText(scalar) }
            index = end
        }
    }

    mutating func appendText(_ scalar: Unicode.Scalar) {
        guard skipping == nil else { return }
        page.scalars.append(scalar)
    }

    struct Tag {
        var name: [UInt8]
        var closing: Bool
        var selfClosing: Bool
        var attributes: [(name: [UInt8], value: String)]
        func attribute(_ name: String) -> String? {
            attributes.first { $0.name.elementsEqual(name.utf8) }?.value
        }
        /// Whether `name` is one of the space-separated words of `class`,
        /// compared as bytes: every tag of every body is asked several times.
        func hasClass(_ name: String) -> Bool {
            guard let classes = attribute("class") else { return false }
            let wanted = name.utf8
            var start = classes.utf8.startIndex
            let end = classes.utf8.endIndex
            while start < end {
                let stop = classes.utf8[start...].firstIndex(of: UInt8(ascii: " ")) ?? end
                if classes.utf8[start..<stop].elementsEqual(wanted) { return true }
                start = stop < end ? classes.utf8.index(after: stop) : end
            }
            return false
        }
    }

    func startsWith(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard index + bytes.count <= html.count else { return false }
        return Array(html[index..<(index + bytes.count)]) == bytes
    }

    func find(_ text: String, from start: Int) -> Int? {
        let bytes = Array(text.utf8)
        var position = start
        while position + bytes.count <= html.count {
            if html[position] == bytes[0], Array(html[position..<(position + bytes.count)]) == bytes { return position }
            position += 1
        }
        return nil
    }

    static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":")
    }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C }

    /// A tag at `index`, which it moves past; nil (and `index` unmoved) when
    /// what follows `<` is not a tag.
    mutating func readTag() -> Tag? {
        var position = index + 1
        var closing = false
        if position < html.count, html[position] == UInt8(ascii: "/") { closing = true; position += 1 }
        let nameStart = position
        guard position < html.count, (html[position] | 0x20) >= UInt8(ascii: "a"), (html[position] | 0x20) <= UInt8(ascii: "z") else { return nil }
        while position < html.count, Self.isNameByte(html[position]) { position += 1 }
        let name = html[nameStart..<position].map { $0 | ($0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") ? 0x20 : 0) }
        var attributes: [(name: [UInt8], value: String)] = []
        var selfClosing = false
        while position < html.count {
            while position < html.count, Self.isSpace(html[position]) { position += 1 }
            guard position < html.count else { return nil }
            let byte = html[position]
            if byte == UInt8(ascii: ">") { position += 1; break }
            if byte == UInt8(ascii: "/") { selfClosing = true; position += 1; continue }
            let attributeStart = position
            while position < html.count, !Self.isSpace(html[position]), html[position] != UInt8(ascii: "="),
                  html[position] != UInt8(ascii: ">"), html[position] != UInt8(ascii: "/") { position += 1 }
            let attributeName = html[attributeStart..<position].map { $0 | ($0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") ? 0x20 : 0) }
            var value = ""
            if position < html.count, html[position] == UInt8(ascii: "=") {
                position += 1
                guard position < html.count else { return nil }
                let quote = html[position]
                if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                    let valueStart = position + 1
                    guard let end = html[valueStart...].firstIndex(of: quote) else { return nil }
                    value = Self.decodeEntities(Array(html[valueStart..<end]))
                    position = end + 1
                } else {
                    let valueStart = position
                    while position < html.count, !Self.isSpace(html[position]), html[position] != UInt8(ascii: ">") { position += 1 }
                    value = Self.decodeEntities(Array(html[valueStart..<position]))
                }
            }
            if attributeName.isEmpty { position += 1 } else { attributes.append((attributeName, value)) }
        }
        index = position
        return Tag(name: Array(name), closing: closing, selfClosing: selfClosing, attributes: attributes)
    }

    static func decodeEntities(_ bytes: [UInt8]) -> String {
        guard bytes.contains(UInt8(ascii: "&")) else { return String(decoding: bytes, as: UTF8.self) }
        var reader = PageTextReader(html: bytes)
        var out = String.UnicodeScalarView()
        while reader.index < bytes.count {
            if bytes[reader.index] == UInt8(ascii: "&") {
                let (scalar, length) = reader.entity(at: reader.index)
                out.append(scalar)
                reader.index += length
            } else {
                let byte = bytes[reader.index]
                let length = byte < 0x80 ? 1 : byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
                let end = min(bytes.count, reader.index + length)
                out.append(contentsOf: String(decoding: bytes[reader.index..<end], as: UTF8.self).unicodeScalars)
                reader.index = end
            }
        }
        return String(out)
    }

    static let named: [([UInt8], Unicode.Scalar)] = [
        ("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&apos;", "'"), ("&nbsp;", "\u{A0}"),
    ].map { (Array($0.0.utf8), $0.1) }

    /// The character an entity at `start` stands for and its length in bytes;
    /// `&` alone when it is not one Gloss writes.
    func entity(at start: Int) -> (Unicode.Scalar, Int) {
        for (bytes, scalar) in Self.named {
            if start + bytes.count <= html.count, html[start..<(start + bytes.count)].elementsEqual(bytes) { return (scalar, bytes.count) }
        }
        if start + 3 < html.count, html[start + 1] == UInt8(ascii: "#") {
            var position = start + 2
            let hex = html[position] | 0x20 == UInt8(ascii: "x")
            if hex { position += 1 }
            var value: UInt32 = 0
            let digitsStart = position
            while position < html.count, position - digitsStart < 8 {
                let byte = html[position]
                if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                    value = value * (hex ? 16 : 10) + UInt32(byte - UInt8(ascii: "0"))
                } else if hex, (byte | 0x20) >= UInt8(ascii: "a"), (byte | 0x20) <= UInt8(ascii: "f") {
                    value = value * 16 + UInt32((byte | 0x20) - UInt8(ascii: "a") + 10)
                } else { break }
                position += 1
            }
            if position > digitsStart, position < html.count, html[position] == UInt8(ascii: ";") {
                return (Unicode.Scalar(value) ?? "\u{FFFD}", position + 1 - start)
            }
        }
        return ("&", 1)
    }

    mutating func handle(_ tag: Tag) {
        if var skip = skipping {
            if tag.name == skip.name {
                if tag.closing { skip.depth -= 1 } else if !tag.selfClosing { skip.depth += 1 }
            }
            skipping = skip.depth == 0 ? nil : skip
            if note != nil { noteTag(tag) }
            return
        }
        if tag.closing {
            close(tag.name)
            return
        }
        // Left out of the text: notes, note numbers, permalinks.
        if tag.name == Names.aside, tag.hasClass("note") {
            skipping = (tag.name, 1)
            let id = tag.attribute("id") ?? ""
            let key = id.hasPrefix("note-") ? String(id.dropFirst(5)) : id
            let kind = (tag.attribute("class") ?? "").split(separator: " ")
                .first { $0.hasPrefix("note-") }.map { String($0.dropFirst(5)) } ?? "point"
            note = PageText.Note(key: key, number: nil, kind: kind, html: "")
            return
        }
        if tag.name == Names.a, tag.hasClass("note-ref") || tag.hasClass("permalink") {
            if tag.hasClass("note-ref"), tag.attribute("aria-describedby") != nil, let href = tag.attribute("href"), href.hasPrefix("#note-") {
                page.references[String(href.dropFirst(6)), default: []].append(page.scalars.count)
            }
            if !tag.selfClosing { skipping = (tag.name, 1) }
            return
        }
        if Self.voids.contains(tag.name) || tag.selfClosing { return }
        let start = page.scalars.count
        var role = Role.plain
        let parentIsTurn: Bool = if case .turn = stack.last?.role { true } else { false }
        if tag.name == Names.div, tag.hasClass("turn"), let id = tag.attribute("id") {
            page.turns.append(PageText.Turn(id: id, speakerID: tag.attribute("data-speaker"), speakerName: "", seconds: nil, blocks: []))
            currentTurn = page.turns.count - 1
            role = .turn(page.turns.count - 1)
            page.passages.append(PageText.Passage(id: id, turn: currentTurn, range: start..<start))
        } else if parentIsTurn, tag.hasClass("turn-head") {
            role = .turnHead
        } else if tag.hasClass("speaker"), case .turnHead = stack.last?.role {
            role = .speakerName
        } else if let id = tag.attribute("id"), stack.isEmpty || parentIsTurn {
            page.passages.append(PageText.Passage(id: id, turn: parentIsTurn ? currentTurn : nil, range: start..<start))
            role = .passage(page.passages.count - 1)
        } else if tag.name == Names.mark, let details = tag.attribute("aria-details"), details.hasPrefix("note-") {
            role = .mark(String(details.dropFirst(5)))
        }
        if case .plain = role, tag.hasClass("timestamp") { role = .timestamp }
        if tag.name == Names.time, let turn = currentTurn, let datetime = tag.attribute("datetime"),
           page.turns[turn].seconds == nil, stack.contains(where: { if case .timestamp = $0.role { true } else { false } }),
           stack.contains(where: { if case .turnHead = $0.role { true } else { false } }) {
            page.turns[turn].seconds = Self.seconds(isoDuration: datetime)
        }
        stack.append(Open(name: tag.name, role: role, start: start))
    }

    mutating func close(_ name: [UInt8]) {
        guard let at = stack.lastIndex(where: { $0.name == name }) else { return }
        while stack.count > at {
            let open = stack.removeLast()
            let end = page.scalars.count
            switch open.role {
            case .plain, .noteText, .timestamp: break
            case .turn(let turn):
                if let passage = page.passages.lastIndex(where: { $0.id == page.turns[turn].id && $0.turn == turn }) {
                    page.passages[passage].range = open.start..<end
                }
                currentTurn = nil
            case .turnHead: break
            case .speakerName:
                if let turn = currentTurn { page.turns[turn].speakerName = page.collapsed(open.start..<end) }
            case .passage(let index):
                page.passages[index].range = open.start..<end
                if let turn = page.passages[index].turn { page.turns[turn].blocks.append(open.start..<end) }
            case .mark(let key):
                let range = open.start..<end
                if let earlier = page.marks[key] {
                    page.marks[key] = min(earlier.lowerBound, range.lowerBound)..<max(earlier.upperBound, range.upperBound)
                } else {
                    page.marks[key] = range
                }
            }
        }
    }

    /// Inside a note's aside: finds its number and the HTML of its text.
    mutating func noteTag(_ tag: Tag) {
        if tag.name == Names.div {
            if !tag.closing, tag.hasClass("note-text"), noteTextStart == nil {
                noteTextStart = index
                noteTextDepth = 1
            } else if noteTextStart != nil {
                noteTextDepth += tag.closing ? -1 : 1
                if noteTextDepth == 0, let start = noteTextStart {
                    let end = index - Array("</div>".utf8).count
                    if end >= start { note?.html = String(decoding: html[start..<end], as: UTF8.self) }
                    noteTextStart = -1
                }
            }
        }
        if skipping == nil, let finished = note {
            page.notes.append(finished)
            note = nil
            noteTextStart = nil
        }
    }

    /// `PT1M12S` → 72, `PT1H2M3.5S` → 3723.5.
    static func seconds(isoDuration: String) -> Double? {
        guard isoDuration.hasPrefix("PT") else { return nil }
        var total = 0.0
        var number = ""
        for character in isoDuration.dropFirst(2) {
            switch character {
            case "0"..."9", ".": number.append(character)
            case "H", "M", "S":
                guard let value = Double(number) else { return nil }
                total += value * (character == "H" ? 3600 : character == "M" ? 60 : 1)
                number = ""
            default: return nil
            }
        }
        return number.isEmpty ? total : nil
    }

    mutating func finish() -> PageText {
        while let open = stack.last { close(open.name) }
        // Trim the whitespace at the start and end, moving every position.
        var page = page
        let leading = page.scalars.prefix { PageText.isWhitespace($0) }.count
        let trailing = page.scalars.count == leading ? 0 : page.scalars.reversed().prefix { PageText.isWhitespace($0) }.count
        let count = page.scalars.count - leading - trailing
        if leading > 0 || trailing > 0 {
            page.scalars = Array(page.scalars[leading..<(page.scalars.count - trailing)])
            func shift(_ range: Range<Int>) -> Range<Int> {
                let lower = min(max(range.lowerBound - leading, 0), count)
                return lower..<min(max(range.upperBound - leading, lower), count)
            }
            for index in page.passages.indices { page.passages[index].range = shift(page.passages[index].range) }
            for index in page.turns.indices { page.turns[index].blocks = page.turns[index].blocks.map(shift) }
            page.marks = page.marks.mapValues(shift)
            page.references = page.references.mapValues { $0.map { min(max($0 - leading, 0), count) } }
        }
        // Notes are numbered in page order.
        for index in page.notes.indices { page.notes[index].number = index + 1 }
        return page
    }
}
