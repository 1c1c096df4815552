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
        guard let colon = raw.firstIndex(of: ":") else { return nil }
        let candidate = raw[..<colon]
        guard let first = candidate.unicodeScalars.first, isASCIILetter(first),
              candidate.unicodeScalars.allSatisfy({ isASCIILetter($0) || ("0"..."9").contains($0) || "+-.".unicodeScalars.contains($0) })
        else { return nil }
        return candidate.lowercased()
    }

    private static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }

    /// `text` with `%XX` escapes decoded; text that does not decode to UTF-8
    /// is compared as written.
    static func decoded(_ text: String) -> String {
        guard text.contains("%") else { return text }
        return text.removingPercentEncoding ?? text
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
