@testable import GlossMarkdown
import GlossModel
import Testing

/// Rewrites `x.md` (and `x.md#frag`) to `../x/` (`../x/#frag`), reports
/// `missing.md` as broken, and keeps everything else.
private struct SiteResolver: LinkResolver {
    func resolve(_ reference: LinkReference) -> LinkResolution {
        let parts = reference.destination.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        guard let path = parts.first, path.hasSuffix(".md") else { return .keep }
        if path == "missing.md" { return .broken(message: "no page for \"missing.md\"", note: "check the file name") }
        let fragment = parts.count > 1 ? "#" + parts[1] : ""
        return .replace("../" + path.dropLast(3) + "/" + fragment)
    }
}

/// Keeps every destination: the HTML must be what it is without a resolver.
private struct KeepResolver: LinkResolver {
    func resolve(_ reference: LinkReference) -> LinkResolution { .keep }
}

@Suite("Link resolution: the resolver hook and the list of links")
struct LinkResolverTests {
    private func render(_ body: String, firstLine: Int = 1, links: (any LinkResolver)? = nil) -> RenderedMarkdown {
        MarkdownRenderer.render(body, file: "doc.md", firstLine: firstLine, links: links)
    }

    private func transcript(_ body: String, annotations: [Annotation] = [], links: (any LinkResolver)? = nil) -> RenderedMarkdown {
        var options = MarkdownOptions()
        options.transcript = TranscriptContext(speakers: [TranscriptFixtures.hegseth], annotations: annotations)
        return MarkdownRenderer.render(body, options: options, file: "t.md", firstLine: 1, links: links,
                                       anchor: TranscriptFixtures.firstOccurrence)
    }

    @Test("a resolver rewrites x.md to ../x/, keeping fragments; other links are kept")
    func rewrite() {
        let result = render("See [a](other.md), [b](dir.md#p-3f2a1c) and [c](https://example.org/).\n", links: SiteResolver())
        #expect(result.html == "<p>See <a href=\"../other/\">a</a>, <a href=\"../dir/#p-3f2a1c\">b</a> and <a href=\"https://example.org/\">c</a>.</p>\n")
        #expect(result.diagnostics.isEmpty)
    }

    @Test("images go through the resolver and are flagged, but are not listed as links")
    func images() {
        struct Recorder: LinkResolver {
            func resolve(_ reference: LinkReference) -> LinkResolution {
                reference.isImage ? .replace("IMG-" + reference.destination) : .keep
            }
        }
        let result = render("![alt](pic.png) and [l](x.md)\n", links: Recorder())
        #expect(result.html == "<p><img src=\"IMG-pic.png\" alt=\"alt\" /> and <a href=\"x.md\">l</a></p>\n")
        #expect(result.links.map(\.destination) == ["x.md"])
        #expect(result.links.allSatisfy { !$0.isImage })
    }

    @Test("a broken link is an error at file:line:column, offset by firstLine; the destination is written unchanged")
    func broken() {
        let body = "# Title\n\nText and [gone](missing.md) here,\nthen [also](missing.md).\n"
        let result = render(body, firstLine: 5, links: SiteResolver())
        #expect(result.diagnostics.map(\.description) == [
            "doc.md:7:10: error: no page for \"missing.md\"\n    note: check the file name",
            "doc.md:8:6: error: no page for \"missing.md\"\n    note: check the file name",
        ])
        #expect(result.html.contains("<a href=\"missing.md\">gone</a>"))
        #expect(result.links.map(\.location.description) == ["doc.md:7:10", "doc.md:8:6"])
        let nested = render("> quoted line\n> and *[x](missing.md)*\n\n- item\n  more <https://e.org> and [y](y.md)\n", links: SiteResolver())
        #expect(nested.links.map(\.location.description) == ["doc.md:2:8", "doc.md:5:8", "doc.md:5:28"])
    }

    @Test("a dangerous replacement is still omitted in safe mode")
    func dangerousReplacement() {
        struct Evil: LinkResolver {
            func resolve(_ reference: LinkReference) -> LinkResolution { .replace("javascript:alert(1)") }
        }
        let result = render("[x](y.md)\n", links: Evil())
        #expect(result.html == "<p><a href=\"\">x</a></p>\n")
        #expect(result.diagnostics.count == 1)
    }

    @Test("no resolver, or one that keeps everything, leaves the HTML unchanged")
    func unchanged() {
        let bodies = [
            "[a](x.md \"t\") <https://e.org> ![i](p.png) [j](javascript:alert(1))\n\n> [q](q.md)\n",
            "- [l](l.md)\n- <me@example.org>\n\n[ref]: r.md\n\n[ref]\n",
        ]
        for body in bodies {
            let plain = MarkdownRenderer.render(body, file: "doc.md")
            #expect(render(body).html == plain.html)
            #expect(render(body, links: KeepResolver()).html == plain.html)
            #expect(render(body, links: KeepResolver()).diagnostics == plain.diagnostics)
        }
        let body = "HEGSETH: Read [this](x.md)[^n].\n\n[^n]: And [that](y.md).\n"
        #expect(transcript(body).html == transcript(body, links: KeepResolver()).html)
    }

    @Test("links are listed in document order, autolinks and reference links included, with or without a resolver")
    func order() {
        let body = "[one](1.md) <https://two.example/>\n\n> [three](3.md)\n\n- ![not](img.png) [four][r]\n- <five@example.org>\n\n[r]: 4.md\n"
        let expected = ["1.md", "https://two.example/", "3.md", "4.md", "mailto:five@example.org"]
        #expect(render(body).links.map(\.destination) == expected)
        #expect(render(body, links: SiteResolver()).links.map(\.destination) == expected)
        #expect(render(body).links.allSatisfy { $0.passageID == nil && !$0.inNote })
    }

    @Test("links inside turns carry the passage id of their paragraph; other turn blocks the turn's id")
    func passageIDs() {
        let body = "Intro [i](intro.md).\n\nHEGSETH: First [a](a.md).\n\nSecond [b](b.md).\n\n- [c](c.md)\n\n# Heading [h](h.md)\n"
        let result = transcript(body)
        let ids = result.passages.map(\.id)
        #expect(ids.count == 3)
        #expect(result.links.map(\.destination) == ["intro.md", "a.md", "b.md", "c.md", "h.md"])
        let turnID = result.passages.dropFirst().first?.turnID
        #expect(turnID != nil)
        #expect(result.links.map(\.passageID) == [ids[0], ids[1], ids[2], turnID, nil])
        #expect(result.html.contains("<p id=\"\(ids[1])\">First <a href=\"a.md\">a</a>.</p>"))
    }

    @Test("links inside point notes and annotation notes are resolved, flagged inNote, and listed where the note goes")
    func notes() {
        let annotation = Annotation(
            quote: "the line", kind: .context, note: "See [ctx](ctx.md) and [gone](missing.md).",
            location: SourceLocation(file: "t.md", line: 2)
        )
        let body = "HEGSETH: Hold the line[^n] [here](here.md).\n\nAfter [next](next.md).\n\n[^n]: Background in [bg](bg.md#t-00-01-00).\n"
        let result = transcript(body, annotations: [annotation], links: SiteResolver())
        #expect(result.html.contains("<a href=\"../bg/#t-00-01-00\">bg</a>"))
        #expect(result.html.contains("<a href=\"../ctx/\">ctx</a>"))
        #expect(result.html.contains("<a href=\"../here/\">here</a>"))
        let first = result.passages.first?.id
        // The range note's aside comes first: its quote ends before the marker.
        #expect(result.links.map(\.destination) == ["here.md", "ctx.md", "missing.md", "bg.md#t-00-01-00", "next.md"])
        #expect(result.html.firstRange(of: "id=\"note-a1\"").map(\.lowerBound) ?? result.html.endIndex
            < result.html.firstRange(of: "id=\"note-n\"").map(\.lowerBound) ?? result.html.startIndex)
        #expect(result.links.map(\.inNote) == [false, true, true, true, false])
        #expect(result.links.filter(\.inNote).allSatisfy { $0.passageID == first })
        let bg = result.links.first { $0.destination.hasPrefix("bg.md") }
        #expect(bg?.location.description == "t.md:5:21")
        #expect(result.diagnostics.map(\.message) == ["no page for \"missing.md\""])
        #expect(result.diagnostics.first?.location?.line == 2)
    }
}

