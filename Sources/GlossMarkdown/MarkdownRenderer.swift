import CCmark
import GlossModel

/// Renders CommonMark to HTML: cmark parses, Gloss writes the HTML.
///
/// Writing the HTML in Swift, from cmark's tree, is what lets Gloss add heading
/// ids and diagnostics now and the transcript dialect later, while staying
/// byte-for-byte identical to cmark's own HTML for plain CommonMark.
public enum MarkdownRenderer {
    /// Renders one Markdown body.
    ///
    /// - Parameters:
    ///   - markdown: The body, without front matter.
    ///   - options: Safety, punctuation and heading-id settings.
    ///   - file: The path shown in diagnostics, as the user would type it.
    ///   - firstLine: The line of the `.md` file on which `markdown` starts, so
    ///     that diagnostics and heading lines point into the real file.
    ///   - links: Resolves every link and image destination, notes' included;
    ///     a broken one becomes an error diagnostic. `nil` writes destinations
    ///     as they are, and the HTML is exactly what it was without the hook.
    ///     `RenderedMarkdown.links` lists the links either way.
    public static func render(
        _ markdown: String,
        options: MarkdownOptions = MarkdownOptions(),
        file: String,
        firstLine: Int = 1,
        links: (any LinkResolver)? = nil
    ) -> RenderedMarkdown {
        render(markdown, options: options, file: file, firstLine: firstLine, links: LinkScope(resolver: links)) { text, annotations in
            QuoteAnchoring.anchor(annotations, in: text, document: file)
        }
    }

    /// Renders one body before the site it links into is known: every link
    /// and image destination is a hole in `html` until
    /// ``RenderedMarkdown/resolvingLinks(with:)`` fills it, which gives the
    /// same HTML and link errors as rendering with that resolver. A build
    /// can then survey and render each transcript in one pass.
    public static func renderDeferringLinks(
        _ markdown: String,
        options: MarkdownOptions = MarkdownOptions(),
        file: String,
        firstLine: Int = 1
    ) -> RenderedMarkdown {
        let recorder = LinkRecorder()
        var rendered = render(markdown, options: options, file: file, firstLine: firstLine, links: recorder)
        rendered.pendingLinks = recorder.references
        return rendered
    }

    /// The matcher that anchors range notes in the rendered text: given the
    /// text and the annotations, where each one lands (`AnchoredRange.annotation`
    /// indexes the array) and the problems found. Runs only for transcripts.
    typealias Anchoring = @Sendable (RenderedText, [Annotation]) -> ([AnchoredRange], [Diagnostic])

    /// Renders one Markdown body, anchoring range notes with `anchor`.
    static func render(
        _ markdown: String,
        options: MarkdownOptions,
        file: String,
        firstLine: Int,
        links: (any LinkResolver)? = nil,
        anchor: Anchoring
    ) -> RenderedMarkdown {
        render(markdown, options: options, file: file, firstLine: firstLine, links: LinkScope(resolver: links), anchor: anchor)
    }

    /// A note body: no range notes to anchor, and links marked as in a note.
    static func render(_ markdown: String, options: MarkdownOptions, file: String, firstLine: Int, links: LinkScope) -> RenderedMarkdown {
        render(markdown, options: options, file: file, firstLine: firstLine, links: links) { _, _ in ([], []) }
    }

    /// Renders one Markdown body with the links of `links`' scope.
    static func render(
        _ markdown: String,
        options: MarkdownOptions,
        file: String,
        firstLine: Int,
        links: LinkScope,
        anchor: Anchoring
    ) -> RenderedMarkdown {
        var parseOptions = CMARK_OPT_SOURCEPOS | CMARK_OPT_VALIDATE_UTF8
        if options.smartPunctuation { parseOptions |= CMARK_OPT_SMART }

        var source = options.transcript == nil ? markdown : TranscriptDialect.protectingDefinitions(markdown)
        // The explicit length keeps NUL characters, which cmark replaces with U+FFFD.
        let parsed = source.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { text in
                guard let start = text.baseAddress else { return cmark_parse_document("", 0, parseOptions) }
                return cmark_parse_document(start, text.count, parseOptions)
            }
        }
        guard let root = parsed else {
            return RenderedMarkdown(html: "", headings: [], diagnostics: [
                .error(at: SourceLocation(file: file, line: firstLine), "the Markdown parser ran out of memory"),
            ])
        }
        defer { cmark_node_free(root) }

        var writer = HTMLWriter(source: markdown, options: options, file: file, firstLine: firstLine)
        writer.linkScope = links
        if let transcript = options.transcript {
            var dialect = TranscriptDialect(context: transcript, options: options, source: markdown, file: file, firstLine: firstLine)
            dialect.linkResolver = links.resolver
            let text = dialect.analyse(CmarkNode(pointer: root))
            let (anchored, anchorDiagnostics) = transcript.annotations.isEmpty ? ([], []) : anchor(text, transcript.annotations)
            let (ranges, codeDiagnostics) = dialect.markable(anchored, annotations: transcript.annotations)
            let plan = dialect.makePlan(anchored: ranges)
            writer.plan = plan
            writer.write(CmarkNode(pointer: root))
            var html = writer.html
            html.append(plan.end)
            var rendered = RenderedMarkdown(
                htmlBytes: html.bytes,
                headings: writer.headings,
                diagnostics: (dialect.diagnostics + anchorDiagnostics + codeDiagnostics + writer.linkDiagnostics
                    + Self.capped(writer.diagnostics, file: file)).sortedForDisplay(),
                passages: dialect.passages,
                links: writer.links
            )
            rendered.pageAnchors = dialect.pageAnchors
            return rendered
        }
        writer.write(CmarkNode(pointer: root))
        return RenderedMarkdown(
            htmlBytes: writer.html.bytes,
            headings: writer.headings,
            diagnostics: writer.linkDiagnostics.isEmpty
                ? Self.capped(writer.diagnostics, file: file)
                : (Self.capped(writer.diagnostics, file: file) + writer.linkDiagnostics).sortedForDisplay(),
            links: writer.links
        )
    }

    /// Warnings shown per document before the rest are summed up in one line:
    /// an imported page full of markup should not bury every other message.
    static let warningLimit = 20

    private static func capped(_ diagnostics: [Diagnostic], file: String) -> [Diagnostic] {
        guard diagnostics.count > warningLimit else { return diagnostics }
        let hidden = diagnostics.count - warningLimit
        let last = diagnostics[warningLimit - 1].location
        return Array(diagnostics.prefix(warningLimit)) + [.warning(
            at: last ?? SourceLocation(file: file),
            "\(hidden) more places in this file where raw HTML or an unsafe link was omitted",
            note: "only the first \(warningLimit) are listed"
        )]
    }
}
