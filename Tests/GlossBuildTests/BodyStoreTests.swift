import Foundation
import GlossMarkdown
import GlossModel
import Testing
@testable import GlossBuild

/// The body store keeps rendered bodies between builds, so it must give back
/// exactly what it was given, and nothing at all from a damaged file.
@Suite struct BodyStoreTests {
    func body(_ html: String, revision: UInt64, store: BodyStore) throws -> RememberedBody {
        var rendered = RenderedMarkdown(html: "", headings: [], diagnostics: [
            .warning(at: SourceLocation(file: "Content/a.md", line: 3, column: 7), "raw HTML left out", note: "set options.unsafe_html"),
        ])
        rendered.pendingLinks = [LinkReference(destination: "b.md#p-1", location: SourceLocation(file: "Content/a.md", line: 4), passageID: "p-2")]
        let survey = TranscriptSurvey(
            anchors: ["p-1", "t-00-01-02"],
            links: rendered.pendingLinks + [LinkReference(destination: "https://example.org/é", location: SourceLocation(file: "x"), isImage: true, inNote: true)],
            turns: [TurnExcerpt(slug: "a", passageID: "t-00-01-02", speakerID: "hale", excerpt: "Peace — and “quotes”.", wordCount: 12, seconds: 62.5)]
        )
        let location = try #require(store.append(html))
        return RememberedBody(revision: revision, body: rendered, html: .stored(location), survey: survey)
    }

    func html(_ body: RememberedBody?, in store: BodyStore) -> String? {
        guard case .stored(let location)? = body?.html else { return nil }
        return store.read(location)
    }

    @Test("bodies written by one build are read back whole by the next, in a new store")
    func roundTrip() throws {
        let temp = try TemporaryDirectory()
        let directory = temp.path + "/bodies"
        let store = BodyStore(directory: directory)
        let bodies = [
            "a.md": try body("<p>Ünïcode \u{0}1\u{0} hole</p>\n", revision: 1, store: store),
            "b.md": try body("", revision: 2, store: store),
        ]
        _ = store.commit(bodies, seed: 42)

        let (reopened, loaded) = BodyStore.open(directory: directory, seed: 42)
        #expect(loaded.keys.sorted() == ["a.md", "b.md"])
        #expect(html(loaded["a.md"], in: reopened) == "<p>Ünïcode \u{0}1\u{0} hole</p>\n")
        #expect(html(loaded["b.md"], in: reopened) == "")
        let a = try #require(loaded["a.md"])
        #expect(a.revision == 1)
        #expect(a.body.diagnostics == bodies["a.md"]?.body.diagnostics)
        #expect(a.body.pendingLinks == bodies["a.md"]?.body.pendingLinks)
        #expect(a.survey.anchors == ["p-1", "t-00-01-02"])
        #expect(a.survey.links == bodies["a.md"]?.survey.links)
        #expect(a.survey.turns == bodies["a.md"]?.survey.turns)
        // Bodies rendered under other speakers, options or theme are not reused.
        #expect(BodyStore.open(directory: directory, seed: 43).bodies.isEmpty)
    }

    @Test("an index written a few records at a time holds every body, whatever the batch size")
    func batchedIndex() throws {
        let temp = try TemporaryDirectory()
        let directory = temp.path + "/bodies"
        let store = BodyStore(directory: directory)
        var bodies: [String: RememberedBody] = [:]
        for index in 0 ..< 7 {
            bodies["\(index).md"] = try body("<p>body \(index)</p>\n", revision: UInt64(index + 1), store: store)
        }
        // 7 bodies in batches of 3: the header and pack records go with the
        // first, and the last batch is short.
        _ = store.commit(bodies, seed: 9, batch: 3)

        let (reopened, loaded) = BodyStore.open(directory: directory, seed: 9)
        #expect(loaded.keys.sorted() == (0 ..< 7).map { "\($0).md" })
        for index in 0 ..< 7 {
            #expect(html(loaded["\(index).md"], in: reopened) == "<p>body \(index)</p>\n")
            #expect(loaded["\(index).md"]?.revision == UInt64(index + 1))
        }
    }

    @Test("a record log written in batches reads back every record in order, each bounded by its own length")
    func recordLogBatches() throws {
        let temp = try TemporaryDirectory()
        let log = RecordLog(path: temp.path + "/log", magic: Array("test log 1\n".utf8))
        let batches: [[[UInt8]]] = [[[1, 2, 3]], [], [[4], [], [5, 6]]]
        #expect(log.rewrite(batches: batches.map { $0.map(RecordLog.framed) }))

        let records = try #require(log.read())
        #expect(records.count == 4)
        var first = records[0]
        // Three bytes are left in the file after this record's own, but
        // reading eight from it must fail, not run into the next record.
        #expect(throws: ByteReader.Malformed.self) { try first.readFixed() }
        var last = records[3]
        #expect(try last.readUInt64() == 5)
        #expect(try last.readUInt64() == 6)
        #expect(last.isAtEnd)
        #expect(records[2].isAtEnd)
    }

