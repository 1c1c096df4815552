import GlossModel
import Testing
@testable import GlossRender

/// `media:` in front matter: the player on the transcript page and `transcript.media`.
@Suite struct MediaTests {
    static func model(_ media: Media?) -> TranscriptViewModel {
        TranscriptViewModel(Fixtures.document(media: media), page: "2025/x/index.html", speakers: [:])
    }

    @Test func videoGivesItsURLKindAndOffset() throws {
        let media = try #require(Self.model(Media(kind: .video, url: "https://example.org/remarks.mp4", offset: 12)).media)
        #expect(media.url == "https://example.org/remarks.mp4")
        #expect(media.kind == "video")
        #expect(media.isVideo && !media.isAudio)
        #expect(media.offset == "12")
    }

    @Test func audioWithARelativeURLAndAFractionalOffset() throws {
        let media = try #require(Self.model(Media(kind: .audio, url: "media/remarks.mp3", offset: 3.5)).media)
        #expect(media.url == "media/remarks.mp3")
        #expect(media.kind == "audio")
        #expect(media.isAudio && !media.isVideo)
        #expect(media.offset == "3.5")
    }

    @Test func noMediaGivesNoPlayer() throws {
        #expect(Self.model(nil).media == nil)
        let html = try Fixtures.transcriptPage(Fixtures.document())
        #expect(!html.contains("id=\"media\""))
    }

    @Test(arguments: ["javascript:alert(1)", "JavaScript:alert(1)", "java\tscript:alert(1)", "data:video/mp4;base64,AAAA", "file:///etc/passwd", ""])
    func unsafeURLIsDropped(url: String) throws {
        #expect(Self.model(Media(kind: .video, url: url)).media == nil)
        let html = try Fixtures.transcriptPage(Fixtures.document(media: Media(kind: .video, url: url)))
        #expect(!html.contains("<video"))
        #expect(!html.lowercased().contains("script:alert"))
    }

    @Test func transcriptPageShowsAVideoPlayer() throws {
        let html = try Fixtures.transcriptPage(Fixtures.document(media: Media(kind: .video, url: "https://example.org/a.mp4?x=1&y=2", offset: 4)))
        #expect(html.contains(#"<video controls preload="metadata" id="media" src="https://example.org/a.mp4?x=1&amp;y=2" data-offset="4">"#))
        #expect(!html.contains("<audio"))
    }

    @Test func transcriptPageShowsAnAudioPlayer() throws {
        let html = try Fixtures.transcriptPage(Fixtures.document(media: Media(kind: .audio, url: "remarks.mp3")))
        #expect(html.contains(#"<audio controls preload="metadata" id="media" src="remarks.mp3" data-offset="0">"#))
        #expect(!html.contains("<video"))
    }

    @Test func offsetIsANumberForAnAttribute() {
        #expect(MediaViewModel.format(seconds: 0) == "0")
        #expect(MediaViewModel.format(seconds: 90) == "90")
        #expect(MediaViewModel.format(seconds: 12.25) == "12.25")
        #expect(MediaViewModel.format(seconds: -3) == "0")
        #expect(MediaViewModel.format(seconds: .nan) == "0")
        #expect(MediaViewModel.format(seconds: .infinity) == "0")
    }
}
