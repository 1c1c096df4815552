/// How many single-character edits turn one word into another, for "did you
/// mean" suggestions: insertions, deletions, substitutions, and swaps of two
/// neighbours, which count once because `dtae` is one slip, not two.
public enum EditDistance {
    public static func between(_ a: String, _ b: String, ignoringCase: Bool = true) -> Int {
        let a = Array((ignoringCase ? a.lowercased() : a).unicodeScalars)
        let b = Array((ignoringCase ? b.lowercased() : b).unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], beforePrevious[j - 2] + 1)
                }
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }
}
