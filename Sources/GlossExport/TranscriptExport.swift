import GlossModel
import Synchronization

/// What one transcript's data files are made of: its document, the site,
/// the speakers, and where its words sit in the built page. A view of what
/// the build already knows; every writer here is a pure function of it.
public struct TranscriptExport: Sendable {
    public var document: Document
    public var site: SiteConfig
    /// The speakers' registry by id.
    public var speakers: [String: Speaker]
    public var page: PageText
    public var links: ExportLinks
    /// The captions' cues, worked out once for the three caption files.
    let cueCache = CueCache()

    public init(document: Document, site: SiteConfig, speakers: [String: Speaker], page: PageText, links: ExportLinks) {
        self.document = document
        self.site = site
        self.speakers = speakers
        self.page = page
        self.links = links
    }

    /// One note as the exports describe it.
    public struct Note: Sendable {
        public var key: String
        public var number: Int?
        /// `context`, `fact-check`, `correction`, `translation` or `point`.
        public var kind: String
        /// The range note's entry in the front matter or sidecar; nil for a point note.
        public var annotation: Annotation?
        public var html: String
        /// The words the note is pinned to, one range per place (a point
        /// note referenced twice has two); empty when a place has no word.
        public var targets: [Range<Int>]
    }

    /// Range notes in the order they are declared, then point notes in page order.
    public var notes: [Note] {
        var result: [Note] = []
        let shown = Dictionary(page.notes.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        for (index, annotation) in document.annotations.enumerated() {
            let key = "a\(index + 1)"
            guard let range = page.marks[key] else { continue }
            result.append(Note(
                key: key, number: shown[key]?.number, kind: annotation.kind.rawValue, annotation: annotation,
                html: shown[key]?.html ?? "", targets: [range]
            ))
        }
        for note in page.notes where note.kind == "point" {
            let targets = (page.references[note.key] ?? []).map(wordBefore)
            result.append(Note(key: note.key, number: note.number, kind: "point", annotation: nil, html: note.html, targets: targets))
        }
        return result
    }

    /// The run of non-space characters just before `position` (a point note's word).
    func wordBefore(_ position: Int) -> Range<Int> {
        var start = min(position, page.scalars.count)
        while start > 0, !PageText.isWhitespace(page.scalars[start - 1]) { start -= 1 }
        return start..<min(position, page.scalars.count)
    }

    public var hasTimestamps: Bool { page.turns.contains { $0.seconds != nil } }

    func speakerName(_ turn: PageText.Turn) -> String {
        if !turn.speakerName.isEmpty { return turn.speakerName }
        if let id = turn.speakerID { return speakers[id]?.name ?? document.frontMatter.speakers.first { $0.id == id }?.name ?? id }
        return ""
    }

    func role(ofSpeaker id: String) -> String? {
        document.frontMatter.speakers.first { $0.id == id }?.role ?? speakers[id]?.role
    }

    static func dateTime(_ date: CalendarDate) -> String { date.iso + "T00:00:00Z" }
}

/// The IRIs the data files use: absolute under `base_url` when the site has
/// one, else relative to the file that holds them.
public struct ExportLinks: Sendable {
    /// The transcript's page (`https://example.org/2025/x/` or `./`).
    public var page: String
    /// The directory of the transcript's files, ending in `/` (or empty).
    public var directory: String
    /// The site-wide collection, as seen from the transcript's directory.
    public var siteCollection: String

    public init(page: String, directory: String, siteCollection: String) {
        self.page = page
        self.directory = directory
        self.siteCollection = siteCollection
    }

    public func file(_ name: String) -> String { directory + name }
}

/// Cues made once and shared by the copies of a ``TranscriptExport``: the
/// WebVTT, SRT and podcast files are written from the same cues, often on
/// different threads.
final class CueCache: Sendable {
    private let made = Mutex<[TranscriptExport.Cue]?>(nil)

    func cues(_ make: () -> [TranscriptExport.Cue]) -> [TranscriptExport.Cue] {
        made.withLock { made in
            if let made { return made }
            let cues = make()
            made = cues
            return cues
        }
    }
}
