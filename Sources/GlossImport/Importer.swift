import GlossModel

/// One input read: the format it was read as and the transcripts in it
/// (one for most formats, one per item for a feed).
public struct ImportResult: Sendable {
    public var format: ImportFormat
    public var transcripts: [ImportedTranscript]
}

/// The library's entry point: bytes in, transcripts out. Pure: no file
/// system, network or clock.
public enum Importer {
    public static func read(_ input: ImportInput, as requested: ImportFormat = .auto) throws(ImportFailure) -> ImportResult {
        let text = try input.text()
        let format = requested == .auto ? FormatDetector.detect(text, fileExtension: input.fileExtension) : requested
        guard !text.trimmingSpaces.allSatisfy({ $0 == "\n" || $0 == " " }) else {
            throw .at(input.name, "empty file: expected \(format == .auto ? "something to import" : "a \(format.rawValue) document")")
        }
        let transcripts: [ImportedTranscript]
        switch format {
        case .auto, .text: transcripts = [TextArticleImporter.read(text, input: input)]
        case .markdown: transcripts = [try MarkdownImporter.read(text, input: input)]
        case .html: transcripts = [try HTMLImporter.read(text, input: input)]
        case .rss, .atom: transcripts = try FeedImporter.read(text, input: input, expected: format)
        case .vtt: transcripts = [try CaptionImporter.readVTT(text, input: input)]
        case .srt: transcripts = [try CaptionImporter.readSRT(text, input: input)]
        }
        return ImportResult(format: format == .auto ? .text : format, transcripts: transcripts)
    }

    /// File names for transcripts, unique within one run: the transcript's
    /// suggested name made into a slug, `-2`, `-3`… on a clash.
    public static func fileNames(for transcripts: [ImportedTranscript], taken: Set<String> = []) -> [String] {
        // Names whose slug Gloss keeps for its own pages at the top of a site
        // (`index` would be the home page): `page.html` is imported as `page-2.md`.
        var used = taken.union(ReservedPaths.firstSegments).union(ReservedPaths.numberedFirstSegments).union(["index"])
        return transcripts.map { transcript in
            let base = SpeakerBook.slug(transcript.suggestedName).isEmpty ? "transcript" : SpeakerBook.slug(transcript.suggestedName)
            var name = base
            var suffix = 2
            while used.contains(name) { name = "\(base)-\(suffix)"; suffix += 1 }
            used.insert(name)
            return name + ".md"
        }
    }
}
