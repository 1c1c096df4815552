/// A problem found in the user's input, reported compiler-style.
///
/// Diagnostics are values: every stage collects them and the run prints them
/// all at once, sorted, so one build shows every problem instead of the first.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Hashable, Sendable, Comparable {
        case warning
        case error

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .warning && rhs == .error
        }
    }

    public var severity: Severity
    /// Where the problem is. A file without a line is given line and column 1
    /// only when the problem concerns the file as a whole.
    public var location: SourceLocation?
    public var message: String
    /// A hint on how to fix it, printed on its own line after the message.
    public var note: String?

    public init(_ severity: Severity, at location: SourceLocation?, _ message: String, note: String? = nil) {
        self.severity = severity
        self.location = location
        self.message = message
        self.note = note
    }

    public static func error(at location: SourceLocation?, _ message: String, note: String? = nil) -> Diagnostic {
        Diagnostic(.error, at: location, message, note: note)
    }

    public static func warning(at location: SourceLocation?, _ message: String, note: String? = nil) -> Diagnostic {
        Diagnostic(.warning, at: location, message, note: note)
    }

    /// `file:line:column: error: message`, then `note: …` on the next line.
    public var description: String {
        var text = ""
        if let location { text += "\(location): " }
        text += "\(severity.rawValue): \(message)"
        if let note { text += "\n    note: " + Self.indentingFollowingLines(of: note) }
        return text
    }

    /// A note of several lines (an example to copy, say) stays visibly part of
    /// its diagnostic: later lines are indented under the first.
    public static func indentingFollowingLines(of note: String) -> String {
        note.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n          ")
    }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// Errors and warnings in reading order: by file, line and column; problems
    /// without a location first, since they usually concern the whole run.
    public func sortedForDisplay() -> [Diagnostic] {
        enumerated().sorted { a, b in
            switch (a.element.location, b.element.location) {
            case (nil, nil): return a.offset < b.offset
            case (nil, _): return true
            case (_, nil): return false
            case let (l?, r?): return l == r ? a.offset < b.offset : l < r
            }
        }.map(\.element)
    }
}
