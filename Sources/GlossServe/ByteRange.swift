import Foundation

/// A `Range` request header, read against a body of known length.
///
/// One range is enough for seeking in audio and video; a request for several
/// is answered with the whole body, which HTTP allows.
enum ByteRange: Equatable {
    /// Serve these bytes with 206.
    case partial(ClosedRange<Int>)
    /// Serve the whole body with 200 (no range, several ranges, a unit other than bytes).
    case whole
    /// 416: the range lies entirely past the end.
    case unsatisfiable

    init(header: String?, length: Int) {
        guard let header else { self = .whole; return }
        let trimmed = header.trimmingCharacters(in: .whitespaces)
        guard trimmed.lowercased().hasPrefix("bytes=") else { self = .whole; return }
        let spec = trimmed.dropFirst("bytes=".count).trimmingCharacters(in: .whitespaces)
        guard !spec.contains(","), let dash = spec.firstIndex(of: "-") else { self = .whole; return }
        let first = spec[..<dash].trimmingCharacters(in: .whitespaces)
        let last = spec[spec.index(after: dash)...].trimmingCharacters(in: .whitespaces)
        let isDigits = { (text: String) in !text.isEmpty && text.allSatisfy(\.isASCII) && text.allSatisfy(\.isNumber) }
        switch (first.isEmpty, last.isEmpty) {
        case (true, false):
            // A suffix: the last N bytes.
            guard isDigits(last) else { self = .whole; return }
            let count = min(Int(last) ?? .max, length)
            self = count > 0 ? .partial((length - count) ... (length - 1)) : .unsatisfiable
        case (false, _):
            guard isDigits(first), last.isEmpty || isDigits(last) else { self = .whole; return }
            // Digits that overflow Int are past any real end.
            let start = Int(first) ?? .max
            guard start < length else { self = .unsatisfiable; return }
            let end = last.isEmpty ? length - 1 : min(Int(last) ?? .max, length - 1)
            guard end >= start else { self = .whole; return }
            self = .partial(start ... end)
        case (true, true):
            self = .whole
        }
    }
}
