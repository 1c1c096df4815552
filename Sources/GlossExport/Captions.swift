import GlossModel

/// WebVTT, SRT and Podcasting 2.0 JSON, from the turns that have timestamps.
extension TranscriptExport {
    public static let webVTTFile = "transcript.vtt"
    public static let srtFile = "transcript.srt"
    public static let podcastJSONFile = "transcript.json"
    /// When a cue's end is not known (the last timed turn, or a next
    /// timestamp that is not later): its words read at 150 a minute, and at
    /// least one second (docs/exports.md).
    static let secondsPerWord = 0.4
    static let shortestCue = 1.0

    /// One cue: a timed turn, with the untimed turns after it.
    public struct Cue: Sendable {
        public var id: String
        public var start: Double
        public var end: Double
        /// Each speaker's part, in order: the name (empty when none) and the lines.
        public var voices: [(name: String, lines: [String])]
        /// Whether `end` is the next cue's start rather than the default.
        public var endKnown: Bool

    }

    /// The cues, in order. Turns before the first timestamp have no start and
    /// are left out; a turn without a timestamp joins the cue before it.
    public var cues: [Cue] {
        cueCache.cues(makeCues)
    }

    private func makeCues() -> [Cue] {
        var cues: [Cue] = []
        for turn in page.turns {
            let lines = turn.blocks.map(page.collapsed).filter { !$0.isEmpty }
            if let seconds = turn.seconds {
                cues.append(Cue(id: turn.id, start: seconds, end: seconds, voices: [], endKnown: false))
            }
            guard !cues.isEmpty, !lines.isEmpty else { continue }
            cues[cues.count - 1].voices.append((speakerName(turn), lines))
        }
        for index in cues.indices {
            if index + 1 < cues.count, cues[index + 1].start > cues[index].start {
                cues[index].end = cues[index + 1].start
                cues[index].endKnown = true
            } else {
                // Lines are collapsed and never empty: a word more than their spaces.
                let words = cues[index].voices.flatMap(\.lines).reduce(0) { count, line in
                    count + line.utf8.reduce(1) { $0 + ($1 == UInt8(ascii: " ") ? 1 : 0) }
                }
                cues[index].end = cues[index].start + max(Self.shortestCue, Double(words) * Self.secondsPerWord)
            }
        }
        return cues.filter { !$0.voices.isEmpty }
    }

    public func webVTT() -> [UInt8] {
        var out = "WEBVTT\n"
        for cue in cues {
            out += "\n" + cue.id + "\n" + Self.vttTime(cue.start) + " --> " + Self.vttTime(cue.end) + "\n"
            var lines: [String] = []
            for voice in cue.voices {
                for (index, line) in voice.lines.enumerated() {
                    let text = Self.vttEscaped(line)
                    if index == 0, !voice.name.isEmpty {
                        lines.append("<v " + Self.vttEscaped(voice.name) + ">" + text + (voice.lines.count == 1 ? "</v>" : ""))
                    } else if index == voice.lines.count - 1, !voice.name.isEmpty {
                        lines.append(text + "</v>")
                    } else {
                        lines.append(text)
                    }
                }
            }
            out += lines.joined(separator: "\n") + "\n"
        }
        return Array(out.utf8)
    }

    public func srt() -> [UInt8] {
        var out: [UInt8] = []
        for (number, cue) in cues.enumerated() {
            if number > 0 { out.append(0x0A) }
            let timing: String = String(number + 1) + "\n" + Self.srtTime(cue.start) + " --> " + Self.srtTime(cue.end) + "\n"
            out += timing.utf8
            var first = true
            for voice in cue.voices {
                for (index, line) in voice.lines.enumerated() {
                    if !first { out.append(0x0A) }
                    first = false
                    Self.appendReplacingArrows(index == 0 && !voice.name.isEmpty ? voice.name + ": " + line : line, to: &out)
                }
            }
            out.append(0x0A)
        }
        return out
    }

    /// The text's bytes with each `-->`, which would read as a timing line,
    /// written as `->`.
    static func appendReplacingArrows(_ text: String, to out: inout [UInt8]) {
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "-"), index + 2 < bytes.count,
               bytes[index + 1] == UInt8(ascii: "-"), bytes[index + 2] == UInt8(ascii: ">") {
                out += [UInt8(ascii: "-"), UInt8(ascii: ">")]
                index += 3
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
    }

    /// `transcript.json`: the Podcasting 2.0 JSON transcript, a segment per
    /// speaker's part of each cue.
    public func podcastJSON() -> [UInt8] {
        var json = JSONWriter()
        json.beginObject()
        json.member("version", "1.0.0")
        json.key("segments")
        json.beginArray()
        for cue in cues {
            for voice in cue.voices {
                json.element()
                json.beginObject()
                if !voice.name.isEmpty { json.member("speaker", voice.name) }
                json.member("startTime", seconds: cue.start)
                json.member("endTime", seconds: cue.end)
                json.member("body", voice.lines.joined(separator: "\n"))
                json.endObject()
            }
        }
        json.endArray()
        json.endObject()
        json.bytes.append(0x0A)
        return json.bytes
    }

    static func vttEscaped(_ text: String) -> String {
        // On the bytes: every character escaped here is ASCII. A CRLF pair is
        // one character and is kept, as it always was.
        let source = Array(text.utf8)
        guard source.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == 0x0A || $0 == 0x0D })
        else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(source.count + 16)
        var index = 0
        while index < source.count {
            let byte = source[index]
            switch byte {
            case UInt8(ascii: "&"): out += Array("&amp;".utf8)
            case UInt8(ascii: "<"): out += Array("&lt;".utf8)
            case UInt8(ascii: ">"): out += Array("&gt;".utf8)
            case 0x0D where index + 1 < source.count && source[index + 1] == 0x0A:
                out += [0x0D, 0x0A]
                index += 1
            case 0x0A, 0x0D: out.append(UInt8(ascii: " "))
            default: out.append(byte)
            }
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func clock(_ seconds: Double) -> (Int, Int, Int, Int) {
        let millis = max(0, Int((seconds * 1000).rounded()))
        return (millis / 3_600_000, millis / 60_000 % 60, millis / 1000 % 60, millis % 1000)
    }

    static func padded(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }

    static func vttTime(_ seconds: Double) -> String {
        let (h, m, s, ms) = clock(seconds)
        return padded(h, 2) + ":" + padded(m, 2) + ":" + padded(s, 2) + "." + padded(ms, 3)
    }

    static func srtTime(_ seconds: Double) -> String {
        let (h, m, s, ms) = clock(seconds)
        return padded(h, 2) + ":" + padded(m, 2) + ":" + padded(s, 2) + "," + padded(ms, 3)
    }
}
