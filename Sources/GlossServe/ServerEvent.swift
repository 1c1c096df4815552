import Foundation
import GlossModel

/// A message to open pages, sent as one Server-Sent Event with a JSON body.
///
/// - `reload`: a new site is complete and in place; reload the page.
/// - `errors`: the last rebuild failed; show its diagnostics over the page
///   (the previous site is still the one served).
/// - `ok`: the site builds; remove any overlay.
public enum ServerEvent: Equatable, Sendable {
    case reload
    case errors([Diagnostic])
    case ok

    public var name: String {
        switch self {
        case .reload: "reload"
        case .errors: "errors"
        case .ok: "ok"
        }
    }

    /// The event in `text/event-stream` framing: JSON has no raw newlines, so
    /// one `data:` line always carries it whole.
    public var wireFormat: String {
        "event: \(name)\ndata: \(json)\n\n"
    }

    var json: String {
        let payload: Payload
        switch self {
        case .reload, .ok:
            payload = Payload(diagnostics: nil)
        case .errors(let diagnostics):
            payload = Payload(diagnostics: diagnostics.sortedForDisplay().map(Payload.Entry.init))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(payload) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    /// The JSON body; the overlay script reads these field names.
    struct Payload: Codable {
        struct Entry: Codable {
            var severity: String
            /// `file:line:column`, as the terminal shows it; absent for a
            /// problem with the whole run.
            var location: String?
            var message: String
            var note: String?

            init(_ diagnostic: Diagnostic) {
                severity = diagnostic.severity.rawValue
                location = diagnostic.location?.description
                message = diagnostic.message
                note = diagnostic.note
            }
        }

        var diagnostics: [Entry]?
    }
}
