import GlossModel
@testable import GlossSite

/// A small site: three dated transcripts sharing speakers and topics, a nested
/// one, an undated page and a file name with spaces.
enum SiteIndexFixture {
    static func date(_ iso: String) -> CalendarDate? { CalendarDate(iso: iso) }

    static let documents: [IndexedDocument] = [
        IndexedDocument(
            slug: "2025/hegseth", path: "2025/hegseth.md", title: "Hegseth at NATO", date: date("2025-02-12"),
            topics: ["European security", "NATO"], speakerIDs: ["hegseth"],
            anchors: ["t-00-12-31", "p-3f2a1c", "borders"]
        ),
        IndexedDocument(
            slug: "2025/vance", path: "2025/vance.md", title: "Vance in Munich", date: date("2025-02-14"),
            topics: ["european security"], speakerIDs: ["vance"], anchors: ["t-00-01-00"]
        ),
        IndexedDocument(
            slug: "2024/rutte", path: "2024/rutte.md", title: "Rutte", date: date("2024-11-01"),
            topics: ["NATO"], speakerIDs: ["rutte", "hegseth"], anchors: ["p-aaaaaa"]
        ),
        IndexedDocument(
            slug: "2025/deep/q-and-a", path: "2025/deep/q-and-a.md", title: "Q&A", date: date("2025-03-01"),
            topics: ["Nato"], speakerIDs: [], anchors: []
        ),
        IndexedDocument(slug: "about", path: "about.md", title: "About", anchors: ["intro", "café"]),
        IndexedDocument(slug: "2025/state-of-the-union", path: "2025/state of the union.md", title: "SOTU", date: date("2025-03-04")),
    ]

    static let speakers: [Speaker] = [
        Speaker(id: "hegseth", name: "Pete Hegseth", aliases: ["HEGSETH", "Secretary Hegseth"]),
        Speaker(id: "vance", name: "JD Vance"),
        Speaker(id: "rutte", name: "Mark Rutte"),
    ]

    static let index = SiteIndex(documents: documents, speakers: speakers)
}
