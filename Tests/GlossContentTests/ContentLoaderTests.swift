import GlossContent
import GlossModel
import Testing

@Suite struct ContentLoaderTests {
    @Test func walksNestedFoldersInSortedOrderReadingOnlyMarkdown() {
        let loaded = load(content([
            "2025/b.md": "---\ntitle: B\n---\n",
            "2025/a.md": "---\ntitle: A\n---\n",
            "2024/deep/er/c.md": "---\ntitle: C\n---\n",
            "notes.txt": "not content",
            "2025/photo.jpg": "\u{0}",
            "top.md": "---\ntitle: T\n---\n",
        ]))
        #expect(loaded.diagnostics.isEmpty)
        #expect(loaded.documents.map(\.path) == ["2024/deep/er/c.md", "2025/a.md", "2025/b.md", "top.md"])
        #expect(loaded.documents.map(\.displayPath).first == "Content/2024/deep/er/c.md")
    }

    @Test func dotfilesAndDotFoldersAreSkipped() {
        let loaded = load(content([
            ".draft.md": "not front matter",
            ".git/notes.md": "not front matter",
            "a.md": "---\ntitle: A\n---\n",
        ]))
        #expect(loaded.diagnostics.isEmpty)
        #expect(loaded.documents.map(\.path) == ["a.md"])
    }

    @Test func aMissingContentDirectoryIsOneError() {
        let loaded = load(InMemoryFileSystem(["Other/a.md": ""]))
        #expect(loaded.diagnostics.map(\.description) == [
            "error: content directory \"Content\" not found\n    note: it holds site.yaml, speakers.yaml and the transcripts (*.md)",
        ])
    }

    @Test func aDocumentWithErrorsIsLeftOutAndTheOthersLoad() {
        let loaded = load(content([
            "bad.md": "---\ntitle: [A]\n---\n",
            "good.md": "---\ntitle: Good\n---\n",
        ]))
        #expect(loaded.documents.map(\.path) == ["good.md"])
        #expect(loaded.diagnostics.map(\.place) == ["Content/bad.md:2:8"])
    }

    @Test func unreadableFilesAndFoldersAreErrorsNamingThem() {
        let fileSystem = InMemoryFileSystem(
            ["Content/site.yaml": "title: T\n", "Content/a.md": "---\ntitle: A\n---\n", "Content/locked/b.md": "x"],
            unreadable: ["Content/a.md", "Content/locked"])
        let loaded = load(fileSystem)
        #expect(loaded.documents.isEmpty)
        #expect(loaded.diagnostics.map(\.description) == [
            "Content/locked:1:1: error: cannot read directory: Permission denied",
            "Content/a.md:1:1: error: cannot read file: Permission denied",
        ])
    }

    @Test func warningsKeepTheDocument() {
        let loaded = load(content(["a.md": "---\ntitle: A\nsumary: typo\n---\n"]))
        #expect(loaded.documents.count == 1)
        #expect(loaded.diagnostics.map(\.severity) == [.warning])
    }

    /// A tree too large to be a site's content (a link to a system folder)
    /// stops the walk with one error instead of reading it all.
    @Test func theWalkStopsAfterTwentyThousandFolders() {
        let folders = (0..<20_010).map { "Content/f\($0)" }
        let loaded = load(InMemoryFileSystem(["Content/site.yaml": "title: T\n", "Content/f0/a.md": "---\ntitle: A\n---\n"],
                                             directories: folders))
        #expect(loaded.diagnostics.filter { $0.severity == .error }.map(\.message) == ["too many folders: stopped after reading 20000 folders in \"Content\""])
    }
}
