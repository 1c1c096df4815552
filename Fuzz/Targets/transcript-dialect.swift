import GlossMarkdown
import GlossModel

// Renders any body as a transcript of two declared speakers, with media and
// three range notes, as a build does. The input's length picks the options,
// so the corpus covers safe and unsafe HTML, with and without smart
// punctuation. Beyond not crashing: in safe mode no script element gets out.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTranscriptDialect(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let body = FuzzInput(data, size).text
    var options = MarkdownOptions(unsafeHTML: size & 1 == 1, smartPunctuation: size & 2 == 2)
    options.transcript = TranscriptContext(
        speakers: [
            DeclaredSpeaker(id: "hegseth", name: "Pete Hegseth", aliases: ["HEGSETH", "Secretary Hegseth"], role: "Secretary of Defense"),
            DeclaredSpeaker(id: "reporter", name: "Reporter", aliases: ["Q"]),
        ],
        media: Media(kind: .video, url: "https://example.org/briefing.mp4", offset: 12),
        annotations: [
            Annotation(quote: "pre-2014 borders", kind: .factCheck, rating: "misleading", note: "See *the map*.", location: location(3)),
            Annotation(quote: "Ukraine", prefix: "support ", note: "Context [^n].", location: location(9)),
            Annotation(quote: "NATO", suffix: " membership", kind: .correction, note: "A [source](https://example.org).", location: location(14)),
        ],
        sourceURL: "https://example.org/source")
    let rendered = MarkdownRenderer.render(body, options: options, file: "Content/fuzz/x.md", firstLine: 20)
    if !options.unsafeHTML {
        require(!rendered.html.lowercased().contains("<script"), "a script element in safe mode")
    }
    return 0
}

private func location(_ line: Int) -> SourceLocation {
    SourceLocation(file: "Content/fuzz/x.md", line: line, column: 3)
}
