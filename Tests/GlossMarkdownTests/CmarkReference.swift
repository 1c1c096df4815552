import CCmark
import Foundation
import GlossMarkdown

/// cmark's own HTML renderer, the oracle the Swift writer is compared with.
enum CmarkReference {
    /// What `cmark_render_html` makes of `markdown` under the same options,
    /// without source positions (they would add `data-sourcepos` attributes).
    static func html(_ markdown: String, options: MarkdownOptions) -> String {
        var flags = CMARK_OPT_VALIDATE_UTF8
        if options.smartPunctuation { flags |= CMARK_OPT_SMART }
        if options.unsafeHTML { flags |= CMARK_OPT_UNSAFE }
        // Keeps interior NULs; the last element is the terminator, not input.
        let text = markdown.utf8CString
        let root = text.withUnsafeBufferPointer { cmark_parse_document($0.baseAddress, $0.count - 1, flags) }
        guard let root else { return "<cmark failed to parse>" }
        defer { cmark_node_free(root) }
        guard let rendered = cmark_render_html(root, flags) else { return "<cmark failed to render>" }
        defer { free(rendered) }
        return String(cString: rendered)
    }

    /// The first input, in order, on which Gloss and cmark disagree, described
    /// with the input and both outputs; nil when they all agree.
    static func firstDifference(
        among inputs: [(label: String, markdown: String)],
        options: MarkdownOptions
    ) -> String? {
        var options = options
        options.headingIDs = false
        var differing = 0
        var first: String?
        for input in inputs {
            let ours = MarkdownRenderer.render(input.markdown, options: options, file: "test.md").html
            let theirs = html(input.markdown, options: options)
            guard ours != theirs else { continue }
            differing += 1
            if first == nil {
                first = """
                \(input.label) differs from cmark with \(options):
                --- input ---
                \(input.markdown.debugDescription)
                --- cmark ---
                \(theirs.debugDescription)
                --- gloss ---
                \(ours.debugDescription)
                """
            }
        }
        return first.map { "\(differing) of \(inputs.count) inputs differ. First: \($0)" }
    }

    /// The modes every differential test runs in.
    static let modes: [MarkdownOptions] = [
        MarkdownOptions(unsafeHTML: false, smartPunctuation: false),
        MarkdownOptions(unsafeHTML: true, smartPunctuation: false),
        MarkdownOptions(unsafeHTML: false, smartPunctuation: true),
        MarkdownOptions(unsafeHTML: true, smartPunctuation: true),
    ]
}
