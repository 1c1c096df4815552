import GlossModel

/// One passage as search shows it.
public struct SearchPassage: Sendable, Hashable {
    public var id: String
    public var speakerID: String?
    public var seconds: Double?
    public var text: String

    public init(id: String, speakerID: String?, seconds: Double?, text: String) {
        self.id = id
        self.speakerID = speakerID
        self.seconds = seconds
        self.text = text
    }
}

/// The search index's files (docs/search.md), made from each transcript's
/// term summary.
///
/// A transcript's **summary** is one line per term, `term TAB postings LF`,
/// sorted by shard name, then term. Postings are `ordinal` or
/// `ordinal.count`, comma-separated: the passage's place in the transcript
/// from 1 and, when more than one, how often the term is in it. Ordinal 0
/// is the transcript itself: its title's words and its fields
/// (``SearchText/fieldTerm(_:_:)``).
///
/// A **shard** (`search/index/NAME.js`) holds every term of one shard name:
/// `GlossSearch.shard("NAME", "…")`, the string being, for each transcript
/// with terms in the shard in site order, a line `@POSITION` and then its
/// summary's lines of that shard.
public enum SearchIndex {
    /// The summary of a transcript's passages and its own fields.
    public static func summary(passages: [SearchPassage], title: String, fields: [String]) -> [UInt8] {
        var postings: [String: [(ordinal: Int, count: Int)]] = [:]
        func bump(_ list: inout [(ordinal: Int, count: Int)], _ ordinal: Int) {
            if let last = list.last, last.ordinal == ordinal {
                list[list.count - 1].count += 1
            } else {
                list.append((ordinal, 1))
            }
        }
        // In place: the list is not copied out of the dictionary and back.
        func add(_ term: String, _ ordinal: Int) { bump(&postings[term, default: []], ordinal) }
        for term in SearchText.terms(title) { add(term, 0) }
        for field in fields { add(field, 0) }
        for (index, passage) in passages.enumerated() {
            for term in SearchText.terms(passage.text) { add(term, index + 1) }
            if let speaker = passage.speakerID { add(SearchText.fieldTerm("s", speaker), index + 1) }
        }
        let ordered = postings.keys.map { (shard: SearchText.shardName($0), term: $0) }.sorted {
            $0.shard != $1.shard ? $0.shard < $1.shard : $0.term < $1.term
        }
        var out: [UInt8] = []
        for (_, term) in ordered {
            out.append(contentsOf: term.utf8)
            out.append(UInt8(ascii: "\t"))
            for (index, posting) in (postings[term] ?? []).enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                out.append(contentsOf: String(posting.ordinal).utf8)
                if posting.count > 1 {
                    out.append(UInt8(ascii: "."))
                    out.append(contentsOf: String(posting.count).utf8)
                }
            }
            out.append(UInt8(ascii: "\n"))
        }
        return out
    }

    /// The fields of a transcript: its kind, its year and its topics.
    public static func fields(kind: String?, year: Int?, topics: [String]) -> [String] {
        var fields: [String] = []
        if let kind, !kind.isEmpty { fields.append(SearchText.fieldTerm("k", kind)) }
        if let year { fields.append(SearchText.fieldTerm("y", String(year))) }
        for topic in topics { fields.append(SearchText.fieldTerm("t", topic)) }
        return fields
    }

    /// The shard names a summary has lines in, in order.
    public static func shardNames(of summary: [UInt8]) -> [String] {
        chunks(of: summary).map(\.name)
    }

    /// Each shard a summary has lines in, with those lines, in order: one
    /// pass over the summary.
    public static func chunks(of summary: [UInt8]) -> [(name: String, lines: ArraySlice<UInt8>)] {
        var chunks: [(name: String, lines: ArraySlice<UInt8>)] = []
        var lineStart = 0
        var chunkStart = 0
        var current: UInt32?
        while lineStart < summary.count {
            let key = lineShardKey(summary, at: lineStart)
            if key != current {
                if let current { chunks.append((shardName(key: current), summary[chunkStart ..< lineStart])) }
                current = key
                chunkStart = lineStart
            }
            lineStart = (summary[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? summary.count - 1) + 1
        }
        if let current { chunks.append((shardName(key: current), summary[chunkStart ..< summary.count])) }
        return chunks
    }

    /// The shards whose lines differ between two summaries of one
    /// transcript, with whether the new one has lines in each.
    public static func changedShards(from old: [UInt8], to new: [UInt8]) -> [(name: String, present: Bool)] {
        let before = chunks(of: old), after = chunks(of: new)
        var changed: [(name: String, present: Bool)] = []
        var i = 0, j = 0
        while i < before.count || j < after.count {
            if j == after.count || (i < before.count && before[i].name < after[j].name) {
                changed.append((before[i].name, false))
                i += 1
            } else if i == before.count || after[j].name < before[i].name {
                changed.append((after[j].name, true))
                j += 1
            } else {
                if before[i].lines != after[j].lines { changed.append((after[j].name, true)) }
                i += 1
                j += 1
            }
        }
        return changed
    }

    /// The lines of `summary` in shard `name`.
    public static func chunk(of summary: [UInt8], shard name: String) -> ArraySlice<UInt8> {
        // Binary search over byte offsets, each moved to the start of its line.
        func lineStart(_ offset: Int) -> Int {
            var at = offset
            while at > 0, summary[at - 1] != UInt8(ascii: "\n") { at -= 1 }
            return at
        }
        func nextLine(_ start: Int) -> Int {
            (summary[start...].firstIndex(of: UInt8(ascii: "\n")) ?? summary.count - 1) + 1
        }
        let name = shardKey(name)
        var low = 0, high = summary.count
        // First line whose shard is >= name.
        while low < high {
            let line = lineStart((low + high) / 2)
            if line < low {
                // The middle's line started before `low`: `low` is a line start.
                if lineShardKey(summary, at: low) < name { low = nextLine(low) } else { high = low }
                continue
            }
            if lineShardKey(summary, at: line) < name { low = nextLine(line) } else { high = line }
        }
        var end = low
        while end < summary.count, lineShardKey(summary, at: end) == name { end = nextLine(end) }
        return summary[low ..< end]
    }

    /// The shard of the line at `start`, as its name's three bytes in one
    /// number: numbers compare as the names do.
    private static func lineShardKey(_ summary: [UInt8], at start: Int) -> UInt32 {
        var key: UInt32 = 0
        var end = start
        for _ in 0 ..< 3 {
            var byte = UInt8(ascii: "_")
            if end < summary.count, summary[end] != UInt8(ascii: "\t") {
                byte = SearchText.isShardByte(summary[end]) ? summary[end] : UInt8(ascii: "_")
                end += 1
            }
            key = key << 8 | UInt32(byte)
        }
        return key
    }

    private static func shardKey(_ name: String) -> UInt32 {
        var key: UInt32 = 0
        for byte in SearchText.shardName(name).utf8 { key = key << 8 | UInt32(byte) }
        return key
    }

    private static func shardName(key: UInt32) -> String {
        String(decoding: [UInt8(truncatingIfNeeded: key >> 16), UInt8(truncatingIfNeeded: key >> 8), UInt8(truncatingIfNeeded: key)], as: UTF8.self)
    }

    /// The body of a shard: each transcript's chunk after an `@POSITION` line.
    public static func shardBody(_ chunks: [(position: Int, lines: ArraySlice<UInt8>)]) -> [UInt8] {
        var body: [UInt8] = []
        for (position, lines) in chunks where !lines.isEmpty {
            body.append(UInt8(ascii: "@"))
            body.append(contentsOf: String(position).utf8)
            body.append(UInt8(ascii: "\n"))
            body.append(contentsOf: lines)
        }
        return body
    }

    /// A shard's file.
    public static func shardFile(name: String, body: [UInt8]) -> [UInt8] {
        var out = Array("GlossSearch.shard(".utf8) + jsonString(name) + Array(",".utf8)
        body.withUnsafeBufferPointer { appendJSONString($0, to: &out) }
        out += Array(");\n".utf8)
        return out
    }

    /// `search/meta.js`: how many transcripts there are and which shards exist.
    public static func metaFile(transcripts: Int, shards: [String]) -> [UInt8] {
        Array("GlossSearch.meta({\"n\":\(transcripts),\"shards\":".utf8)
            + jsonString(shards.joined(separator: " ")) + Array("});\n".utf8)
    }

    /// A transcript's passages as a JSON array of `[id, speaker, seconds, text]`.
    public static func passagesJSON(_ passages: [SearchPassage]) -> [UInt8] {
        var out: [UInt8] = [UInt8(ascii: "[")]
        for (index, passage) in passages.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out.append(UInt8(ascii: "["))
            out += jsonString(passage.id)
            out.append(UInt8(ascii: ","))
            out += passage.speakerID.map(jsonString) ?? Array("null".utf8)
            out.append(UInt8(ascii: ","))
            if let seconds = passage.seconds, seconds.isFinite {
                out += Array(String(Int(seconds.rounded(.down))).utf8)
            } else {
                out += Array("null".utf8)
            }
            out.append(UInt8(ascii: ","))
            out += jsonString(passage.text)
            out.append(UInt8(ascii: "]"))
        }
        out.append(UInt8(ascii: "]"))
        return out
    }

    /// Passages as ``passagesJSON(_:)`` writes them, read back:
    /// `[["p-3f2a1c","hegseth",12,"text"],…]`; nil if they do not read so.
    /// (The quote check reads a candidate's passages from what the build
    /// kept for search instead of rendering the transcript again.)
    public static func passages(fromJSON bytes: [UInt8]) -> [SearchPassage]? {
        var i = 0
        let n = bytes.count
        func skipSpace() { while i < n, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x09 || bytes[i] == 0x0D { i += 1 } }
        func expect(_ byte: UInt8) -> Bool {
            skipSpace()
            guard i < n, bytes[i] == byte else { return false }
            i += 1
            return true
        }
        func hex(_ count: Int) -> UInt32? {
            guard i + count <= n else { return nil }
            var value: UInt32 = 0
            for _ in 0 ..< count {
                let c = bytes[i]
                let digit: UInt32
                switch c {
                case 0x30 ... 0x39: digit = UInt32(c - 0x30)
                case 0x41 ... 0x46: digit = UInt32(c - 0x41 + 10)
                case 0x61 ... 0x66: digit = UInt32(c - 0x61 + 10)
                default: return nil
                }
                value = value << 4 | digit
                i += 1
            }
            return value
        }
        func string() -> String? {
            guard expect(UInt8(ascii: "\"")) else { return nil }
            var out: [UInt8] = []
            while i < n {
                let c = bytes[i]
                i += 1
                if c == UInt8(ascii: "\"") { return String(decoding: out, as: UTF8.self) }
                guard c == UInt8(ascii: "\\") else {
                    out.append(c)
                    continue
                }
                guard i < n else { return nil }
                let e = bytes[i]
                i += 1
                switch e {
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "u"):
                    guard var value = hex(4) else { return nil }
                    if value >= 0xD800, value < 0xDC00, i + 1 < n, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") {
                        i += 2
                        guard let low = hex(4), low >= 0xDC00, low < 0xE000 else { return nil }
                        value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let scalar = Unicode.Scalar(value) else { return nil }
                    out.append(contentsOf: String(scalar).utf8)
                default: out.append(e)
                }
            }
            return nil
        }
        /// A string, or nil for `null` (true when it was null).
        func nullableString() -> (String?, Bool) {
            skipSpace()
            if i + 4 <= n, bytes[i] == UInt8(ascii: "n") {
                i += 4
                return (nil, true)
            }
            return (string(), false)
        }
        guard expect(UInt8(ascii: "[")) else { return nil }
        var passages: [SearchPassage] = []
        skipSpace()
        if i < n, bytes[i] == UInt8(ascii: "]") { return passages }
        repeat {
            guard expect(UInt8(ascii: "[")), let id = string(), expect(UInt8(ascii: ",")) else { return nil }
            let (speaker, speakerIsNull) = nullableString()
            guard speaker != nil || speakerIsNull, expect(UInt8(ascii: ",")) else { return nil }
            skipSpace()
            // Whole seconds, or null.
            var seconds: Double?
            if i + 4 <= n, bytes[i] == UInt8(ascii: "n") {
                i += 4
            } else {
                let negative = i < n && bytes[i] == UInt8(ascii: "-")
                if negative { i += 1 }
                var whole = 0
                var digits = 0
                while i < n, bytes[i] >= 0x30, bytes[i] <= 0x39, digits < 18 {
                    whole = whole * 10 + Int(bytes[i] - 0x30)
                    digits += 1
                    i += 1
                }
                guard digits > 0 else { return nil }
                seconds = Double(negative ? -whole : whole)
            }
            guard expect(UInt8(ascii: ",")), let text = string(), expect(UInt8(ascii: "]")) else { return nil }
            passages.append(SearchPassage(id: id, speakerID: speaker, seconds: seconds, text: text))
        } while expect(UInt8(ascii: ","))
        guard expect(UInt8(ascii: "]")) else { return nil }
        return passages
    }

    /// What a transcript's file says of it beside its passages.
    public struct TranscriptInfo: Sendable {
        public var url: String
        public var title: String
        public var date: String?
        public var kind: String?
        /// Speaker id, name and role.
        public var speakers: [(id: String, name: String, role: String?)]

        public init(url: String, title: String, date: String?, kind: String?, speakers: [(id: String, name: String, role: String?)]) {
            self.url = url
            self.title = title
            self.date = date
            self.kind = kind
            self.speakers = speakers
        }
    }

    /// `search/doc/POSITION.js`.
    public static func transcriptFile(position: Int, info: TranscriptInfo, passagesJSON: [UInt8]) -> [UInt8] {
        var out = Array("GlossSearch.doc(\(position),{\"u\":".utf8) + jsonString(info.url)
        out += Array(",\"t\":".utf8) + jsonString(info.title)
        out += Array(",\"d\":".utf8) + (info.date.map(jsonString) ?? Array("null".utf8))
        out += Array(",\"k\":".utf8) + (info.kind.map(jsonString) ?? Array("null".utf8))
        out += Array(",\"s\":{".utf8)
        for (index, speaker) in info.speakers.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out += jsonString(speaker.id) + [UInt8(ascii: ":"), UInt8(ascii: "[")] + jsonString(speaker.name)
            out += [UInt8(ascii: ",")] + (speaker.role.map(jsonString) ?? Array("null".utf8)) + [UInt8(ascii: "]")]
        }
        out += Array("},\"p\":".utf8) + passagesJSON + Array("});\n".utf8)
        return out
    }

    /// `text` as a JSON string literal that is also safe JavaScript.
    public static func jsonString(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        var text = text
        text.withUTF8 { appendJSONString($0, to: &out) }
        return out
    }

    /// Appends `bytes` (UTF-8) as a JSON string literal that is also safe
    /// JavaScript: `"` `\\` and controls escaped, `<` as `\u003c`, and the
    /// line separators U+2028 and U+2029 escaped.
    static func appendJSONString(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        out.reserveCapacity(out.count + bytes.count + 2)
        out.append(UInt8(ascii: "\""))
        let hex = Array("0123456789abcdef".utf8)
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""): out += [0x5C, 0x22]
            case UInt8(ascii: "\\"): out += [0x5C, 0x5C]
            case UInt8(ascii: "\n"): out += [0x5C, UInt8(ascii: "n")]
            case UInt8(ascii: "\t"): out += [0x5C, UInt8(ascii: "t")]
            case UInt8(ascii: "<"): out += Array("\\u003c".utf8)
            case 0 ..< 0x20:
                out += [0x5C, UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            case 0xE2 where index + 2 < count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                out += Array((bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                index += 2
            default: out.append(byte)
            }
            index += 1
        }
        out.append(UInt8(ascii: "\""))
    }
}
