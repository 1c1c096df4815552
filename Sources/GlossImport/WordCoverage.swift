/// How much of a source's text survives import and build, measured on
/// words: the share of the source's word sequence found, in order, in the
/// built page's text (the longest common subsequence over the source's
/// length). Case and punctuation are ignored; every letter and digit counts.
public enum WordCoverage {
    /// Words: runs of letters and digits, lower-cased.
    public static func words(_ text: String) -> [Substring] {
        text.lowercased().split { !($0.isLetter || $0.isNumber) }
    }

    /// The words of a page's HTML as a reader sees them: tags, scripts and
    /// styles left out, character references decoded.
    public static func pageText(_ html: String) -> String {
        var text = html
        for element in ["script", "style"] {
            while let open = text.range(of: "<\(element)"), let close = text.range(of: "</\(element)>", range: open.upperBound..<text.endIndex) {
                text.replaceSubrange(open.lowerBound..<close.upperBound, with: " ")
            }
        }
        var out = ""
        var inTag = false
        for character in text {
            if character == "<" { inTag = true; out.append(" ") } else if character == ">" && inTag { inTag = false } else if !inTag { out.append(character) }
        }
        return decodeReferences(out)
    }

    static func decodeReferences(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            guard let semicolon = after.prefix(12).firstIndex(of: ";") else { out += "&"; rest = after; continue }
            let name = after[..<semicolon]
            let named = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{00A0}"]
            if let value = named[String(name)] {
                out += value
            } else if name.hasPrefix("#x") || name.hasPrefix("#X"), let code = UInt32(name.dropFirst(2), radix: 16), let scalar = Unicode.Scalar(code) {
                out.unicodeScalars.append(scalar)
            } else if name.hasPrefix("#"), let code = UInt32(name.dropFirst()), let scalar = Unicode.Scalar(code) {
                out.unicodeScalars.append(scalar)
            } else {
                out += "&" + name + ";"
            }
            rest = after[after.index(after: semicolon)...]
        }
        return out + rest
    }

    /// The share of `source` found in order in `page`, from 0 to 1, with the
    /// first source words that were not found (for a test's message).
    public static func measure(source: [Substring], page: [Substring]) -> (coverage: Double, missing: [String]) {
        guard !source.isEmpty else { return (1, []) }
        let common = lcsPairs(source, page)
        var matched = Array(repeating: false, count: source.count)
        for index in common { matched[index] = true }
        let missing = source.indices.filter { !matched[$0] }.prefix(12).map { index in
            source[max(0, index - 3)...min(source.count - 1, index + 3)].joined(separator: " ")
        }
        return (Double(common.count) / Double(source.count), missing)
    }

    /// Indices in `a` of one longest common subsequence of `a` and `b`, by
    /// Myers' O((N+M)·D) diff: fast when the two differ little, as an
    /// imported page and its source should.
    static func lcsPairs(_ a: [Substring], _ b: [Substring]) -> [Int] {
        let n = a.count
        let m = b.count
        let maxD = n + m
        let offset = maxD + 1
        var v = Array(repeating: 0, count: 2 * maxD + 3)
        var trace: [[Int]] = []
        var found = false
        for d in 0...maxD {
            // Only the diagonals step d can read, so memory grows with D², not D·(N+M).
            trace.append(Array(v[(offset - d)...(offset + d)]))
            for k in stride(from: -d, through: d, by: 2) {
                var x = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) ? v[offset + k + 1] : v[offset + k - 1] + 1
                var y = x - k
                while x < n, y < m, a[x] == b[y] { x += 1; y += 1 }
                v[offset + k] = x
                if x >= n, y >= m { found = true; break }
            }
            if found { break }
        }
        // Walk the trace back to list the diagonal moves (the matches).
        var matches: [Int] = []
        var x = n
        var y = m
        for d in stride(from: trace.count - 1, through: 0, by: -1) {
            let saved = trace[d]
            func at(_ k: Int) -> Int { saved[k + d] }
            let k = x - y
            let previousK = (k == -d || (k != d && at(k - 1) < at(k + 1))) ? k + 1 : k - 1
            let previousX = d == 0 ? 0 : at(previousK)
            let previousY = previousX - previousK
            while x > previousX, y > previousY { x -= 1; y -= 1; matches.append(x) }
            if d > 0 { x = previousX; y = previousY }
        }
        return matches.reversed()
    }
}