@Suite("Deferred links: render first, resolve once the site is known")
struct DeferredLinkTests {
    private static let bodies = [
        "See [a](other.md), [b](dir.md#p-3f2a1c), <https://example.org/> and ![pic](pic.png \"t\").\n",
        "[gone](missing.md) and [bad](javascript:alert(1)) and [x](<a b.md>)\n",
        "# Title\n\nText with \u{0}NUL\u{0}1\u{0} and [l](x.md)\n\n[ref]: other.md 'T'\n\nUse [ref].\n",
        "HEGSETH: Hold the line[^n] [here](here.md).\n\nAfter [next](next.md).\n\n[^n]: Background in [bg](bg.md#t-00-01-00).\n",
    ]

    private static func options(transcript: Bool) -> MarkdownOptions {
        var options = MarkdownOptions()
        if transcript {
            let annotation = Annotation(
                quote: "the line", kind: .context, note: "See [ctx](ctx.md) and [gone](missing.md).",
                location: SourceLocation(file: "t.md", line: 2)
            )
            options.transcript = TranscriptContext(speakers: [TranscriptFixtures.hegseth], annotations: [annotation])
        }
        return options
    }

    @Test("filling the holes gives the HTML and link errors of rendering with the resolver", arguments: [false, true])
    func sameAsResolvingWhileWriting(transcript: Bool) {
        for body in Self.bodies {
            let options = Self.options(transcript: transcript)
            let direct = MarkdownRenderer.render(body, options: options, file: "t.md", links: SiteResolver())
            let deferred = MarkdownRenderer.renderDeferringLinks(body, options: options, file: "t.md")
            #expect(deferred.html != direct.html || deferred.pendingLinks.isEmpty)
            let (html, linkDiagnostics) = deferred.resolvingLinks(with: SiteResolver())
            #expect(html == direct.html, "\(body)")
            #expect((deferred.diagnostics + linkDiagnostics).sortedForDisplay() == direct.diagnostics.sortedForDisplay(), "\(body)")
            #expect(deferred.links == direct.links)
            // The same holes filled from the body's bytes, as a build reads them back from its store.
            let resolutions = deferred.pendingLinks.map(SiteResolver().resolve)
            let fromBytes = Array(deferred.html.utf8).withUnsafeBufferPointer { deferred.fillingLinks(resolutions, in: $0) }
            #expect(fromBytes.html == direct.html, "\(body)")
            #expect(fromBytes.diagnostics == linkDiagnostics)
        }
    }

    @Test("a NUL in the text is written as U+FFFD, so it cannot pose as a hole")
    func nulInText() {
        let deferred = MarkdownRenderer.renderDeferringLinks("a\u{0}0\u{0} [l](x.md)\n", file: "t.md")
        let (html, _) = deferred.resolvingLinks(with: SiteResolver())
        #expect(html == "<p>a\u{FFFD}0\u{FFFD} <a href=\"../x/\">l</a></p>\n")
    }
}
