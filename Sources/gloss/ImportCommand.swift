import ArgumentParser
import Foundation
import GlossImport
import GlossModel

extension ImportFormat: ExpressibleByArgument {}

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Turn articles, pages, feeds and captions into transcripts.",
        discussion: """
            Reads each FILE (`-` for standard input) and writes one Markdown \
            transcript with front matter into the content folder (one per item \
            for a feed): speakers with their aliases, turns, timestamps, quotes, \
            posts, corrections and links, every word of the source kept.

            The format is found from the content unless --format says it. \
            Nothing is fetched from the network. No file is overwritten \
            without --force, and if any input fails nothing is written.

            Examples:
              gloss import article.txt
              gloss import --into Content/2025 briefing.md page.html
              gloss import --format rss feed.xml
              curl -s https://example.org/captions.vtt | gloss import --format vtt -
              gloss import --dry-run speeches/*.txt
            """
    )

    @Argument(help: "Files to import; `-` reads standard input.")
    var files: [String]

    @Option(help: "The folder to write the transcripts into.")
    var into = "Content"

    @Option(help: "auto, text, markdown, html, rss, atom, vtt or srt.")
    var format: ImportFormat = .auto

    @Flag(help: "Replace transcripts that exist already.")
    var force = false

    @Flag(name: .customLong("dry-run"), help: "Show what would be written, and write nothing.")
    var dryRun = false

    @Option(help: "How many files to read at once (default: one per core). The output is the same for any number.")
    var jobs = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1, found \(jobs)") }
    }

    func run() throws {
        let console = Console()
        let fileSystem = LocalImportFileSystem()
        let clock = ContinuousClock()
        let started = clock.now
        var inputs: [ImportInput] = []
        var problems: [Diagnostic] = []
        for file in files {
            do {
                inputs.append(ImportInput(name: file, bytes: try fileSystem.read(file)))
            } catch {
                problems.append(.error(at: SourceLocation(file: file), "cannot read: \((error as? LocalImportFileSystem.Failure)?.reason ?? "\(error)")"))
            }
        }
        let progress = ProgressBar(total: inputs.count, enabled: inputs.count >= ProgressBar.threshold && isatty(STDERR_FILENO) == 1)
        var plan = ImportPlan.make(inputs: inputs, format: format, into: into, force: force,
                                   exists: fileSystem.exists, jobs: jobs, progress: progress.update)
        progress.finish()
        plan.diagnostics = problems + plan.diagnostics
        console.report(plan.diagnostics)
        guard !plan.diagnostics.hasErrors else {
            console.status("Import failed: \(console.tally(plan.diagnostics)); nothing was written.")
            throw ExitCode.failure
        }
        for file in plan.files { console.status(file.summary) }
        if dryRun {
            console.status("Dry run: \(plan.files.count) transcript\(plan.files.count == 1 ? "" : "s") would be written.")
            return
        }
        // Written `jobs` at a time: each file is synced to disk before it is
        // moved into place, and the waits overlap. Failures are reported in
        // the order of the inputs.
        let files = plan.files
        let replacing = force
        // Folders first, one at a time, so that no two writers race to create one.
        for folder in Set(files.map { ($0.path as NSString).deletingLastPathComponent }).sorted() where !folder.isEmpty {
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        let failures = ParallelResults<(Int, String)?>(count: files.count)
        Parallel.forEach(count: files.count, jobs: jobs) { index in
            do {
                try fileSystem.write(Array(files[index].markdown.utf8), to: files[index].path, replacing: replacing)
                failures.store(nil, at: index)
            } catch {
                failures.store((index, (error as? LocalImportFileSystem.Failure)?.reason ?? "\(error)"), at: index)
            }
        }
        let failed = failures.values.compactMap { $0 }
        if !failed.isEmpty {
            console.report(failed.map { .error(at: SourceLocation(file: files[$0.0].path), "cannot write: \($0.1)") })
            throw ExitCode.failure
        }
        console.status("Imported \(plan.files.count) transcript\(plan.files.count == 1 ? "" : "s") from \(inputs.count) file\(inputs.count == 1 ? "" : "s") in \(Console.seconds(clock.now - started)).")
    }
}

/// A one-line bar on standard error while many files are read.
final class ProgressBar: @unchecked Sendable {
    static let threshold = 20
    private let total: Int
    private let enabled: Bool
    private var lastDrawn = -1

    init(total: Int, enabled: Bool) {
        self.total = total
        self.enabled = enabled
    }

    func update(done: Int, name: String) {
        guard enabled, total > 0 else { return }
        let width = 30
        let filled = done * width / total
        // Redraw only when the bar moves or at the end, not for every file.
        guard filled != lastDrawn || done == total else { return }
        lastDrawn = filled
        let bar = String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled)
        FileHandle.standardError.write(Data("\r[\(bar)] \(done)/\(total)".utf8))
    }

    func finish() {
        guard enabled, total > 0 else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
