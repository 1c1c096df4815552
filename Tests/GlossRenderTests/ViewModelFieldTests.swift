import GlossModel
import Testing
@testable import GlossRender

/// View models answer template lookups through a hand-written `switch`; these
/// tests keep that switch in step with the stored properties it describes.
@Suite struct ViewModelFieldTests {
    static let registry = Dictionary(uniqueKeysWithValues: Fixtures.speakers.map { ($0.id, $0) })

    static var models: [any ViewModel] {
        let document = Fixtures.document(source: Source(title: "DoD", publisher: "DoD", url: "https://example.org", retrieved: CalendarDate(iso: "2025-02-13")))
        let transcript = TranscriptViewModel(document, page: "index.html", speakers: registry, body: "<p>x</p>")
        return [
            transcript,
            DateViewModel(CalendarDate(year: 2025, month: 2, day: 12)!),
            HomeViewModel(transcripts: [transcript]),
            LinksViewModel(page: "a/index.html"),
            PageViewModel(site: SiteViewModel(Fixtures.site), links: LinksViewModel(page: "index.html")),
            SiteViewModel(Fixtures.site),
            SourceViewModel(Source(title: "t"))!,
            MediaViewModel(Media(kind: .video, url: "https://example.org/v.mp4", offset: 2))!,
            SpeakerViewModel(SpeakerAppearance(id: "hegseth"), registry: registry),
        ]
    }

    @Test func everyStoredPropertyIsAFieldTemplatesCanRead() {
        for model in Self.models {
            for case let (label?, _) in Mirror(reflecting: model).children {
                #expect(model.field(named: label) != nil, "\(type(of: model)).\(label) is not readable from templates")
            }
        }
    }

    @Test func namesAViewModelDoesNotHaveFallThroughToOuterContexts() {
        for model in Self.models {
            #expect(model.field(named: "noSuchField") == nil)
        }
    }

    @Test func anEmptyOptionalFieldIsAbsentRatherThanMissing() throws {
        let speaker = SpeakerViewModel(SpeakerAppearance(id: "unknown"), registry: [:])
        let role = try #require(speaker.field(named: "role"))
        #expect(role == nil)
        #expect(speaker.child(named: "role") is Absent)
    }
}
