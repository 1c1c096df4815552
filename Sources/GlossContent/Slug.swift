import Foundation
import GlossModel

/// The rules for the URL path of a transcript page.
enum Slug {
    /// The slug for a file at `path` (relative to `Content/`, `/`-separated):
    /// without `.md`, without a final `index`, lowercased, each run of
    /// characters outside `a-z 0-9 - _` turned into one `-`, and no `-` at
    /// either end of a segment. `2025/Hegseth Remarks.md` → `2025/hegseth-remarks`.
    /// Accents are dropped first, so `Café.md` gives `cafe`, not `caf`.
    static func derived(fromPath path: String) -> String {
        var segments = (path.hasSuffix(".md") ? String(path.dropLast(3)) : path)
            .split(separator: "/", omittingEmptySubsequences: false)
        if segments.last == "index" { segments.removeLast() }
        return segments.map(derivedSegment).joined(separator: "/")
    }

    private static func derivedSegment(_ segment: Substring) -> String {
        var result = String.UnicodeScalarView()
        let folded = segment.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
        for scalar in folded.unicodeScalars {
            if isAllowed(scalar) && scalar != "-" {
                result.append(scalar)
            } else if let last = result.last, last != "-" {
                result.append("-")
            }
        }
        while result.last == "-" { result.removeLast() }
        return String(result)
    }

    /// Why `slug` cannot be used, as a phrase that follows the word "slug"
    /// (`must not contain ".."`), or nil when it is fine.
    static func problem(with slug: String) -> String? {
        let segments = slug.split(separator: "/", omittingEmptySubsequences: false)
        if ReservedPaths.names.contains(slug) {
            return "is reserved: Gloss writes /\(slug) itself"
        }
        if let first = segments.first, ReservedPaths.firstSegments.contains(String(first)) {
            return segments.count == 1
                ? "is reserved: Gloss writes its own pages under /\(first)/"
                : "may not start with \"\(first)/\": Gloss writes its own pages there"
        }
        // The home page's later pages (`page/2/`) and the year archives
        // (`archive/2025/`, `archive/2025/page/2/`); `archive/old-speech` is free.
        if let first = segments.first, ReservedPaths.numberedFirstSegments.contains(String(first)),
           segments.count == 1 || (!segments[1].isEmpty && segments[1].allSatisfy { $0 >= "0" && $0 <= "9" }) {
            return segments.count == 1
                ? "is reserved: Gloss writes /\(first)/ itself"
                : "may not start with \"\(first)/\(segments[1])\": Gloss writes its own pages under /\(first)/NUMBER/"
        }
        if slug.isEmpty { return "must not be empty (it would replace the home page)" }
        if slug.hasPrefix("/") { return "must not start with \"/\"" }
        if slug.contains("\\") { return "must not contain \"\\\"" }
        if slug.contains("..") { return "must not contain \"..\"" }
        if segments.contains(where: \.isEmpty) { return "must not have empty segments (\"//\" or a trailing \"/\")" }
        if !segments.allSatisfy({ $0.unicodeScalars.allSatisfy(isAllowed) }) {
            return "must use only a-z, 0-9, \"-\" and \"_\" between its \"/\"s"
        }
        return nil
    }

    private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_"
    }
}
