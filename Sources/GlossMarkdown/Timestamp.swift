/// A time into the recording written as `[mm:ss]`, `[hh:mm:ss]` or
/// `[hh:mm:ss.cc]` at the head of a turn.
struct Timestamp: Hashable, Sendable {
    var hours: Int
    var minutes: Int
    var seconds: Int
    /// Hundredths of a second, as written (`50` in `[00:01:12.50]`), or nil.
    var centiseconds: Int?
    /// The digits as written, without brackets (`00:01:12`).
    var text: String

    /// Why a bracketed time could not be read.
    enum Problem: Error, Equatable {
        case shape
        case range
        var message: String {
            switch self {
            case .shape: "write it as [mm:ss], [hh:mm:ss] or [hh:mm:ss.cc]"
            case .range: "minutes and seconds run from 00 to 59"
            }
        }
    }

    /// True when `inner` (the UTF-8 text between the brackets) looks like an
    /// attempt at a time: digits, colons and dots only, with a colon.
    static func looksLikeTime(_ inner: some Collection<UInt8>) -> Bool {
        inner.contains(UInt8(ascii: ":")) && inner.allSatisfy { $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: ".") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }

    /// Reads `inner`, the text between the brackets.
    ///
    /// Works on the UTF-8 bytes: every turn head has a time, and a valid one
    /// is ASCII digits, colons and at most one dot.
    static func parse(_ inner: Substring) -> Result<Timestamp, Problem> {
        var utf8 = inner.utf8[...]
        var centiseconds: Int?
        if let dot = utf8.firstIndex(of: UInt8(ascii: ".")) {
            guard let value = number(utf8[utf8.index(after: dot)...]), utf8.distance(from: dot, to: utf8.endIndex) == 3
            else { return .failure(.shape) }
            centiseconds = value
            utf8 = utf8[..<dot]
        }
        // Up to three fields split at colons; a fourth is a misshapen time.
        var fields: [Int] = []
        var widths: [Int] = []
        var fieldStart = utf8.startIndex
        var index = utf8.startIndex
        while true {
            if index == utf8.endIndex || utf8[index] == UInt8(ascii: ":") {
                let field = utf8[fieldStart..<index]
                guard fields.count < 3, let value = number(field) else { return .failure(.shape) }
                fields.append(value)
                widths.append(field.count)
                if index == utf8.endIndex { break }
                fieldStart = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        // `mm:ss` takes two digits each; `h:mm:ss` any number of hours.
        guard fields.count >= 2, widths.dropFirst().allSatisfy({ $0 == 2 }), fields.count == 3 || widths[0] == 2
        else { return .failure(.shape) }
        let (hours, minutes, seconds) = fields.count == 3 ? (fields[0], fields[1], fields[2]) : (0, fields[0], fields[1])
        guard minutes < 60, seconds < 60 else { return .failure(.range) }
        return .success(Timestamp(hours: hours, minutes: minutes, seconds: seconds, centiseconds: centiseconds, text: String(inner)))
    }

    /// The value of a run of ASCII digits; nil when it is empty, holds
    /// anything else, or is too long to be a time.
    private static func number(_ digits: Substring.UTF8View.SubSequence) -> Int? {
        guard !digits.isEmpty, digits.count <= 18 else { return nil }
        var value = 0
        for byte in digits {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    /// Seconds from the transcript's `00:00`.
    var totalSeconds: Double {
        Double(hours * 3600 + minutes * 60 + seconds) + Double(centiseconds ?? 0) / 100
    }

    /// `t-00-01-12`, or `t-00-01-12-50` with hundredths.
    var id: String {
        var id = "t-" + Self.twoDigits(hours) + "-" + Self.twoDigits(minutes) + "-" + Self.twoDigits(seconds)
        if let centiseconds { id += "-" + Self.twoDigits(centiseconds) }
        return id
    }

    /// ISO 8601 duration for `<time datetime>`: `PT1M12S`, `PT1M12.5S`, `PT0S`.
    var isoDuration: String {
        var text = "PT"
        if hours > 0 { text += "\(hours)H" }
        if minutes > 0 { text += "\(minutes)M" }
        let wholeSeconds = seconds
        if let centiseconds, centiseconds > 0 {
            text += "\(wholeSeconds)." + Self.fraction(centiseconds) + "S"
        } else if wholeSeconds > 0 || text == "PT" {
            text += "\(wholeSeconds)S"
        }
        return text
    }

    /// A number of seconds as short as it can be written: `72`, `72.5`.
    static func format(seconds: Double) -> String {
        guard seconds.isFinite else { return "0" }
        if seconds == seconds.rounded(), abs(seconds) < 1e15 { return String(Int(seconds)) }
        let hundredths = Int((seconds * 100).rounded())
        let whole = hundredths / 100
        return "\(whole)." + fraction(abs(hundredths % 100))
    }

    private static func fraction(_ centiseconds: Int) -> String {
        var digits = twoDigits(centiseconds)
        while digits.hasSuffix("0") { digits.removeLast() }
        return digits
    }

    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : String(value)
    }
}
