import Foundation
import GlossContent
import GlossMarkdown
import GlossModel
import GlossRender
import GlossSite

/// Turns a content folder into a site: load → parse → link → render → write.
///
/// Every step collects diagnostics instead of stopping, so one run reports every
/// problem. Nothing is written to the output unless the whole run is free of
/// errors; the pages are written to a staging directory and swapped in at the end.
public struct SiteBuilder: Sendable {
    public var settings: BuildSettings
    var fileSystem: any ContentFileSystem
    var policy: OutputDirectoryPolicy

    public init(settings: BuildSettings, fileSystem: any ContentFileSystem = LocalFileSystem(), policy: OutputDirectoryPolicy = OutputDirectoryPolicy()) {
        self.settings = settings
        self.fileSystem = fileSystem
        self.policy = policy
    }

    /// Everything `build()` does except writing.
    public func check() -> BuildOutcome {
        run(staging: nil, diagnostics: [])
    }

    /// Builds the site and, if there were no errors, replaces the output directory with it.
    public func build() -> BuildOutcome {
        if let refusal = policy.refusal(
            output: settings.outputDirectory,
            displayPath: settings.outputDirectory,
            protected: [
                (settings.contentDirectory, settings.contentDirectory),
                (settings.templatesDirectory, settings.templatesDirectory),
            ]
        ) {
            return BuildOutcome(diagnostics: [.error(at: nil, refusal)], pageCount: 0)
        }
        let staging: StagingDirectory
        do {
            staging = try StagingDirectory(outputPath: settings.outputDirectory)
        } catch {
            return BuildOutcome(diagnostics: [.error(at: nil, "cannot prepare the output: \(error)")], pageCount: 0)
        }
        var outcome = run(staging: staging, diagnostics: [])
        guard !outcome.diagnostics.hasErrors else {
            staging.discard()
            return outcome
        }
        do {
            try staging.commit()
        } catch {
            staging.discard()
            outcome.diagnostics.append(.error(at: nil, "cannot put the new site in place: \(error)"))
        }
        return outcome
    }

    private func run(staging: StagingDirectory?, diagnostics initial: [Diagnostic]) -> BuildOutcome {
        var diagnostics = initial

        // Load
        var content = ContentLoader(fileSystem: fileSystem).load(directory: settings.contentDirectory, displayPath: settings.contentDirectory)
        diagnostics += content.diagnostics
        if let baseURL = settings.baseURL { content.config.baseURL = baseURL }
        let documents = content.documents.filter { settings.includeDrafts || !$0.frontMatter.draft }

        // Templates
        if settings.templatesDirectoryRequired, (try? fileSystem.status(of: settings.templatesDirectory))??.kind != .directory {
            diagnostics.append(.error(at: nil, "templates directory \"\(settings.templatesDirectory)\" does not exist"))
        }
        let (theme, themeDiagnostics) = Theme.load(overridesFrom: settings.templatesDirectory, displayPath: settings.templatesDirectory)
        diagnostics += themeDiagnostics
        let renderer: PageRenderer
        do {
            renderer = try PageRenderer(theme: theme, site: content.config, speakers: content.speakers)
        } catch {
            return BuildOutcome(diagnostics: diagnostics + error.diagnostics, pageCount: 0)
        }

        // Parse, render and write each transcript; one document at a time per core
        // keeps memory flat however large the site.
        let options = MarkdownOptions(
            unsafeHTML: content.config.options.unsafeHTML,
            smartPunctuation: content.config.options.smartPunctuation,
            reservedIDs: renderer.templateIDs
        )
        let perDocument: [[Diagnostic]] = documents.parallelMap { document in
            let markdown = MarkdownRenderer.render(document.body, options: options, file: document.displayPath, firstLine: document.bodyStartLine)
            let page = renderer.transcriptPage(TranscriptPageInput(document: document, bodyHTML: markdown.html))
            var found = markdown.diagnostics
            if let staging {
                do {
                    try staging.write(Array(page.utf8), to: SiteURL.pageFile(forSlug: document.slug))
                } catch {
                    found.append(.error(at: SourceLocation(file: document.displayPath), "cannot write its page: \(error)"))
                }
            }
            return found
        }
        diagnostics += perDocument.joined()

        // Site-wide pages and assets
        var sitePages: [(String, [UInt8])] = [
            ("index.html", Array(renderer.homePage(documents: documents).utf8)),
            (PageRenderer.notFoundFile, Array(renderer.notFoundPage().utf8)),
        ]
        sitePages += renderer.assets.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        if let staging {
            for (path, bytes) in sitePages {
                do {
                    try staging.write(bytes, to: path)
                } catch {
                    diagnostics.append(.error(at: nil, "cannot write \(path): \(error)"))
                }
            }
        }
        return BuildOutcome(diagnostics: diagnostics, pageCount: documents.count + 2)
    }
}
