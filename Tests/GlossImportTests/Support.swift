import Foundation
import GlossBuild
import GlossModel
import Testing
@testable import GlossImport

/// Files under `Fixtures/`, read from beside this source file.
enum Fixture {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func input(_ name: String) throws -> ImportInput {
        ImportInput(name: name, bytes: Array(try Data(contentsOf: directory.appendingPathComponent(name))))
    }

    /// The one transcript of a fixture (or the `index`th of a feed).
    static func transcript(_ name: String, index: Int = 0) throws -> ImportedTranscript {
        let transcripts = try Importer.read(try input(name)).transcripts
        return try #require(transcripts.indices.contains(index) ? transcripts[index] : nil)
    }
}

/// `text` imported as a file called `name`.
func imported(_ text: String, name: String = "x.txt", format: ImportFormat = .auto) throws -> ImportedTranscript {
    let transcripts = try Importer.read(ImportInput(name: name, bytes: Array(text.utf8)), as: format).transcripts
    return try #require(transcripts.first)
}

func markdown(_ text: String, name: String = "x.txt", format: ImportFormat = .auto) throws -> String {
    TranscriptWriter.markdown(for: try imported(text, name: name, format: format))
}

/// The `../shared/samples` folder beside the project, if this machine has it.
enum SharedSamples {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared")

    static func files(in folder: String) -> [URL] {
        let url = root.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.sorted().filter { !$0.hasPrefix(".") && $0 != "README.md" }.map { url.appendingPathComponent($0) }
            .filter { (try? $0.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) != true }
    }
}

/// An imported file built with the real pipeline in a site of its own.
struct BuiltImport {
    var diagnostics: [Diagnostic]
    var pages: [String: String]

    /// Imports `input`, writes each transcript into a fresh site, builds it,
    /// and returns the diagnostics and each transcript page's HTML by file name.
    static func build(_ input: ImportInput) throws -> BuiltImport {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gloss-import-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let content = directory.appendingPathComponent("Content")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        try Data("title: Imports\n".utf8).write(to: content.appendingPathComponent("site.yaml"))
        let plan = ImportPlan.make(inputs: [input], format: .auto, into: content.path, force: false, exists: { _ in false })
        #expect(!plan.diagnostics.hasErrors, "\(plan.diagnostics)")
        for file in plan.files { try Data(file.markdown.utf8).write(to: URL(fileURLWithPath: file.path)) }
        let output = directory.appendingPathComponent("Public").path
        let outcome = SiteBuilder(settings: BuildSettings(
            contentDirectory: content.path, templatesDirectory: directory.appendingPathComponent("Templates").path,
            templatesDirectoryRequired: false, outputDirectory: output, includeDrafts: true
        )).build()
        var pages: [String: String] = [:]
        for file in plan.files {
            let slug = (file.path as NSString).lastPathComponent.dropLast(3)
            pages[String(slug)] = try? String(contentsOfFile: output + "/\(slug)/index.html", encoding: .utf8)
        }
        return BuiltImport(diagnostics: outcome.diagnostics, pages: pages)
    }
}

/// The source's main text: a Markdown file's title and body (tags and link
/// targets aside), any other file whole; the feed footer, which becomes
/// `source.publisher`, left out.
func mainText(of input: ImportInput) throws -> String {
    var text = String(decoding: input.bytes, as: UTF8.self)
    if text.hasPrefix("---\n"), let close = text.range(of: "\n---\n", range: text.index(text.startIndex, offsetBy: 3)..<text.endIndex) {
        let front = text[..<close.lowerBound]
        let title = front.split(separator: "\n").first { $0.hasPrefix("title:") }.map { String($0.dropFirst(6)) } ?? ""
        text = title.replacingOccurrences(of: "\\_", with: " ") + "\n" + text[close.upperBound...]
    }
    var lines = text.components(separatedBy: "\n")
    lines.removeAll { $0.hasPrefix("The post ") && $0.contains(" appeared first on ") }
    text = lines.joined(separator: "\n")
    // Markup is not text: tags and link targets.
    text = text.replacingOccurrences(of: "<s>", with: " ").replacingOccurrences(of: "</s>", with: " ")
    while let open = text.range(of: "]("), let close = text[open.upperBound...].firstIndex(of: ")") {
        text.replaceSubrange(text.index(after: open.lowerBound)...close, with: " ")
    }
    return text
}

func coverage(of input: ImportInput, page: String) throws -> (coverage: Double, missing: [String]) {
    WordCoverage.measure(source: WordCoverage.words(try mainText(of: input)), page: WordCoverage.words(WordCoverage.pageText(page)))
}

/// A record page's text as the reader of the printed record sees it: the
/// `<pre>` of an HTML page without tags, or a text file whole; the header
/// lines left out, since they become front matter (checked on their own),
/// and a `{time}  1430` marker in the clock form it is written in (`14:30`).
func recordText(of input: ImportInput) -> String {
    var text = String(decoding: input.bytes.filter { $0 != 0 }, as: UTF8.self)
    if let open = text.range(of: "<pre>"), let close = text.range(of: "</pre>", options: .backwards) {
        text = WordCoverage.pageText(String(text[open.upperBound..<close.lowerBound]))
    }
    var lines = text.components(separatedBy: "\n")
    while let first = lines.first, first.trimmingCharacters(in: .whitespaces).isEmpty { lines.removeFirst() }
    while let first = lines.first, first.hasPrefix("[") && !first.hasPrefix("[[") || first.hasPrefix("From the Congressional Record") {
        lines.removeFirst()
    }
    return lines.map { line in
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("{time}"), let clock = PreformattedText.clockMarker(trimmed) else { return line }
        return clock
    }.joined(separator: "\n")
}

/// Paragraphs said by a speaker and paragraphs outside any turn, leaving
/// out what is not speech: stage directions, titles, page markers, inserts.
func attribution(of transcript: ImportedTranscript) -> (attributed: Int, unattributed: Int) {
    var attributed = 0
    var unattributed = 0
    for block in transcript.blocks {
        switch block {
        case .turn(let turn):
            attributed += turn.paragraphs.filter { !$0.isEmpty && !$0.hasPrefix(">") && !$0.hasPrefix("```") }.count
        case .paragraph(let text):
            let plain = MarkdownEscaping.plainText(text)
            if !StageDirection.matches(plain) && !plain.hasPrefix("[[Page ") { unattributed += 1 }
        default: break
        }
    }
    return (attributed, unattributed)
}
