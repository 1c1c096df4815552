import ArgumentParser
import Foundation
import GlossBuild
import GlossModel
import GlossServe

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build the site, serve it locally, and rebuild and reload on every save.",
        discussion: """
            Builds the site into .gloss/preview (a hidden folder beside the \
            content folder, never Public/), serves it at http://127.0.0.1:8080/, \
            and watches the content and templates folders. Every save rebuilds \
            the site (a burst of saves is one rebuild) and open pages reload once \
            the new site is complete. When a rebuild fails, the last good site \
            stays served and open pages show every error over the page until it \
            is fixed. Press Ctrl-C to stop.

            The live-reload script is added only to pages the server sends; \
            `gloss build` never writes it.

            Examples:
              gloss serve
              gloss serve --drafts --port 4000
              gloss serve --poll            # for network or shared folders
              gloss serve --host 0.0.0.0    # reachable from other machines
            """
    )

    @OptionGroup var site: SiteOptions

    @Option(help: "The address to listen on. The default accepts connections from this machine only.")
    var host = "127.0.0.1"

    @Option(help: ArgumentHelp("The port to listen on (0 for any free port). Without --port, 8080 or the next free one after it.", valueName: "port"))
    var port: Int?

    @Flag(help: "Find changes by scanning the folders every 250 ms instead of with inotify, for file systems where inotify sees nothing.")
    var poll = false

    func validate() throws {
        if let port, !(0 ... 65535).contains(port) {
            throw ValidationError("--port must be between 0 and 65535.")
        }
    }

    func run() async throws {
        let console = Console()
        let templates = site.templates ?? "Templates"
        let preview = PreviewDirectory.path(contentDirectory: site.content, templatesDirectory: templates)
        let watched = [site.content, templates].filter { FileManager.default.fileExists(atPath: $0) }
        var candidate = port ?? 8080
        let lastCandidate = port == nil ? candidate + 10 : candidate
        let site = site
        while true {
            let server = PreviewServer(
                configuration: .init(
                    host: host, port: candidate, siteDirectory: preview, watchedDirectories: watched,
                    polling: poll, stopsOnSignals: true
                ),
                makeRebuilder: { siteURL in
                    var settings = site.settings(output: preview)
                    settings.baseURL = site.baseURL ?? siteURL
                    return IncrementalRebuilder(settings: settings)
                },
                onListening: { siteURL, _ in
                    console.status("Serving \(siteURL) (built in \(Self.displayPath(preview)); Ctrl-C to stop)")
                },
                onRebuild: { report in Self.describe(report, console: console) }
            )
            do {
                try await server.run()
                console.status("Stopped.")
                return
            } catch PreviewServer.Failure.portInUse(let host, let busy) where busy < lastCandidate {
                console.status("Port \(busy) on \(host) is in use; trying \(busy + 1).")
                candidate = busy + 1
            } catch let failure as PreviewServer.Failure {
                let hint = port == nil ? "" : "; choose another with --port, or --port 0 for any free port"
                console.report([.error(at: nil, failure.description + hint)])
                throw ExitCode.failure
            } catch {
                console.report([.error(at: nil, "serve stopped: \(error)")])
                throw ExitCode.failure
            }
        }
    }

    private static func describe(_ report: RebuildCoordinator.Report, console: Console) {
        let time = Self.clockTime()
        let changed = report.changedPaths.sorted()
        let cause = changed.isEmpty ? "" : " (" + changed.prefix(3).joined(separator: ", ") + (changed.count > 3 ? ", +\(changed.count - 3) more" : "") + ")"
        if report.outcome.diagnostics.hasErrors {
            console.report(report.outcome.diagnostics)
            console.status("\(time) Build failed: \(console.tally(report.outcome.diagnostics))\(cause); the last good site is still served, and open pages show the errors.")
        } else {
            console.report(report.outcome.diagnostics)
            let verb = changed.isEmpty ? "Built" : "Rebuilt"
            console.status("\(time) \(verb) \(report.outcome.pageCount) pages in \(Console.seconds(report.duration))\(cause).")
        }
    }

    private static func clockTime() -> String {
        let parts = Calendar.current.dateComponents([.hour, .minute, .second], from: Date())
        return String(format: "[%02d:%02d:%02d]", parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0)
    }

    private static func displayPath(_ path: String) -> String {
        let here = FileManager.default.currentDirectoryPath + "/"
        return path.hasPrefix(here) ? String(path.dropFirst(here.count)) + "/" : path + "/"
    }
}
