import Foundation
@testable import GlossContent
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
        front.quoteOverrides = [
            QuoteOverride(quote: "We will never abandon", ruling: .passage(slug: "2025/speech", passageID: "t-00-01-12"),
                          location: SourceLocation(file: "Content/a.md", line: 9, column: 5),
                          sourceLocation: SourceLocation(file: "Content/a.md", line: 10, column: 13)),
            QuoteOverride(quote: "Our budget", ruling: .unpublished(description: "A letter"), location: SourceLocation(file: "Content/a.md", line: 11, column: 5)),
        ]
        front.params = ["nested": .dictionary(["list": .array([.int(-3), .double(2.5), .bool(false), .null, .string("ü")])])]
        var document = Document(path: "a.md", displayPath: "Content/a.md", slug: "custom/slug", frontMatter: front, body: "", bodyStartLine: 17)
        document.annotations = [Annotation(
            quote: "pre-2014 borders", prefix: "to ", suffix: nil, kind: .factCheck, rating: "misleading", note: "**Note**",
            sources: [SourceLink(title: nil, url: "https://example.org/s")], author: "Desk",
            date: CalendarDate(year: 2025, month: 2, day: 13), location: SourceLocation(file: "Content/a.annotations.yaml", line: 2, column: 3)
        )]
        document.revision = 0xABCD
        document.listingRevision = 0x1234
        return document
    }

    func content(_ documents: [Document]) -> LoadedContent {
        var content = LoadedContent(config: SiteConfig(title: "t"), speakers: [], documents: documents, diagnostics: [])
        for document in documents {
            content.transcriptFiles[document.path] = TranscriptFile(stamp: 0, parsed: ParsedDocument(document: document, diagnostics: [], bodyOffset: 321))
        }
        return content
    }

    @Test("every field survives a round trip; another gloss binary's file is not read")
    func roundTrip() throws {
        let temp = try TemporaryDirectory()
        let document = try Self.document()
        let cache = DocumentCache(path: temp.path + "/documents", stamp: 9)
        let logged = cache.write(content([document]), over: nil)
        #expect(logged?.revisions == [document.revision])
        let (read, readLogged) = cache.read()
        #expect(readLogged == logged)
        let known = try #require(read[document.revision])
        #expect(known.bodyOffset == 321)
        // The body is not kept: whoever needs it reads the file again.
        #expect(known.document.isBodyElided)
        #expect(known.document == document.withoutBody())
        #expect(known.document.annotations == document.annotations)
        #expect(DocumentCache(path: temp.path + "/documents", stamp: 10).read().0.isEmpty)
    }

    @Test("an edit appends to the file; what is gone is forgotten")
    func appends() throws {
        let temp = try TemporaryDirectory()
        let first = try Self.document()
        var second = first
        second.path = "b.md"
        second.revision = 0xBEEF
        let cache = DocumentCache(path: temp.path + "/documents", stamp: 9)
        let logged = cache.write(content([first]), over: nil)
        let before = try #require(FileManager.default.contents(atPath: cache.path))
        let both = cache.write(content([first, second]), over: logged)
        let after = try #require(FileManager.default.contents(atPath: cache.path))
        #expect(after.count > before.count)
        #expect(after.prefix(before.count) == before)
        #expect(both?.revisions == [first.revision, second.revision])
        #expect(Set(cache.read().0.keys) == [first.revision, second.revision])
        _ = cache.write(content([second]), over: both)
        #expect(Set(cache.read().0.keys) == [second.revision])
    }

    @Test("a damaged file gives nothing")
    func damaged() throws {
        let temp = try TemporaryDirectory()
        let cache = DocumentCache(path: temp.path + "/documents", stamp: 9)
        _ = cache.write(content([try Self.document()]), over: nil)
        let bytes = [UInt8](try #require(FileManager.default.contents(atPath: cache.path)))
        #expect(!cache.read().0.isEmpty)
        for position in [0, bytes.count / 2, bytes.count - 1] {
            var damaged = bytes
            damaged[position] ^= 0x01
            try Data(damaged).write(to: URL(fileURLWithPath: cache.path))
            #expect(cache.read().0.isEmpty, "byte \(position)")
        }
        try Data(bytes.dropLast()).write(to: URL(fileURLWithPath: cache.path))
        #expect(cache.read().0.isEmpty)
    }
}
