import ArgumentParser
import GlossBuild
import GlossModel

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site into the output folder.",
        discussion: """
            Every problem in the content and templates is reported, compiler-style \
            (file:line:column: error: …), and the build exits with status 1 if \
            there was an error. The site is written beside the output folder and \
            swapped into place only when complete, so a failed or interrupted \
            build leaves the previous output as it was.

            Rebuilds are incremental: only pages whose inputs changed are \
            rendered and written, and when no input changed nothing is done. \
            The previous generation of the site and every transcript's \
            rendered body are kept beside the output, in .NAME.gloss-cache/, \
            so that the swap stays atomic and unchanged transcripts are not \
            rendered again; delete it to force a full build.

            Examples:
              gloss build
              gloss build --output dist --base-url https://example.org/archive/
              gloss build --timings
            """
    )

    @OptionGroup var site: SiteOptions

    @Option(help: "The folder to write the site to. It is replaced as a whole.")
    var output = "Public"

    @Flag(help: "Print how long each step of the build took.")
    var timings = false

    func run() throws {
        let clock = ContinuousClock()
        let start = clock.now
        let progress = BuildProgressLine()
        var settings = site.settings(output: output)
        settings.progress = { progress.update($0) }
        settings.freesMemory = false
        let outcome = SiteBuilder(settings: settings).build()
        progress.finish()
        let console = Console()
        console.report(outcome.diagnostics)
        guard !outcome.diagnostics.hasErrors else {
            console.status("Build failed: \(console.tally(outcome.diagnostics)); \(output)/ was left as it was.")
            throw ExitCode.failure
        }
        if timings {
            // A step measured in two parts (before and after the pages are written) is shown once.
            var totals: [String: Duration] = [:]
            for phase in outcome.timings.phases { totals[phase.name, default: .zero] += phase.duration }
            var shown: Set<String> = []
            for phase in outcome.timings.phases where shown.insert(phase.name).inserted {
                console.status("  \(phase.name): \(Console.seconds(totals[phase.name] ?? phase.duration))")
            }
        }
        let elapsed = Console.seconds(start.duration(to: clock.now))
        if outcome.pagesWritten == 0 {
            console.status("\(output)/ is up to date: \(outcome.pageCount) pages, nothing changed (\(elapsed)).")
        } else {
            console.status("Built \(outcome.pageCount) pages into \(output)/ in \(elapsed); \(outcome.pagesWritten) files written.")
        }
    }
}
