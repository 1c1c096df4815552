import GlossContent
import GlossModel
import Testing

/// How a transcript's bytes become text: encodings, line endings, binary files.
@Suite struct DocumentTextTests {
    @Test func aByteOrderMarkIsDropped() throws {
        let parsed = parse(bytes: [0xEF, 0xBB, 0xBF] + Array("---\ntitle: A\n---\nBody\n".utf8))
        let document = try #require(parsed.document)
        #expect(document.frontMatter.title == "A")
        #expect(document.body == "Body\n")
    }

    @Test func crlfAndLoneCRBecomeNewlines() throws {
        let document = try #require(parse("---\r\ntitle: A\r\n---\r\nOne\rTwo\r\n").document)
        #expect(document.frontMatter.title == "A")
        #expect(document.body == "One\nTwo\n")
        #expect(document.bodyStartLine == 4)
    }

    @Test func positionsAfterCRLFLineEndingsAreFileLines() {
        let parsed = parse("---\r\ntitle: A\r\n\r\ndate: Feb 12\r\n---\r\n")
        #expect(parsed.diagnostics.map(\.place) == ["Content/x.md:4:7"])
    }

    @Test func invalidUTF8IsAnErrorAtTheFirstBadByte() {
        let parsed = parse(bytes: Array("---\ntitle: Caf".utf8) + [0xE9] + Array("\n---\n".utf8))
        #expect(parsed.document == nil)
        #expect(parsed.diagnostics.map(\.place) == ["Content/x.md:2:11"])
        #expect(parsed.diagnostics.first?.message == "invalid UTF-8: byte 0xE9 is not valid here; save the file as UTF-8")
    }

    @Test func aNulByteMakesABinaryFile() {
        let parsed = parse(bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00])
        #expect(parsed.document == nil)
        #expect(parsed.diagnostics.first?.message.hasPrefix("binary file") == true)
        #expect(parsed.diagnostics.map(\.place) == ["Content/x.md:3:1"])
    }

    @Test func anEmptyFileIsAnError() {
        for bytes: [UInt8] in [[], [0xEF, 0xBB, 0xBF]] {
            let parsed = parse(bytes: bytes)
            #expect(parsed.document == nil)
            #expect(parsed.diagnostics.map(\.message) == ["empty file: a transcript needs front matter with at least a title"])
        }
    }

    @Test func aFileWithoutFrontMatterIsAnError() {
        let parsed = parse("# Remarks\n\nText.\n")
        #expect(parsed.document == nil)
        #expect(parsed.diagnostics.map(\.message) == ["missing front matter: a transcript needs at least a title"])
        #expect(parsed.diagnostics.map(\.place) == ["Content/x.md:1:1"])
    }

    @Test func unterminatedFrontMatterIsAnErrorAtTheOpeningFence() {
        let parsed = parse("---\ntitle: A\n\nBody\n")
        #expect(parsed.document == nil)
        #expect(parsed.diagnostics.map(\.place) == ["Content/x.md:1:1"])
        #expect(parsed.diagnostics.first?.message
            == "unterminated front matter: expected a closing \"---\" (or \"...\") on a line of its own")
    }

    @Test func aLargeFileIsReadWhole() throws {
        let line = "**HEGSETH**: We must start by recognizing that returning to the old borders is unrealistic.\n"
        let body = String(repeating: line, count: 50_000_000 / line.utf8.count)
        let document = try #require(parse("---\ntitle: Long\n---\n" + body).document)
        #expect(document.body.utf8.count == body.utf8.count)
    }
}
