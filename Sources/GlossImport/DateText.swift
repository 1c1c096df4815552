import GlossModel

/// Dates as sources write them: `2025-02-12`, `2025-02-12T16:41:44-04:00`,
/// `February 12, 2025`, `12 Feb 2025`, `Wed, 12 Feb 2025 10:00:00 +0000`.
/// Only the calendar day is kept, as written (no time-zone conversion).
enum DateText {
    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    static func parse(_ text: String) -> CalendarDate? {
        let trimmed = text.trimmingSpaces
        if trimmed.count >= 10 {
            let iso = trimmed.prefix(10)
            if iso.dropFirst(4).first == "-", let date = CalendarDate(iso: String(iso)) { return date }
        }
        return find(in: trimmed)
    }

    /// The first `Month D, YYYY` or `D Month YYYY` in `text`.
    static func find(in text: String) -> CalendarDate? {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\u{00A0}" }).map(String.init)
        for (index, word) in words.enumerated() {
            guard let month = month(word) else { continue }
            // Month D, YYYY
            if index + 2 < words.count, let day = Int(words[index + 1]), let year = year(words[index + 2]),
               let date = CalendarDate(year: year, month: month, day: day) { return date }
            // D Month YYYY
            if index >= 1, index + 1 < words.count, let day = Int(words[index - 1]), let year = year(words[index + 1]),
               let date = CalendarDate(year: year, month: month, day: day) { return date }
        }
        return nil
    }

    private static func month(_ word: String) -> Int? {
        let lowered = word.lowercased().trimmingCharacters(in: ".")
        guard lowered.count >= 3, let index = months.firstIndex(where: { lowered.hasPrefix($0) }) else { return nil }
        let full = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"][index]
        return full.hasPrefix(lowered) || lowered == "sept" ? index + 1 : nil
    }

    private static func year(_ word: String) -> Int? {
        guard word.count == 4, let year = Int(word), year > 1000 else { return nil }
        return year
    }
}

extension String {
    func trimmingCharacters(in character: Character) -> String {
        var text = Substring(self)
        while text.first == character { text = text.dropFirst() }
        while text.last == character { text = text.dropLast() }
        return String(text)
    }
}
