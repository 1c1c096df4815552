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
/// `GlossSearch.shard("NAME", "…")`, the string being, packed
/// (``packedString(_:)``), for each transcript with terms in the shard in
/// site order, a line `@POSITION` and then its summary's lines of that shard.
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
        out += packedString(body)
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

    /// A transcript's passages go in chunks of about this many bytes, so
    /// that showing three of its passages does not load all of them.
    public static let chunkBytes = 4096

    /// How many chunks a transcript's passages (``passagesJSON(_:)``, `bytes` long) are cut into.
    public static func chunkCount(passagesBytes bytes: Int) -> Int {
        max(1, (bytes + chunkBytes - 1) / chunkBytes)
    }

    /// A transcript's files: `search/doc/POSITION.js`, what it says of the
    /// transcript and where each chunk of its passages starts, then each
    /// chunk's `search/doc/POSITION-K.js`. There are
    /// ``chunkCount(passagesBytes:)`` chunks; a passage goes in the chunk
    /// where its first byte falls, so a chunk can be empty.
    public static func transcriptFiles(position: Int, info: TranscriptInfo, passagesJSON: [UInt8]) -> [[UInt8]] {
        let total = max(passagesJSON.count, 1)
        let count = chunkCount(passagesBytes: passagesJSON.count)
        var chunks = Array(repeating: [UInt8](), count: count)
        var sizes = Array(repeating: 0, count: count)
        // The passages are copied as they are, not read and written again.
        for range in passageRanges(passagesJSON) {
            let chunk = min(count - 1, range.lowerBound * count / total)
            if !chunks[chunk].isEmpty { chunks[chunk].append(UInt8(ascii: ",")) }
            chunks[chunk] += passagesJSON[range]
            sizes[chunk] += 1
        }
        // Each chunk's first passage's ordinal (from 1): an empty chunk's is the next one's.
        var firsts: [Int] = []
        var ordinal = 1
        for size in sizes {
            firsts.append(ordinal)
            ordinal += size
        }
        var files = [transcriptFile(position: position, info: info, chunkStarts: firsts)]
        for (index, chunk) in chunks.enumerated() {
            let json = [UInt8(ascii: "[")] + chunk + [UInt8(ascii: "]")]
            files.append(Array("GlossSearch.text(\(position),\(index),".utf8) + packedString(json) + Array(");\n".utf8))
        }
        return files
    }

    /// Where each passage (`[…]`) of ``passagesJSON(_:)`` is: one pass over
    /// the bytes, minding strings and their escapes.
    static func passageRanges(_ json: [UInt8]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var depth = 0, start = 0
        var inString = false, escaped = false
        for index in json.indices {
            let byte = json[index]
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "["):
                depth += 1
                if depth == 2 { start = index }
            case UInt8(ascii: "]"):
                if depth == 2 { ranges.append(start ..< index + 1) }
                depth -= 1
            default: break
            }
        }
        return ranges
    }

    /// `search/doc/POSITION.js`.
    static func transcriptFile(position: Int, info: TranscriptInfo, chunkStarts: [Int]) -> [UInt8] {
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
        out += Array("},\"c\":[\(chunkStarts.map(String.init).joined(separator: ","))]});\n".utf8)
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

/// A shard's files: the shard itself and, for each term whose postings in
/// it pass ``bigTermBytes``, that term's postings in parts, best first
/// (docs/search.md, "Common words"). A query for such a term loads its
/// first part and only as many more as it needs to be sure of the results
/// it shows.
extension SearchIndex {
    /// A term with more bytes of postings in a shard than this gets parts.
    public static let bigTermBytes = 8 * 1024
    /// The first part's size; each next part doubles, up to ``largestPartBytes``.
    public static let firstPartBytes = 4 * 1024
    public static let largestPartBytes = 64 * 1024

    /// How a shard is cut: for each big term in order, how many parts it has.
    public static func layout(ofShardBody body: [UInt8]) -> [Int] {
        split(body).big.map(\.parts.count)
    }

    /// The files of a shard, the shard's own first and then each big term's
    /// parts in order, with their names (`NAME`, `NAME-J-K`).
    public static func shardFiles(name: String, body: [UInt8]) -> [(name: String, bytes: [UInt8])] {
        let cut = split(body)
        var files = [(name, shardFile(name: name, body: cut.main))]
        for (index, term) in cut.big.enumerated() {
            for (part, bytes) in term.parts.enumerated() {
                let partName = "\(name)-\(index)-\(part)"
                var out = Array("GlossSearch.part(".utf8) + jsonString(partName) + Array(",".utf8)
                out += packedString(bytes)
                out += Array(");\n".utf8)
                files.append((partName, out))
            }
        }
        return files
    }

    /// The name of the file at `index` of a shard's ``shardFiles(name:body:)``,
    /// from its layout alone.
    public static func shardFileNames(name: String, layout: [Int]) -> [String] {
        var names = [name]
        for (index, parts) in layout.enumerated() {
            for part in 0 ..< parts { names.append("\(name)-\(index)-\(part)") }
        }
        return names
    }

    /// How much one posting list says a transcript is about a term: the
    /// BM25 term-frequency part of its best passage (k1 = 1.2, as the page
    /// computes it), plus a half when the term is in the title.
    public static func impact(maxCount: Int, title: Bool) -> Double {
        let tf = Double(maxCount)
        return tf * 2.2 / (tf + 1.2) + (title ? 0.5 : 0)
    }

    struct BigTerm {
        var term: ArraySlice<UInt8>
        /// Each part's lines, `POSITION TAB postings`.
        var parts: [[UInt8]]
        /// Each part's first entry's best count and title flag, as the head line writes it.
        var heads: [String]
        var transcripts: Int
        var passages: Int
    }

    /// A shard body cut into what stays in the shard's file (the big
    /// terms' head lines, then the other terms' lines by transcript) and the
    /// big terms' parts.
    static func digits(_ value: Int) -> Int {
        var count = 1, rest = value
        while rest >= 10 {
            rest /= 10
            count += 1
        }
        return count
    }

    static func split(_ body: [UInt8]) -> (main: [UInt8], big: [BigTerm]) {
        // Each line: the transcript it is under, and where its term and postings are.
        struct Line { var position: Int; var start: Int; var tab: Int; var end: Int }
        var lines: [Line] = []
        var bytesByTerm: [ArraySlice<UInt8>: Int] = [:]
        var position = -1
        var at = 0
        let count = body.count
        while at < count {
            var end = at
            while end < count, body[end] != UInt8(ascii: "\n") { end += 1 }
            if body[at] == UInt8(ascii: "@") {
                var value = 0
                for byte in body[(at + 1) ..< end] { value = value * 10 + Int(byte &- 0x30) }
                position = value
            } else if end > at, let tab = body[at ..< end].firstIndex(of: UInt8(ascii: "\t")) {
                lines.append(Line(position: position, start: at, tab: tab, end: end))
                // What the term's entry costs in a part: the place, a tab, the postings and a newline.
                bytesByTerm[body[at ..< tab], default: 0] += digits(position) + end - tab + 1
            }
            at = end + 1
        }
        let bigNames = bytesByTerm.filter { $0.value > bigTermBytes }.keys.sorted { $0.lexicographicallyPrecedes($1) }
        guard !bigNames.isEmpty else { return (body, []) }
        let bigIndex = Dictionary(uniqueKeysWithValues: bigNames.enumerated().map { ($1, $0) })
        var entries = Array(repeating: [(position: Int, best: Int, title: Bool, passages: Int, postings: ArraySlice<UInt8>)](), count: bigNames.count)
        var rest: [UInt8] = []
        var restPosition = -1
        for line in lines {
            let term = body[line.start ..< line.tab]
            let postings = body[(line.tab + 1) ..< line.end]
            if let index = bigIndex[term] {
                var best = 0, title = false, passages = 0
                // `ordinal` or `ordinal.count`, comma-separated, read in one pass.
                var ordinal = 0, times = 0, afterDot = false
                func posting() {
                    if ordinal == 0 { title = true } else { best = max(best, afterDot ? times : 1); passages += 1 }
                    ordinal = 0
                    times = 0
                    afterDot = false
                }
                for byte in postings {
                    switch byte {
                    case UInt8(ascii: ","): posting()
                    case UInt8(ascii: "."): afterDot = true
                    default:
                        if afterDot { times = times * 10 + Int(byte &- 0x30) } else { ordinal = ordinal * 10 + Int(byte &- 0x30) }
                    }
                }
                posting()
                entries[index].append((line.position, best, title, max(passages, 1), postings))
            } else {
                if line.position != restPosition {
                    rest.append(UInt8(ascii: "@"))
                    rest += Array(String(line.position).utf8)
                    rest.append(UInt8(ascii: "\n"))
                    restPosition = line.position
                }
                rest += body[line.start ... min(line.end, count - 1)]
                if line.end == count { rest.append(UInt8(ascii: "\n")) }
            }
        }
        var big: [BigTerm] = []
        var head: [UInt8] = []
        for (index, name) in bigNames.enumerated() {
            // Best first; among equals, in site order, as the page ranks them.
            let sorted = entries[index].sorted {
                let a = impact(maxCount: $0.best, title: $0.title), b = impact(maxCount: $1.best, title: $1.title)
                return a != b ? a > b : $0.position < $1.position
            }
            var parts: [[UInt8]] = []
            var heads: [String] = []
            var part: [UInt8] = []
            var limit = firstPartBytes
            for entry in sorted {
                if part.isEmpty { heads.append(String(entry.best) + (entry.title ? "t" : "")) }
                part += Array(String(entry.position).utf8)
                part.append(UInt8(ascii: "\t"))
                part += entry.postings
                part.append(UInt8(ascii: "\n"))
                if part.count >= limit {
                    parts.append(part)
                    part = []
                    limit = min(limit * 2, largestPartBytes)
                }
            }
            if !part.isEmpty { parts.append(part) }
            let passages = sorted.reduce(0) { $0 + $1.passages }
            big.append(BigTerm(term: name, parts: parts, heads: heads, transcripts: sorted.count, passages: passages))
            head.append(UInt8(ascii: "!"))
            head += name
            head += Array("\t\(index)\t\(sorted.count)\t\(passages)\t\(heads.joined(separator: ","))\n".utf8)
        }
        return (head + rest, big)
    }
}
