import Foundation
import GlossContent
import GlossModel
import Testing

/// A load given the documents an earlier process decoded takes a transcript
/// from them only when its files hash to the same revision.
@Suite struct KnownDocumentTests {
    static let text = "---\ntitle: Remarks\nspeakers: [hegseth]\n---\n\n**Pete Hegseth:** We are here.\n"

    @Test("a transcript whose files are unchanged is taken from the known documents, its body from the file")
    func unchangedIsTaken() throws {
        let first = load(content(["a.md": Self.text]))
        let parsed = try #require(first.transcriptFiles["a.md"]?.parsed)
        let document = try #require(parsed.document)
        let offset = try #require(parsed.bodyOffset)
        #expect(Array(Self.text.utf8)[offset...].elementsEqual(document.body.utf8))

        // Marked, so that the test can tell a kept document from a decoded one.
        var kept = document
        kept.frontMatter.title = "As decoded before"
        kept.body = ""
        let known = [document.revision: KnownDocument(document: kept, bodyOffset: offset)]
        let again = ContentLoader(fileSystem: content(["a.md": Self.text])).load(directory: "Content", displayPath: "Content", known: known)
        let taken = try #require(again.documents.first)
        #expect(taken.frontMatter.title == "As decoded before")
        #expect(taken.body == document.body)
        #expect(taken.revision == document.revision)

        let edited = Self.text + "\nMore.\n"
        let changed = ContentLoader(fileSystem: content(["a.md": edited])).load(directory: "Content", displayPath: "Content", known: known)
        #expect(changed.documents.first?.frontMatter.title == "Remarks")
        #expect(changed.documents.first?.body.hasSuffix("More.\n") == true)
    }

    @Test("the listing revision follows the front matter and the path, not the words or the sidecar")
    func listingRevision() throws {
        func revisions(_ files: [String: String]) throws -> (whole: UInt64, listing: UInt64) {
            let document = try #require(load(content(files)).documents.first)
            return (document.revision, document.listingRevision)
        }
        let base = try revisions(["a.md": Self.text])
        let reworded = try revisions(["a.md": Self.text + "\nMore.\n"])
        let annotated = try revisions(["a.md": Self.text, "a.annotations.yaml": "- quote: We are here\n  note: A note.\n"])
        let retitled = try revisions(["a.md": Self.text.replacingOccurrences(of: "Remarks", with: "Speech")])
        let moved = try revisions(["b.md": Self.text])
        #expect(base.listing != 0)
        #expect(reworded.whole != base.whole && reworded.listing == base.listing)
        #expect(annotated.whole != base.whole && annotated.listing == base.listing)
        #expect(retitled.listing != base.listing)
        #expect(moved.listing != base.listing)
    }

    @Test("a transcript reloaded on its own is the one the whole load gave, sidecar annotations included")
    func reloadMatchesLoad() throws {
        let sidecar = "- quote: We are here\n  note: A note.\n"
        let fileSystem = content(["2025/a.md": Self.text, "2025/a.annotations.yaml": sidecar])
        let loaded = try #require(load(fileSystem).documents.first)
        #expect(loaded.annotations.count == 1)
        let reloaded = ContentLoader(fileSystem: fileSystem).reload("2025/a.md", directory: "Content", displayPath: "Content")
        #expect(reloaded == loaded)
        #expect(ContentLoader(fileSystem: fileSystem).reload("2025/missing.md", directory: "Content", displayPath: "Content") == nil)
    }

    @Test("a body that is not the file's raw tail (carriage returns, byte order mark) has no offset to keep")
    func normalisedBodyHasNoOffset() {
        #expect(parse(Self.text).bodyOffset != nil)
        #expect(parse(Self.text.replacingOccurrences(of: "\n", with: "\r\n")).bodyOffset == nil)
        #expect(parse(bytes: [0xEF, 0xBB, 0xBF] + Array(Self.text.utf8)).bodyOffset != nil)
    }
}
