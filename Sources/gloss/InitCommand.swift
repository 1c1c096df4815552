import ArgumentParser
import GlossBuild
import GlossModel

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a new site that builds at once.",
        discussion: """
            Writes Content/site.yaml, Content/speakers.yaml, one example \
            transcript, and a copy of the built-in theme in Templates/ for you to \
            edit. Refuses a folder that exists and is not empty.

            Example:
              gloss init my-archive && cd my-archive && gloss build
            """
    )

    @Argument(help: "The folder to create.")
    var directory: String

    func run() throws {
        let console = Console()
        do {
            let written = try SiteInitializer().create(at: directory)
            console.status("Created a new site in \(directory)/ (\(written) files). Next: cd \(directory) && gloss build")
        } catch {
            console.report([error.diagnostic])
            throw ExitCode.failure
        }
    }
}
