/// Every occurrence of a sequence of keys in a longer one, overlapping ones
/// included, in time linear in both lengths (Knuth–Morris–Pratt).
enum SubsequenceSearch {
    /// The start index of each occurrence of `pattern` in `text`, at most
    /// `limit` of them; none when `pattern` is empty or holds
    /// `FoldedText.unknownKey`.
    static func occurrences(of pattern: [Int32], in text: [Int32], limit: Int = .max) -> [Int] {
        guard !pattern.isEmpty, pattern.count <= text.count, limit > 0,
              !pattern.contains(FoldedText.unknownKey) else { return [] }
        // failure[i]: the length of the longest proper border of pattern[0...i].
        var failure = [Int](repeating: 0, count: pattern.count)
        var border = 0
        for index in pattern.indices.dropFirst() {
            while border > 0, pattern[index] != pattern[border] { border = failure[border - 1] }
            if pattern[index] == pattern[border] { border += 1 }
            failure[index] = border
        }
        var result: [Int] = []
        var matched = 0
        for (index, key) in text.enumerated() {
            while matched > 0, key != pattern[matched] { matched = failure[matched - 1] }
            if key == pattern[matched] { matched += 1 }
            if matched == pattern.count {
                result.append(index - matched + 1)
                if result.count >= limit { break }
                matched = failure[matched - 1]
            }
        }
        return result
    }
}
