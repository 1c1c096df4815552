import Foundation
import Synchronization
import GlossBuild
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

/// The line a long build draws on standard error while it works: shown only
/// on a terminal, and only once the build has taken more than a second, so
/// quick builds and logs stay clean.
final class BuildProgressLine: Sendable {
    private struct State {
        var lastDrawn: ContinuousClock.Instant?
        var shown = false
    }

    private let enabled = isatty(STDERR_FILENO) == 1
    private let started = ContinuousClock.now
    private let state = Mutex(State())

    func update(_ progress: BuildProgress) {
        guard enabled else { return }
        let now = ContinuousClock.now
        guard started.duration(to: now) > .seconds(1) else { return }
        let line: String? = state.withLock { state in
            // A tenth of a second between redraws, and always the last file.
            if let last = state.lastDrawn, last.duration(to: now) < .milliseconds(100), progress.done != progress.total { return nil }
            state.lastDrawn = now
            state.shown = true
            let count = progress.total > 0 ? " \(progress.done)/\(progress.total)" : ""
            return "\r\u{1B}[K\(progress.step)\(count)…"
        }
        if let line { FileHandle.standardError.write(Data(line.utf8)) }
    }

    /// Clears the line before the summary is printed.
    func finish() {
        if state.withLock({ $0.shown }) { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