    @Test("a damaged or truncated index is discarded whole")
    func damagedIndex() throws {
        let temp = try TemporaryDirectory()
        let directory = temp.path + "/bodies"
        let store = BodyStore(directory: directory)
        _ = store.commit(["a.md": try body("<p>x</p>", revision: 1, store: store)], seed: 1)
        let indexPath = directory + "/" + BodyStore.indexName
        let whole = try #require(FileManager.default.contents(atPath: indexPath))
        #expect(!BodyStore.open(directory: directory, seed: 1).bodies.isEmpty)
        for damage in [whole.count / 2, whole.count - 1, 30] {
            var bytes = [UInt8](whole)
            bytes[damage] ^= 0x20
            try Data(bytes).write(to: URL(fileURLWithPath: indexPath))
            #expect(BodyStore.open(directory: directory, seed: 1).bodies.isEmpty, "byte \(damage) flipped")
        }
        try whole.prefix(whole.count - 3).write(to: URL(fileURLWithPath: indexPath))
        #expect(BodyStore.open(directory: directory, seed: 1).bodies.isEmpty)
    }

    @Test("a body whose bytes changed on disk is never returned")
    func damagedPack() throws {
        let temp = try TemporaryDirectory()
        let directory = temp.path + "/bodies"
        let store = BodyStore(directory: directory)
        let stored = try body("<p>The original words.</p>\n", revision: 1, store: store)
        guard case .stored(let location) = stored.html else { Issue.record("not stored"); return }
        #expect(store.read(location) == "<p>The original words.</p>\n")
        #expect(store.readBytes(location) == Array("<p>The original words.</p>\n".utf8))
        let packPath = directory + "/" + location.pack.fileName
        var bytes = [UInt8](try #require(FileManager.default.contents(atPath: packPath)))
        bytes[location.offset + 5] = UInt8(ascii: "X")
        try Data(bytes).write(to: URL(fileURLWithPath: packPath))
        #expect(BodyStore(directory: directory).read(location) == nil)
        #expect(BodyStore(directory: directory).readBytes(location) == nil)
        try Data(bytes.prefix(location.offset + 4)).write(to: URL(fileURLWithPath: packPath))
        #expect(BodyStore(directory: directory).read(location) == nil)
        #expect(BodyStore(directory: directory).readBytes(location) == nil)
        var elsewhere = location
        elsewhere.pack = PackID(number: location.pack.number &+ 1)
        #expect(store.read(elsewhere) == nil)
        // An index naming a file outside the store names no pack at all.
        #expect(PackID(fileName: "../../etc/passwd") == nil)
        #expect(PackID(fileName: "pack-1/../../passwd") == nil)
        #expect(PackID(fileName: "pack-00ff") == nil)
        #expect(PackID(fileName: location.pack.fileName) == location.pack)
    }

    @Test("a build that changes one body appends to the index instead of writing it anew")
    func indexAppends() throws {
        let temp = try TemporaryDirectory()
        let directory = temp.path + "/bodies"
        let store = BodyStore(directory: directory)
        var bodies = try (0 ..< 20).reduce(into: [String: RememberedBody]()) { $0["\($1).md"] = try body("<p>\($1)</p>", revision: UInt64($1), store: store) }
        bodies = store.commit(bodies, seed: 1)
        let indexPath = directory + "/" + BodyStore.indexName
        let before = try #require(FileManager.default.contents(atPath: indexPath))

        let (next, loaded) = BodyStore.open(directory: directory, seed: 1)
        var changed = loaded
        changed["3.md"] = try body("<p>three</p>", revision: 33, store: next)
        changed["4.md"] = nil
        _ = next.commit(changed, seed: 1)
        let after = try #require(FileManager.default.contents(atPath: indexPath))
        #expect(after.prefix(before.count) == before)
        #expect(after.count > before.count && after.count < before.count + before.count / 4)
        let (reopened, reloaded) = BodyStore.open(directory: directory, seed: 1)
        #expect(reloaded.count == 19)
        #expect(reloaded["4.md"] == nil)
        #expect(reloaded["3.md"]?.revision == 33)
        #expect(html(reloaded["3.md"], in: reopened) == "<p>three</p>")
        #expect(html(reloaded["7.md"], in: reopened) == "<p>7</p>")
    }

    @Test("packs no body lives in are deleted, and a mostly dead pack's bodies move to the current one")
    func compaction() throws {
        let temp = try TemporaryDirectory()
        let directory = temp.path + "/bodies"
        let first = BodyStore(directory: directory)
        let big = String(repeating: "<p>words</p>", count: 100)
        var bodies = try (0 ..< 10).reduce(into: [String: RememberedBody]()) { $0["\($1).md"] = try body(big, revision: UInt64($1), store: first) }
        bodies = first.commit(bodies, seed: 1)
        let firstPacks = Set(try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasPrefix("pack-") })
        #expect(firstPacks.count == 1)

        // Eight of ten bodies change: their new HTML goes to a new pack, and
        // the old pack, four fifths dead, gives up its last two bodies.
        let second = BodyStore(directory: directory)
        for index in 0 ..< 8 { bodies["\(index).md"] = try body(big + "\(index)", revision: UInt64(100 + index), store: second) }
        bodies = second.commit(bodies, seed: 1)
        let secondPacks = Set(try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasPrefix("pack-") })
        #expect(secondPacks.count == 1)
        #expect(secondPacks.isDisjoint(with: firstPacks))
        let (reopened, loaded) = BodyStore.open(directory: directory, seed: 1)
        #expect(html(loaded["9.md"], in: reopened) == big)
        #expect(html(loaded["3.md"], in: reopened) == big + "3")
    }
}
