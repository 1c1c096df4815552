import ArgumentParser
import GlossBuild
import GlossModel

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Run every check that build makes, writing nothing.",
        discussion: """
            Loads the content, renders every page through the templates and \
            reports every problem, exactly as `gloss build` would, but writes no \
            file. Exits with status 1 if there was an error. Useful in an editor \
            or a pre-commit hook.

            Example:
              gloss check --content Content
            """
    )

    @OptionGroup var site: SiteOptions

    func run() throws {
        var settings = site.settings(output: "Public")
        settings.freesMemory = false
        let outcome = SiteBuilder(settings: settings).check()
        let console = Console()
        console.report(outcome.diagnostics)
        guard !outcome.diagnostics.hasErrors else {
            console.status("Check failed: \(console.tally(outcome.diagnostics)).")
            throw ExitCode.failure
        }
        console.status("Checked \(outcome.pageCount) pages: no errors\(outcome.diagnostics.isEmpty ? "" : ", " + console.tally(outcome.diagnostics)).")
    }
}
