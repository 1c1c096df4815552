/// The bytes of a page being rendered, with the partial indentation the spec
/// asks for: every line a partial (or block) writes starts with the
/// indentation of its standalone tag.
///
/// A line starts after a newline written by template text. Values never start
/// lines: `{{{body}}}` with newlines inside is written as is, as the spec says.
struct OutputBuffer {
    var bytes: [UInt8] = []
    /// The indentation of every standalone partial and block being rendered.
    var indentation: [UInt8] = []
    private var atLineStart = true

    init(reservingCapacity capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    mutating func writeTemplateText(_ text: [UInt8]) {
        guard !text.isEmpty else { return }
        if indentation.isEmpty {
            bytes.append(contentsOf: text)
            atLineStart = text[text.count - 1] == .newline
            return
        }
        var lineStart = 0
        while lineStart < text.count {
            let lineEnd = text[lineStart...].firstIndex(of: .newline).map { $0 + 1 } ?? text.count
            if atLineStart { bytes.append(contentsOf: indentation) }
            bytes.append(contentsOf: text[lineStart..<lineEnd])
            atLineStart = text[lineEnd - 1] == .newline
            lineStart = lineEnd
        }
    }

    mutating func writeValue(_ string: String, escapingHTML: Bool) {
        var string = string
        string.withUTF8 { utf8 in
            guard !utf8.isEmpty else { return }
            startValue()
            if escapingHTML {
                HTMLEscaping.append(utf8, to: &bytes)
            } else {
                bytes.append(contentsOf: utf8)
            }
        }
    }

    mutating func writeValue(_ number: Int) {
        startValue()
        if number < 0 { bytes.append(UInt8(ascii: "-")) }
        // Digits are produced last first, then put in order.
        let start = bytes.count
        var rest = number.magnitude
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(rest % 10))
            rest /= 10
        } while rest > 0
        bytes[start...].reverse()
    }

    private mutating func startValue() {
        if atLineStart, !indentation.isEmpty { bytes.append(contentsOf: indentation) }
        atLineStart = false
    }
}
