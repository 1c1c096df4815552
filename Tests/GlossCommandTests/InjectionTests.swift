import Foundation
import Testing

/// The injection corpus (`Injection/`, made by its generate.py): vectors in
/// every field that reaches a page, imported through each importer, then
/// built. No page may contain an injected element, event handler or script
/// URL; `make check-injection` opens the same site in Chromium.
@Suite struct InjectionTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Injection").path

    /// The corpus site, imported and built in a temporary folder.
    static func builtCorpus() throws -> (site: String, build: TimedBuild.Result) {
        let site = NSTemporaryDirectory() + "gloss-injection-" + UUID().uuidString
        try FileManager.default.copyItem(atPath: corpus + "/site", toPath: site)
        let imports = ["page.html", "feed.xml", "captions.vtt"].map { corpus + "/imports/" + $0 }
        let imported = try TimedBuild.run(in: site, arguments: ["import", "--into", "Content/imported"] + imports, timeout: 60)
        guard imported.status == 0 else { throw CorpusFailed(step: "gloss import", output: imported.standardError) }
        return (site, try TimedBuild.run(in: site, timeout: 120))
    }

    struct CorpusFailed: Error, CustomStringConvertible {
        var step: String
        var output: String
        var description: String { "\(step) failed on the injection corpus: \(output)" }
    }

    @Test func noInjectedMarkupReachesAnyPage() throws {
        let (site, build) = try Self.builtCorpus()
        defer { try? FileManager.default.removeItem(atPath: site) }
        try #require(build.status == 0, "the corpus must build: \(build.standardError)")

        var pages = 0
        var findings: [String] = []
        var markers = Set<String>()
        let output = site + "/Public"
        for page in HTMLScan.pages(under: output) {
            pages += 1
            let html = String(decoding: FileManager.default.contents(atPath: output + "/" + page) ?? Data(), as: UTF8.self)
            findings += HTMLScan.findings(in: html).filter { finding in
                // The search page's own form (docs/search.md), exactly as the theme writes it.
                !(page == "search/index.html" && HTMLScan.searchPageElements.contains(finding))
            }.map { "\(page): \($0)" }
            markers.formUnion(HTMLScan.markers(in: html))
        }
        #expect(pages > 20, "the corpus built only \(pages) pages")
        #expect(findings.isEmpty, "\(findings.count) injected constructs, first: \(findings.prefix(20).joined(separator: "\n"))")

        // The vectors did reach the pages, escaped: otherwise the scan proved nothing.
        let places = ["site-title", "site-description", "speaker-name", "speaker-role", "title", "summary", "event", "place",
                      "kind", "topics", "speaker-link", "source-title", "source-publisher", "source-url", "media-url", "annotation-note",
                      "annotation-source-title", "annotation-source-url", "annotation-author", "body", "point-note",
                      "import-html", "import-rss", "import-vtt"]
        for place in places {
            #expect(markers.contains { $0.hasPrefix("GLOSSXSS-\(place)-") }, "no vector of \(place) reached any page")
        }
    }

    /// A theme that prints a field without escaping it is caught on the built pages.
    @Test func aThemePrintingRawTextIsCaught() throws {
        let site = NSTemporaryDirectory() + "gloss-injection-raw-" + UUID().uuidString
        try FileManager.default.copyItem(atPath: Self.corpus + "/site", toPath: site)
        defer { try? FileManager.default.removeItem(atPath: site) }
        try FileManager.default.createDirectory(atPath: site + "/Templates/partials", withIntermediateDirectories: true)
        try Data("<footer class=\"site-footer\">{{{site.title}}}</footer>\n".utf8)
            .write(to: URL(fileURLWithPath: site + "/Templates/partials/footer.mustache"))
        let build = try TimedBuild.run(in: site, timeout: 120)
        try #require(build.status == 0, "\(build.standardError)")
        let home = String(decoding: FileManager.default.contents(atPath: site + "/Public/index.html") ?? Data(), as: UTF8.self)
        #expect(HTMLScan.findings(in: home).contains { $0.contains("GLOSSXSS-site-title-0") })
    }

    /// The scan finds each kind of construct it looks for.
    @Test(arguments: [
        "<p><script>alert('GLOSSXSS-x-1')</script></p>",
        "<img src=x onerror=alert('GLOSSXSS-x-1')>",
        "<a href=\"https://e.org/\" onmouseover=\"alert('GLOSSXSS-x-1')\">",
        "<a href=\"&#106;avascript:alert(1)\">x</a>",
        "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
        "<iframe src=\"https://e.org/GLOSSXSS-x-1\"></iframe>",
        "<a href=' JAVASCRIPT:alert(1)'>x</a>",
        "<object data=\"data:text/html,x\">",
        "<svg><animate onbegin=x>",
        "<script>var a = 'GLOSSXSS-x-1';</script>",
        "<script type=\"application/ld+json\">alert('GLOSSXSS-x-1')</script>",
        "<script type=\"application/ld+json\">{\"a\": \"</script><script>alert(1)\"}</script>",
    ])
    func theScanDetects(_ html: String) {
        #expect(!HTMLScan.findings(in: "<!doctype html><p>ok</p>" + html).isEmpty)
    }

    @Test(arguments: [
        "<p>&lt;script&gt;alert('GLOSSXSS-x-1')&lt;/script&gt;</p>",
        "<a href=\"https://e.org/?q=%22%3E%3Cscript%3EGLOSSXSS-x-1\" title=\"&quot; onmouseover=&quot;GLOSSXSS\">x</a>",
        "<script src=\"../assets/gloss.js\" defer></script>",
        "<code>javascript:alert(1)</code>",
        "<p>onerror=alert(1) data:text/html</p>",
        "<script type=\"application/ld+json\">{\"name\": \"\\u003cscript\\u003e\"}</script>",
    ])
    func theScanAllowsEscapedText(_ html: String) {
        #expect(HTMLScan.findings(in: html).isEmpty, "\(HTMLScan.findings(in: html))")
    }
}

