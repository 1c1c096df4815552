import Foundation
import GlossModel

/// Where the CLI talks to the user: diagnostics to standard error, status to
/// standard output, colour only on a terminal and never when NO_COLOR is set.
struct Console {
    let colour = isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil

    func report(_ diagnostics: [Diagnostic]) {
        guard !diagnostics.isEmpty else { return }
        var text = ""
        for diagnostic in diagnostics.sortedForDisplay() {
            text += render(diagnostic) + "\n"
        }
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Written at once, unbuffered: `serve` reports as it goes, often into a
    /// pipe or a log.
    func status(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    func tally(_ diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        var parts: [String] = []
        if errors > 0 { parts.append(errors == 1 ? "1 error" : "\(errors) errors") }
        if warnings > 0 { parts.append(warnings == 1 ? "1 warning" : "\(warnings) warnings") }
        return parts.joined(separator: ", ")
    }

    static func seconds(_ duration: Duration) -> String {
        let milliseconds = Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
        return milliseconds < 1000 ? "\(Int(milliseconds.rounded())) ms" : String(format: "%.2f s", milliseconds / 1000)
    }

    private func render(_ diagnostic: Diagnostic) -> String {
        guard colour else { return diagnostic.description }
        let label = diagnostic.severity == .error ? "\u{1B}[1;31merror:\u{1B}[0m" : "\u{1B}[1;35mwarning:\u{1B}[0m"
        var text = ""
        if let location = diagnostic.location { text += "\u{1B}[1m\(location):\u{1B}[0m " }
        text += "\(label) \u{1B}[1m\(diagnostic.message)\u{1B}[0m"
        if let note = diagnostic.note { text += "\n    \u{1B}[1;36mnote:\u{1B}[0m \(Diagnostic.indentingFollowingLines(of: note))" }
        return text
    }
}
