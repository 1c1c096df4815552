import Foundation
import GlossContent
import GlossModel
import Testing
@testable import GlossBuild

/// The document cache must give back every field of a decoded transcript,
/// and nothing from a damaged file or another gloss binary's.
@Suite struct DocumentCacheTests {
    static func document() throws -> Document {
        var front = FrontMatter(title: "Remarks “quoted”", date: CalendarDate(year: 2025, month: 2, day: 12), kind: "speech")
        front.event = "Contact group"
        front.place = "Brussels"
        front.speakers = [SpeakerAppearance(id: "hegseth", role: "Secretary", location: SourceLocation(file: "Content/a.md", line: 4, column: 5),
                                            name: "Pete Hegseth", aliases: ["HEGSETH"])]
        front.source = Source(title: "Transcript", publisher: "DoD", url: "https://example.org/t", retrieved: CalendarDate(year: 2025, month: 3, day: 1))
        front.media = Media(kind: .video, url: "https://example.org/v.mp4", offset: 1.5)
        front.topics = ["NATO", "Ukraine"]
        front.summary = "A summary."
        front.draft = true
        front.slug = "custom/slug"
        front.params = ["nested": .dictionary(["list": .array([.int(-3), .double(2.5), .bool(false), .null, .string("ü")])])]
        var document = Document(path: "a.md", displayPath: "Content/a.md", slug: "custom/slug", frontMatter: front, body: "", bodyStartLine: 17)
        document.annotations = [Annotation(
            quote: "pre-2014 borders", prefix: "to ", suffix: nil, kind: .factCheck, rating: "misleading", note: "**Note**",
            sources: [SourceLink(title: nil, url: "https://example.org/s")], author: "Desk",
            date: CalendarDate(year: 2025, month: 2, day: 13), location: SourceLocation(file: "Content/a.annotations.yaml", line: 2, column: 3)
        )]
        document.revision = 0xABCD
        return document
    }

    @Test("every field survives a round trip")
    func roundTrip() throws {
        let document = try Self.document()
        let bytes = DocumentCache.encode([(document.revision, KnownDocument(document: document, bodyOffset: 321))], stamp: 9)
        let decoded = try DocumentCache.decode(bytes, stamp: 9)
        let known = try #require(decoded[document.revision])
        #expect(known.bodyOffset == 321)
        #expect(known.document == document)
        #expect(known.document.annotations == document.annotations)
        #expect(try DocumentCache.decode(bytes, stamp: 10).isEmpty)
    }

    @Test("a damaged file gives nothing")
    func damaged() throws {
        let document = try Self.document()
        let bytes = DocumentCache.encode([(document.revision, KnownDocument(document: document, bodyOffset: 1))], stamp: 9)
        for position in [0, bytes.count / 2, bytes.count - 1] {
            var damaged = bytes
            damaged[position] ^= 0x01
            #expect((try? DocumentCache.decode(damaged, stamp: 9)) == nil, "byte \(position)")
        }
        #expect((try? DocumentCache.decode(Array(bytes.dropLast()), stamp: 9)) == nil)
    }
}
