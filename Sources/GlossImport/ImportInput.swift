import Foundation
import GlossModel

/// The formats `gloss import` reads.
public enum ImportFormat: String, CaseIterable, Sendable {
    case auto, text, markdown, html, rss, atom, vtt, srt
}

/// An input that cannot be imported: the diagnostic names the file, and
/// where there is one, the line and column, what was expected and found.
public struct ImportFailure: Error, Hashable, Sendable {
    public var diagnostic: Diagnostic

    public init(_ diagnostic: Diagnostic) {
        self.diagnostic = diagnostic
    }

    static func at(_ file: String, line: Int = 1, column: Int = 1, _ message: String, note: String? = nil) -> ImportFailure {
        ImportFailure(.error(at: SourceLocation(file: file, line: line, column: column), message, note: note))
    }
}

/// One file to import: its name as the user gave it (`-` for standard
/// input) and its bytes.
public struct ImportInput: Sendable {
    public var name: String
    public var bytes: [UInt8]

    public init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
    }

    /// The file name without folders or extension (`hegseth` for `a/hegseth.txt`).
    var stem: String {
        let last = name.split(separator: "/").last.map(String.init) ?? name
        guard let dot = last.lastIndex(of: "."), dot != last.startIndex else { return last }
        return String(last[..<dot])
    }

    var fileExtension: String {
        let last = name.split(separator: "/").last.map(String.init) ?? name
        guard let dot = last.lastIndex(of: ".") else { return "" }
        return last[last.index(after: dot)...].lowercased()
    }

    /// The text, or a failure naming the first byte that is not UTF-8 text.
    /// Line endings become `\n` and a byte order mark is dropped.
    func text() throws(ImportFailure) -> String {
        var line = 1
        var column = 0
        var continuation = 0
        let padded = bytes.contains(0) && Self.nulsArePadding(bytes)
        for byte in bytes {
            if continuation > 0, byte & 0xC0 == 0x80 { continuation -= 1; continue }
            column += 1
            continuation = byte >= 0xF0 ? 3 : byte >= 0xE0 ? 2 : byte >= 0xC0 ? 1 : 0
            if byte == 0 {
                // The Government Publishing Office pads some lines of its
                // records with NULs up to the line's end; a binary file has
                // them anywhere.
                if padded { continue }
                throw .at(name, line: line, column: column, "binary file: expected text, found a NUL byte",
                          note: "import text, Markdown, HTML, RSS, Atom, WebVTT or SRT files")
            }
            if byte == UInt8(ascii: "\n") { line += 1; column = 0 }
        }
        let readable = padded ? bytes.filter { $0 != 0 } : bytes
        guard let decoded = String(validating: readable, as: UTF8.self) else {
            let (badLine, badColumn) = Self.firstInvalidUTF8(bytes)
            throw .at(name, line: badLine, column: badColumn, "not UTF-8 text: found a byte sequence that is not UTF-8",
                      note: "convert the file to UTF-8 first, e.g. with iconv")
        }
        var text = decoded
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        if text.utf8.contains(0x0D) {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        return text
    }

    /// Whether every run of NULs starts or ends a line of what is
    /// otherwise UTF-8 text: padding, not a binary file.
    private static func nulsArePadding(_ bytes: [UInt8]) -> Bool {
        var index = 0
        while index < bytes.count {
            guard bytes[index] == 0 else { index += 1; continue }
            let start = index
            while index < bytes.count, bytes[index] == 0 { index += 1 }
            let startsLine = start > 0 && bytes[start - 1] == 0x0A
            let endsLine = index < bytes.count && bytes[index] == 0x0A
            if !(startsLine || endsLine) || start == 0 { return false }
        }
        return String(validating: bytes.filter { $0 != 0 }, as: UTF8.self) != nil
    }

    private static func firstInvalidUTF8(_ bytes: [UInt8]) -> (Int, Int) {
        var line = 1
        var column = 1
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length = byte < 0x80 ? 1 : byte >> 5 == 0b110 ? 2 : byte >> 4 == 0b1110 ? 3 : byte >> 3 == 0b11110 ? 4 : 0
            guard length > 0, index + length <= bytes.count,
                  String(validating: bytes[index..<(index + length)], as: UTF8.self) != nil
            else { return (line, column) }
            if byte == UInt8(ascii: "\n") { line += 1; column = 1 } else { column += 1 }
            index += length
        }
        return (line, column)
    }
}

enum FormatDetector {
    /// The format of `text`: from its first bytes, which say what it is;
    /// the file name's extension decides only between text and what the
    /// content cannot tell (a broken caption file still reads as captions).
    static func detect(_ text: String, fileExtension: String) -> ImportFormat {
        let head = String(text.prefix(2048)).trimmingSpaces.drop { $0 == "\n" || $0 == " " || $0 == "\t" }
        let lowered = head.lowercased()
        if head.hasPrefix("WEBVTT") { return .vtt }
        if looksLikeSRT(head) { return .srt }
        if lowered.hasPrefix("<?xml") || lowered.hasPrefix("<rss") || lowered.hasPrefix("<feed") || lowered.hasPrefix("<rdf") {
            if lowered.contains("<feed") { return .atom }
            if lowered.contains("<rss") || lowered.contains("<rdf") { return .rss }
            if lowered.contains("<html") { return .html }
            return fileExtension == "atom" ? .atom : .rss
        }
        if lowered.hasPrefix("<!doctype html") || lowered.hasPrefix("<html") || lowered.hasPrefix("<!--") && lowered.contains("<html")
            || (lowered.hasPrefix("<") && (lowered.contains("<body") || lowered.contains("<p>") || lowered.contains("<div"))) {
            return .html
        }
        if head.hasPrefix("---\n") { return .markdown }
        switch fileExtension {
        case "vtt": return .vtt
        case "srt": return .srt
        case "rss", "xml": return .rss
        case "atom": return .atom
        case "html", "htm", "xhtml": return .html
        case "md", "markdown": return .markdown
        default: break
        }
        // Bold speaker labels and escaped brackets are Markdown, not prose.
        let markdownMarks = ["\n**", "\\[", "](http"]
        if head.hasPrefix("**") || markdownMarks.contains(where: { head.contains($0) }) { return .markdown }
        return .text
    }

    private static func looksLikeSRT(_ head: Substring) -> Bool {
        let lines = head.split(separator: "\n", maxSplits: 2, omittingEmptySubsequences: false)
        guard lines.count >= 2, lines[0].trimmingSpaces.allSatisfy(\.isASCIIDigit), !lines[0].trimmingSpaces.isEmpty else { return false }
        return lines[1].contains("-->")
    }
}
