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
    static func parse(_ inner: Substring) -> Result<Timestamp, Problem> {
        var main = inner
        var centiseconds: Int?
        if let dot = inner.firstIndex(of: ".") {
            let fraction = inner[inner.index(after: dot)...]
            guard fraction.count == 2, let value = Int(fraction) else { return .failure(.shape) }
            centiseconds = value
            main = inner[..<dot]
        }
        let parts = main.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              parts.dropFirst().allSatisfy({ $0.count == 2 }),
              let first = parts.first, (1...2).contains(first.count) || parts.count == 3 && !first.isEmpty
        else { return .failure(.shape) }
        if parts.count == 2 && first.count != 2 { return .failure(.shape) }
        let numbers = parts.compactMap { Int($0) }
        guard numbers.count == parts.count else { return .failure(.shape) }
        let (hours, minutes, seconds) = numbers.count == 3 ? (numbers[0], numbers[1], numbers[2]) : (0, numbers[0], numbers[1])
        guard minutes < 60, seconds < 60 else { return .failure(.range) }
        return .success(Timestamp(hours: hours, minutes: minutes, seconds: seconds, centiseconds: centiseconds, text: String(inner)))
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
