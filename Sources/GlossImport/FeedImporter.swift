import CLibXML2
import GlossModel

/// RSS 2.0 and Atom: one transcript per item, its HTML content read like
/// a page's, its title, date and link into the front matter. Parsed by
/// libxml2 with the network off, so no external entity is ever fetched.
enum FeedImporter {
    static func read(_ text: String, input: ImportInput, expected: ImportFormat) throws(ImportFailure) -> [ImportedTranscript] {
        let document = try XMLDocument(text, file: input.name, expected: expected)
        let root = document.root
        let items: [XMLElement]
        var channelTitle: String?
        switch root.name {
        case "rss", "RDF":
            let channel = root.child("channel")
            channelTitle = channel?.child("title")?.text.collapsingWhitespace.nonEmpty
            items = (channel?.children("item") ?? []) + root.children("item")
        case "feed":
            channelTitle = root.child("title")?.text.collapsingWhitespace.nonEmpty
            items = root.children("entry")
        default:
            throw .at(input.name, line: root.line, "expected an RSS or Atom feed, found <\(root.name)>",
                      note: "an RSS feed starts with <rss>, an Atom feed with <feed>")
        }
        guard !items.isEmpty else {
            throw .at(input.name, line: root.line, "the feed has no items: expected <item> or <entry> elements")
        }
        return items.map { transcript(of: $0, feedTitle: channelTitle, input: input) }
    }

    private static func transcript(of item: XMLElement, feedTitle: String?, input: ImportInput) -> ImportedTranscript {
        let title = item.child("title")?.text.collapsingWhitespace ?? ""
        var transcript = ImportedTranscript(title: title, suggestedName: title.isEmpty ? input.stem : title)
        let dateText = ["pubDate", "published", "updated", "date"].lazy.compactMap { item.child($0)?.text }.first
        transcript.date = dateText.flatMap(DateText.parse)
        if let date = transcript.date { transcript.suggestedName = "\(date)-\(transcript.suggestedName)" }
        let link = item.children("link").first { ($0.attribute("rel") ?? "alternate") == "alternate" }
        let url = (link?.attribute("href") ?? link?.text)?.trimmingSpaces
        transcript.source = ImportedSource(title: title.nonEmpty, publisher: nil, url: url.flatMap { WebURL.isAbsolute($0) ? $0 : nil })
        let content = item.child("encoded") ?? item.child("content") ?? item.child("description") ?? item.child("summary")
        var blocks: [SourceBlock]
        if let content, content.attribute("type") == "text" {
            blocks = PlainParagraphs.split(content.text).map { .paragraph(MarkdownEscaping.escape($0.text), line: content.line) }
        } else if let content, content.attribute("type") == "xhtml" {
            blocks = HTMLImporter.blocks(ofFragment: content.innerXML)
        } else {
            blocks = HTMLImporter.blocks(ofFragment: content?.text ?? "")
        }
        if blocks.isEmpty { transcript.warnings.append(.warning(at: SourceLocation(file: input.name, line: item.line), "item \"\(title)\" has no content")) }
        var recognizer = StructureRecognizer(transcript: transcript, file: input.name)
        var result = recognizer.recognize(blocks)
        if result.source.publisher == nil, let feedTitle {
            result.source.publisher = feedTitle
        }
        if result.title.isEmpty { FileNameFacts.apply(to: &result, input: input) }
        return result
    }
}

extension FeedImporter {
    /// libxml2 (2.9) sets up its global state on first use, which is not
    /// safe from several threads at once: done once, before feeds are read
    /// in parallel.
    static func prepareForThreads() {
        xmlInitParser()
    }
}

/// A parsed XML document, freed when the value goes.
final class XMLDocument {
    private let pointer: xmlDocPtr
    let root: XMLElement

    init(_ text: String, file: String, expected: ImportFormat) throws(ImportFailure) {
        guard let context = xmlNewParserCtxt() else { throw .at(file, "cannot start the XML parser") }
        defer { xmlFreeParserCtxt(context) }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NOCDATA.rawValue)
        let bytes = Array(text.utf8)
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.flatMap { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { xmlCtxtReadMemory(context, $0, Int32(buffer.count), nil, "UTF-8", options) }
            }
        }
        guard let document, let root = xmlDocGetRootElement(document) else {
            if let document { xmlFreeDoc(document) }
            var line = 1
            var column = 1
            var message = "not well-formed"
            if let error = xmlCtxtGetLastError(context) {
                line = max(1, Int(error.pointee.line))
                column = max(1, Int(error.pointee.int2))
                if let text = error.pointee.message { message = String(cString: text).replacingOccurrences(of: "\n", with: " ").trimmingSpaces }
            }
            throw .at(file, line: line, column: column, "not a valid \(expected == .atom ? "Atom" : expected == .rss ? "RSS" : "XML") feed: \(message)",
                      note: "expected well-formed XML starting with <rss> or <feed>")
        }
        pointer = document
        self.root = XMLElement(root)
    }

    deinit { xmlFreeDoc(pointer) }
}

/// An element of a live `XMLDocument`, read by local name.
struct XMLElement {
    let node: xmlNodePtr

    init(_ node: xmlNodePtr) {
        self.node = node
    }

    var name: String { node.pointee.name.map { String(cString: $0) } ?? "" }
    var line: Int { max(1, Int(xmlGetLineNo(node))) }

    var elements: [XMLElement] {
        var out: [XMLElement] = []
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { out.append(XMLElement(current)) }
            child = current.pointee.next
        }
        return out
    }

    func child(_ name: String) -> XMLElement? { elements.first { $0.name == name } }
    func children(_ name: String) -> [XMLElement] { elements.filter { $0.name == name } }

    func attribute(_ name: String) -> String? {
        guard let value = xmlGetProp(node, name) else { return nil }
        defer { value.deallocate() }
        return String(cString: value)
    }

    /// The text content, entities and CDATA resolved.
    var text: String {
        guard let buffer = xmlBufferCreate() else { return "" }
        defer { xmlBufferFree(buffer) }
        xmlNodeBufGetContent(buffer, node)
        return xmlBufferContent(buffer).map { String(cString: $0) } ?? ""
    }

    /// The children serialised, for Atom's `type="xhtml"` content.
    var innerXML: String {
        guard let buffer = xmlBufferCreate() else { return "" }
        defer { xmlBufferFree(buffer) }
        var child = node.pointee.children
        while let current = child {
            xmlNodeDump(buffer, node.pointee.doc, current, 0, 0)
            child = current.pointee.next
        }
        return xmlBufferContent(buffer).map { String(cString: $0) } ?? ""
    }
}
