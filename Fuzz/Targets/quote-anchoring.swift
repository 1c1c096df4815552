import GlossMarkdown
import GlossModel

// Anchors range notes chosen by the input in a body chosen by the input:
// `body NUL quote NUL prefix NUL suffix NUL quote …` (up to three notes; an
// empty prefix or suffix is none). Beyond not crashing: every note either
// anchors or is reported, never both or neither.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzQuoteAnchoring(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let parts = FuzzInput(data, size).parts(10)
    var annotations: [Annotation] = []
    for note in 0..<3 {
        let quote = parts[1 + note * 3]
        guard note == 0 || !quote.isEmpty else { break }
        let prefix = parts[2 + note * 3], suffix = parts[3 + note * 3]
        annotations.append(Annotation(
            quote: quote, prefix: prefix.isEmpty ? nil : prefix, suffix: suffix.isEmpty ? nil : suffix,
            note: "Note \(note).", location: SourceLocation(file: "Content/fuzz/x.md", line: 2 + note)))
    }
    let options = MarkdownOptions(transcript: TranscriptContext(annotations: annotations))
    let rendered = MarkdownRenderer.render(parts[0], options: options, file: "Content/fuzz/x.md", firstLine: 8)
    let marks = rendered.html.components(separatedBy: "<mark").count - 1
    let refused = rendered.diagnostics.filter { $0.location?.line ?? 0 < 8 }.count
    require(marks + refused >= annotations.count, "\(annotations.count) notes, \(marks) marks, \(refused) refusals")
    return 0
}