/// A rough HTML tokenizer: enough to tell markup from escaped text in
/// Gloss's output, which is well-formed, to find what an injection left.
enum HTMLScan {
    /// The elements of the theme's search page that the scan would report
    /// anywhere else: its form, and what it says without JavaScript.
    static let searchPageElements: Set<String> = [
        #"element <form>: <form class="search-form" id="search-form" role="search" action="./" method="get">"#,
        #"element <input>: <input type="search" id="search-query" name="q" spellcheck="false" aria-describedby="search-help">"#,
        #"element <button>: <button type="submit">"#,
        "element <noscript>: <noscript>",
    ]

    static let forbiddenElements: Set<String> = ["iframe", "object", "embed", "frame", "frameset", "applet", "base", "form", "math",
                                                 "svg", "style", "textarea", "input", "button", "xmp", "noscript", "isindex"]
    static let urlAttributes: Set<String> = ["href", "src", "action", "formaction", "data", "xlink:href", "poster", "background",
                                             "srcdoc", "content", "cite", "srcset"]
    static let markerPrefix = "GLOSSXSS-"

    static func pages(under root: String) -> [String] {
        var pages: [String] = []
        guard let walker = FileManager.default.enumerator(atPath: root) else { return pages }
        while let entry = walker.nextObject() as? String {
            if entry.hasSuffix(".html") { pages.append(entry) }
        }
        return pages.sorted()
    }

    struct Tag {
        var name: String
        var attributes: [(name: String, value: String)]
        var raw: Substring
        var end: String.Index
    }

    /// Every start tag of `html`, with the text of each `<script>`.
    static func tags(in html: String) -> [Tag] {
        var tags: [Tag] = []
        var index = html.startIndex
        while let open = html[index...].firstIndex(of: "<") {
            let afterOpen = html.index(after: open)
            guard afterOpen < html.endIndex else { break }
            if html[afterOpen...].hasPrefix("!--") {
                index = html[afterOpen...].range(of: "-->")?.upperBound ?? html.endIndex
                continue
            }
            guard html[afterOpen].isLetter else {
                index = afterOpen
                continue
            }
            var cursor = afterOpen
            while cursor < html.endIndex, !html[cursor].isWhitespace, html[cursor] != ">", html[cursor] != "/" {
                cursor = html.index(after: cursor)
            }
            let name = html[afterOpen..<cursor].lowercased()
            var attributes: [(String, String)] = []
            // Attributes: name, optional = and a quoted or bare value.
            while cursor < html.endIndex, html[cursor] != ">" {
                if html[cursor].isWhitespace || html[cursor] == "/" {
                    cursor = html.index(after: cursor)
                    continue
                }
                let nameStart = cursor
                while cursor < html.endIndex, !html[cursor].isWhitespace, !"=>/".contains(html[cursor]) {
                    cursor = html.index(after: cursor)
                }
                let attributeName = html[nameStart..<cursor].lowercased()
                while cursor < html.endIndex, html[cursor].isWhitespace { cursor = html.index(after: cursor) }
                var value = ""
                if cursor < html.endIndex, html[cursor] == "=" {
                    cursor = html.index(after: cursor)
                    while cursor < html.endIndex, html[cursor].isWhitespace { cursor = html.index(after: cursor) }
                    if cursor < html.endIndex, html[cursor] == "\"" || html[cursor] == "'" {
                        let quote = html[cursor]
                        let valueStart = html.index(after: cursor)
                        let valueEnd = html[valueStart...].firstIndex(of: quote) ?? html.endIndex
                        value = String(html[valueStart..<valueEnd])
                        cursor = valueEnd < html.endIndex ? html.index(after: valueEnd) : valueEnd
                    } else {
                        let valueStart = cursor
                        while cursor < html.endIndex, !html[cursor].isWhitespace, html[cursor] != ">" { cursor = html.index(after: cursor) }
                        value = String(html[valueStart..<cursor])
                    }
                }
                if !attributeName.isEmpty { attributes.append((attributeName, value)) }
            }
            let end = cursor < html.endIndex ? html.index(after: cursor) : cursor
            tags.append(Tag(name: name, attributes: attributes, raw: html[open..<end], end: end))
            index = end
        }
        return tags
    }

