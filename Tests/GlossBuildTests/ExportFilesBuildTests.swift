import Foundation
import Testing
@testable import GlossBuild

/// The data files beside each transcript (docs/exports.md) go through the
/// same staging and keys as pages: written again when their transcript
/// changes, kept (the same file, hard-linked into the new generation)
/// otherwise, removed when switched off.
@Suite struct ExportFilesBuildTests {
    static let site = "title: Archive\nbase_url: https://example.org/\n"

    static func transcript(_ title: String, words: String) -> String {
        "---\ntitle: \(title)\ndate: 2025-02-12\nspeakers: [{id: ann, name: Ann Lee}]\nannotations:\n"
            + "  - {quote: \"a claim\", kind: fact-check, rating: \"false\", note: Not so.}\n---\n\n"
            + "**Ann Lee** [00:00:05]: \(words), and a claim.\n\n**Ann Lee** [00:00:09]: More.\n"
    }

    func builder(_ temp: TemporaryDirectory) -> SiteBuilder {
        SiteBuilder(settings: BuildSettings(
            contentDirectory: temp.path + "/Content", templatesDirectory: temp.path + "/Templates", outputDirectory: temp.path + "/Public"
        ))
    }

    func inode(_ temp: TemporaryDirectory, _ path: String) -> UInt64? {
        var info = stat()
        guard stat(temp.path + "/Public/" + path, &info) == 0 else { return nil }
        return UInt64(info.st_ino)
    }

    static let files = ["annotations.jsonld", "annotation-page.jsonld", "transcript.gloss.json", "transcript.vtt", "transcript.srt", "transcript.json"]

    @Test func anEditRewritesOnlyThatTranscriptsFiles() throws {
        let temp = try TemporaryDirectory()
        try temp.write(Self.site, to: "Content/site.yaml")
        try temp.write("", to: "Content/speakers.yaml")
        try temp.write(Self.transcript("One", words: "First words"), to: "Content/one.md")
        try temp.write(Self.transcript("Two", words: "Second words"), to: "Content/two.md")
        #expect(!builder(temp).build().diagnostics.hasErrors)
        for name in Self.files {
            #expect(inode(temp, "one/" + name) != nil, "one/\(name)")
            #expect(inode(temp, "two/" + name) != nil, "two/\(name)")
        }
        #expect(inode(temp, "annotations.jsonld") != nil)
        let before = Dictionary(uniqueKeysWithValues: Self.files.flatMap { name in ["one/" + name, "two/" + name].map { ($0, inode(temp, $0)) } })
        let sitemap = try #require(temp.read("Public/sitemap.xml"))
        #expect(!sitemap.contains(".jsonld") && !sitemap.contains(".vtt") && !sitemap.contains(".json"))

        // The same dates: the order and the neighbours stay as they were.
        try temp.write(Self.transcript("One", words: "First words changed"), to: "Content/one.md")
        let edited = builder(temp).build()
        #expect(!edited.diagnostics.hasErrors)
        for name in Self.files {
            #expect(inode(temp, "two/" + name) == before["two/" + name], "two/\(name) was written again")
            #expect(inode(temp, "one/" + name) != before["one/" + name], "one/\(name) was not written again")
        }
        #expect(temp.read("Public/one/transcript.vtt")?.contains("First words changed") == true)
    }

    @Test func optionsTurnFilesOffAndTheirLinksLeaveThePage() throws {
        let temp = try TemporaryDirectory()
        try temp.write(Self.site, to: "Content/site.yaml")
        try temp.write("", to: "Content/speakers.yaml")
        try temp.write(Self.transcript("One", words: "First words"), to: "Content/one.md")
        #expect(!builder(temp).build().diagnostics.hasErrors)
        let page = try #require(temp.read("Public/one/index.html"))
        #expect(page.contains(#"<link rel="alternate" type="text/vtt" href="transcript.vtt""#))
        #expect(page.contains(#""@type": "ClaimReview""#))

        try temp.write(Self.site + "options:\n  export_webvtt: false\n  export_site_annotations: false\n  structured_data: false\n", to: "Content/site.yaml")
        #expect(builder(temp).build().diagnostics.isEmpty)
        #expect(inode(temp, "one/transcript.vtt") == nil)
        #expect(inode(temp, "one/annotation-page.jsonld") == nil)
        #expect(inode(temp, "annotations.jsonld") == nil)
        #expect(inode(temp, "one/transcript.srt") != nil)
        let after = try #require(temp.read("Public/one/index.html"))
        #expect(!after.contains("transcript.vtt"))
        #expect(!after.contains("<script type=\"application/ld+json\">"))
        #expect(after.contains("transcript.srt"))
    }
}
