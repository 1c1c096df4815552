import Foundation
import GlossModel
import GlossRender

/// Small, real-looking inputs shared by the tests.
enum Fixtures {
    static let site = SiteConfig(title: "Contact Group Transcripts", language: "en-GB", description: "Remarks, annotated.")

    static let speakers = [
        Speaker(id: "hegseth", name: "Pete Hegseth", role: "U.S. Secretary of Defense"),
        Speaker(id: "healey", name: "John Healey", role: "UK Defence Secretary"),
    ]

    static func document(
        slug: String = "2025/hegseth-contact-group",
        title: String = "Remarks to the Ukraine Defense Contact Group",
        date: String? = "2025-02-12",
        speakers: [SpeakerAppearance] = [SpeakerAppearance(id: "hegseth")],
        source: Source? = nil,
        media: Media? = nil,
        summary: String? = nil
    ) -> Document {
        Document(
            path: slug + ".md",
            displayPath: "Content/" + slug + ".md",
            slug: slug,
            frontMatter: FrontMatter(
                title: title,
                date: date.flatMap(CalendarDate.init(iso:)),
                kind: "speech",
                event: "Ukraine Defense Contact Group",
                place: "NATO Headquarters, Brussels",
                speakers: speakers,
                source: source,
                media: media,
                summary: summary
            ),
            body: "",
            bodyStartLine: 1
        )
    }

    static func renderer(theme: Theme = .builtIn, site: SiteConfig = site) throws -> PageRenderer {
        try PageRenderer(theme: theme, site: site, speakers: speakers)
    }

    static func transcriptPage(_ document: Document, body: String = "<p>The bloodshed must stop.</p>") throws -> String {
        try renderer().transcriptPage(TranscriptPageInput(document: document, bodyHTML: body))
    }

    /// A fresh directory for a site's `Templates/`, removed by the caller.
    static func templatesDirectory(_ files: [String: String]) throws -> URL {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("gloss-render-tests-\(UUID().uuidString)", isDirectory: true)
        for (path, text) in files {
            let file = directory.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file)
        }
        return directory
    }

    /// Compiles the built-in theme with `files` laid over it and returns the diagnostics.
    static func themeDiagnostics(_ files: [String: String]) throws -> [Diagnostic] {
        let directory = try templatesDirectory(files)
        defer { try? FileManager.default.removeItem(at: directory) }
        let (theme, loadDiagnostics) = Theme.load(overridesFrom: directory.path, displayPath: "Templates")
        do {
            _ = try renderer(theme: theme)
            return loadDiagnostics
        } catch let error as ThemeError {
            return loadDiagnostics + error.diagnostics
        }
    }
}