    /// What an injection would leave: forbidden elements, event handlers,
    /// script URLs, inline scripts, markers inside markup.
    static func findings(in html: String) -> [String] {
        var findings: [String] = []
        let tags = tags(in: html)
        if tags.filter({ $0.name == "body" }).count > 1 { findings.append("a second <body>") }
        for tag in tags {
            let raw = String(tag.raw.prefix(160))
            if forbiddenElements.contains(tag.name) { findings.append("element <\(tag.name)>: \(raw)") }
            if tag.name == "script" {
                let source = tag.attributes.first { $0.name == "src" }?.value ?? ""
                let closing = html[tag.end...].range(of: "</script", options: .caseInsensitive)?.lowerBound ?? html.endIndex
                let body = html[tag.end..<closing]
                // The page's schema.org data (docs/exports.md): a data block, never run,
                // whose JSON escapes every `<`, so that nothing in it can end the element.
                let type = tag.attributes.first { $0.name == "type" }?.value ?? ""
                if type == "application/ld+json", source.isEmpty, !body.contains("<"),
                   (try? JSONSerialization.jsonObject(with: Data(body.utf8))) != nil {
                    continue
                }
                // The theme's scripts: gloss.js on every page, search.js on the search page.
                if !(source.hasSuffix("assets/gloss.js") || source.hasSuffix("assets/search.js")) || !body.allSatisfy(\.isWhitespace) {
                    findings.append("script: \(raw)\(body.prefix(80))")
                }
            }
            if tag.name == "meta", tag.attributes.contains(where: { $0.name == "http-equiv" }) {
                findings.append("meta http-equiv: \(raw)")
            }
            for (name, value) in tag.attributes {
                if name.hasPrefix("on") { findings.append("event handler \(name): \(raw)") }
                if name.contains(markerPrefix.lowercased()) { findings.append("attribute named by a marker: \(raw)") }
                if urlAttributes.contains(name), isScriptURL(value) { findings.append("script URL in \(name): \(raw)") }
            }
        }
        return findings
    }

    /// A URL a browser would run or render as a document: after decoding
    /// character references and dropping the whitespace and controls browsers
    /// ignore, it starts with javascript:, vbscript: or data:text/html.
    static func isScriptURL(_ value: String) -> Bool {
        let decoded = decodeCharacterReferences(value)
        let squeezed = String(String.UnicodeScalarView(decoded.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F })).lowercased()
        let target = squeezed.hasPrefix("0;url=") ? String(squeezed.dropFirst(6)) : squeezed
        return target.hasPrefix("javascript:") || target.hasPrefix("vbscript:") || target.hasPrefix("data:text/html")
            || target.hasPrefix("data:image/svg")
    }

    static func decodeCharacterReferences(_ text: String) -> String {
        var result = ""
        var index = text.startIndex
        let named = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "colon": ":", "tab": "\t", "newline": "\n"]
        while index < text.endIndex {
            let character = text[index]
            guard character == "&", let semicolon = text[index...].prefix(12).firstIndex(of: ";") else {
                result.append(character)
                index = text.index(after: index)
                continue
            }
            let entity = text[text.index(after: index)..<semicolon]
            var replacement: String?
            if entity.hasPrefix("#x") || entity.hasPrefix("#X") {
                replacement = UInt32(entity.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String($0) }
            } else if entity.hasPrefix("#") {
                replacement = UInt32(entity.dropFirst()).flatMap(Unicode.Scalar.init).map { String($0) }
            } else {
                replacement = named[entity.lowercased()]
            }
            if let replacement {
                result += replacement
                index = text.index(after: semicolon)
            } else {
                result.append(character)
                index = text.index(after: index)
            }
        }
        return result
    }

    /// Each marker that appears in the page, escaped or not, with spaces
    /// read as hyphens (a kind label shows "GLOSSXSS kind 0").
    static func markers(in html: String) -> Set<String> {
        var found = Set<String>()
        var index = html.startIndex
        while let range = html[index...].range(of: "GLOSSXSS") {
            var end = range.upperBound
            while end < html.endIndex, html[end].isLetter || html[end].isNumber || html[end] == "-" || html[end] == " " {
                end = html.index(after: end)
            }
            found.insert(html[range.lowerBound..<end].replacingOccurrences(of: " ", with: "-"))
            index = end
        }
        return found
    }
}
