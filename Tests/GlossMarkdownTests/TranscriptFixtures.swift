@testable import GlossMarkdown
import GlossModel

/// Speakers, media and a stand-in matcher shared by the dialect's tests.
enum TranscriptFixtures {
    static let hegseth = DeclaredSpeaker(id: "hegseth", name: "Pete Hegseth", aliases: ["HEGSETH", "Secretary Hegseth"], role: "U.S. Secretary of Defense")
    static let nixon = DeclaredSpeaker(id: "nixon", name: "Richard Nixon")
    static let question = DeclaredSpeaker(id: "q", name: "Question", aliases: ["Q"])
    static let media = Media(kind: .video, url: "https://example.org/v.mp4", offset: 10)

    static func render(_ body: String, speakers: [DeclaredSpeaker] = [hegseth, nixon, question], media: Media? = nil,
                       annotations: [Annotation] = [], firstLine: Int = 1) -> RenderedMarkdown {
        var options = MarkdownOptions()
        options.transcript = TranscriptContext(speakers: speakers, media: media, annotations: annotations)
        return MarkdownRenderer.render(body, options: options, file: "t.md", firstLine: firstLine, anchor: firstOccurrence)
    }

    /// Stand-in for the real matcher: the first occurrence of each quote.
    static let firstOccurrence: MarkdownRenderer.Anchoring = { text, annotations in
        var ranges: [AnchoredRange] = []
        let haystack = text.utf8
        for (index, annotation) in annotations.enumerated() {
            let needle = Array(annotation.quote.utf8)
            guard !needle.isEmpty, needle.count <= haystack.count else { continue }
            for start in 0...(haystack.count - needle.count) where haystack[start..<(start + needle.count)].elementsEqual(needle) {
                ranges.append(AnchoredRange(range: start..<(start + needle.count), annotation: index))
                break
            }
        }
        return (ranges, [])
    }
}
