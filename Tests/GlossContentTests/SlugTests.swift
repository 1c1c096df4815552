import GlossContent
import GlossModel
import Testing

@Suite struct SlugTests {
    @Test(arguments: [
        ("2025/hegseth-remarks.md", "2025/hegseth-remarks"),
        ("x/index.md", "x"),
        ("2025/Hegseth Remarks, Feb. 12!.md", "2025/hegseth-remarks-feb-12"),
        ("a--b__c.md", "a-b__c"),
    ])
    func theSlugComesFromThePath(path: String, slug: String) throws {
        let document = try #require(parse("---\ntitle: A\n---\n", path: path).document)
        #expect(document.slug == slug)
    }

    @Test(arguments: ["../up", "/root", "a\\b", "a//b", "a/", "Caps", "feed.xml", "assets/x", "speakers", "topics/nato", "",
                      "archive", "archive/2024", "archive/2024/page/2", "page", "page/2"])
    func anUnusableSlugInFrontMatterIsAnErrorAtItsPosition(slug: String) throws {
        let parsed = parse("---\ntitle: A\nslug: '\(slug)'\n---\n")
        #expect(parsed.document == nil)
        let error = try #require(parsed.diagnostics.first)
        #expect(error.message.hasPrefix("front matter: \"slug\" "))
        #expect(error.place == "Content/x.md:3:7")
    }

    @Test func aReservedSlugFromThePathIsAnError() {
        let parsed = parse("---\ntitle: A\n---\n", path: "speakers/hegseth.md")
        #expect(parsed.document == nil)
        #expect(parsed.diagnostics.map(\.message)
            == [#"the slug "speakers/hegseth" made from the file path may not start with "speakers/": Gloss writes its own pages there"#])
    }

    @Test("only the numbered pages under archive/ and page/ are reserved")
    func archiveAndPageFoldersStayUsable() throws {
        for path in ["archive/old-speech.md", "page/turner.md", "archives/2024.md", "2024/page.md"] {
            #expect(parse("---\ntitle: A\n---\n", path: path).document != nil, "\(path)")
        }
        let parsed = parse("---\ntitle: A\n---\n", path: "archive/2024/remarks.md")
        #expect(parsed.diagnostics.map(\.message)
            == [#"the slug "archive/2024/remarks" made from the file path may not start with "archive/2024": Gloss writes its own pages under /archive/NUMBER/"#])
    }

    @Test func anIndexFileAtTheTopWouldReplaceTheHomePage() {
        let parsed = parse("---\ntitle: A\n---\n", path: "index.md")
        #expect(parsed.document == nil)
    }

    // The walk visits the folder `a` before the file `a.md`: names sort by
    // folder, and "a" < "a.md".
    @Test func twoDocumentsWithOneSlugAreBothErrorsNamingEachOther() {
        let loaded = load(content([
            "a.md": "---\ntitle: A\n---\n",
            "a/index.md": "---\ntitle: B\n---\n",
            "b.md": "---\ntitle: C\nslug: a\n---\n",
            "c.md": "---\ntitle: D\n---\n",
        ]))
        #expect(loaded.documents.map(\.path) == ["c.md"])
        #expect(loaded.diagnostics.map(\.description) == [
            "Content/a/index.md:1:1: error: duplicate slug \"a\": also used by Content/a.md, Content/b.md"
                + "\n    note: rename one of the files or set `slug:` in its front matter",
            "Content/a.md:1:1: error: duplicate slug \"a\": also used by Content/a/index.md, Content/b.md"
                + "\n    note: rename one of the files or set `slug:` in its front matter",
            "Content/b.md:1:1: error: duplicate slug \"a\": also used by Content/a/index.md, Content/a.md"
                + "\n    note: rename one of the files or set `slug:` in its front matter",
        ])
    }

    @Test func accentsAreDroppedRatherThanTheLetters() {
        #expect(parse("---\ntitle: A\n---\n", path: "2025/Café Brûlé.md").document?.slug == "2025/cafe-brule")
    }

    @Test func aFileNameWithNothingAURLCanUseIsExplainedAsSuch() {
        let parsed = parse("---\ntitle: A\n---\n", path: "日本.md")
        #expect(parsed.diagnostics.map(\.message) == [
            "the path \"日本.md\" has a folder or file name with no letters or digits a URL can use (a-z, 0-9)",
        ])
    }

    @Test func theReservedFolderNameAloneIsReservedAsSuch() {
        let parsed = parse("---\ntitle: A\nslug: assets\n---\n")
        #expect(parsed.diagnostics.first?.message.contains("is reserved: Gloss writes its own pages under /assets/") == true)
    }
}
