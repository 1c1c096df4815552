import Foundation

/// A link destination taken apart: `path?query#fragment`, each part as written.
struct LinkDestination: Equatable {
    /// Everything before `?` or `#`.
    var path: String
    /// `?…` including the `?`, or empty.
    var query: String
    /// The part after `#`, without it; nil when there is no `#`.
    var fragment: String?

    init(_ raw: String) {
        var rest = Substring(raw)
        if let hash = rest.firstIndex(of: "#") {
            fragment = String(rest[rest.index(after: hash)...])
            rest = rest[..<hash]
        } else {
            fragment = nil
        }
        if let question = rest.firstIndex(of: "?") {
            query = String(rest[question...])
            rest = rest[..<question]
        } else {
            query = ""
        }
        path = String(rest)
    }

    /// `?query#fragment` as written, to put back after a rewritten path.
    var suffix: String {
        query + (fragment.map { "#" + $0 } ?? "")
    }

    /// The fragment percent-decoded, as anchor ids are compared.
    var decodedFragment: String? {
        fragment.map(LinkDestination.decoded)
    }

    /// The URL scheme (`https`, `speaker`), lowercased, when `raw` starts with
    /// one: a letter, then letters, digits, `+`, `-` or `.`, then `:`, before
    /// any `/`, `?` or `#` (RFC 3986 §3.1).
    static func scheme(of raw: String) -> String? {
        var length = 0
        for byte in raw.utf8 {
            switch byte {
            case UInt8(ascii: ":"):
                guard length > 0 else { return nil }
                return String(decoding: raw.utf8.prefix(length), as: UTF8.self).lowercased()
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
                length += 1
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
                guard length > 0 else { return nil }
                length += 1
            default:
                return nil
            }
        }
        return nil
    }

    /// `text` with `%XX` escapes decoded; text that does not decode to UTF-8
    /// is compared as written.
    static func decoded(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "%")) else { return text }
        return text.removingPercentEncoding ?? text
    }

    /// Whether `path` ends in `.md`, in any case.
    static func namesMarkdownFile(_ path: String) -> Bool {
        let tail = path.utf8.suffix(3)
        guard tail.count == 3 else { return false }
        let bytes = Array(tail)
        return bytes[0] == UInt8(ascii: ".") && bytes[1] | 0x20 == UInt8(ascii: "m") && bytes[2] | 0x20 == UInt8(ascii: "d")
    }

    /// `path`'s segments with `.` and empty segments dropped and `..` applied,
    /// or nil when `..` climbs above the root.
    static func normalizedSegments(_ segments: [Substring]) -> [Substring]? {
        var result: [Substring] = []
        for segment in segments {
            switch segment {
            case "", ".": continue
            case "..":
                guard !result.isEmpty else { return nil }
                result.removeLast()
            default: result.append(segment)
            }
        }
        return result
    }
}
