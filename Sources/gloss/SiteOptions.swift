import Foundation
import ArgumentParser
import GlossBuild
import GlossModel

/// The options every command that reads a site shares.
struct SiteOptions: ParsableArguments {
    @Option(help: "The folder of Markdown transcripts, site.yaml and speakers.yaml.")
    var content = "Content"

    @Option(help: ArgumentHelp("The folder of the site's own templates and assets; files in it replace the built-in theme's files of the same name.", valueName: "templates"))
    var templates: String?

    @Option(name: .customLong("base-url"), help: "The absolute URL the site is published at, overriding base_url in site.yaml.")
    var baseURL: String?

    @Flag(help: "Include transcripts marked `draft: true` and those dated after today.")
    var drafts = false

    /// Today on the local calendar: the one place the CLI reads the clock.
    static func today() -> CalendarDate? {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        guard let year = parts.year, let month = parts.month, let day = parts.day else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }

    func settings(output: String) -> BuildSettings {
        BuildSettings(
            contentDirectory: content,
            templatesDirectory: templates ?? "Templates",
            templatesDirectoryRequired: templates != nil,
            outputDirectory: output,
            baseURL: baseURL,
            includeDrafts: drafts,
            today: Self.today()
        )
    }
}
